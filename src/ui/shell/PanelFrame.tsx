import { useRef, type ReactNode } from 'react';

/** A titled panel with a fullscreen button; `tools` (such as export buttons) sit in the head beside it. */
export function PanelFrame({ id, title, className, tools, children }: { id: string; title: string; className?: string; tools?: ReactNode; children: ReactNode }) {
  const ref = useRef<HTMLElement>(null);
  const full = () => {
    const el = ref.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void el.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <section className={`panel view ${className ?? ''}`} ref={ref} data-panel={id} aria-label={title}>
      <div className="panel-head">
        <h2>{title}</h2>
        {tools}
        <button type="button" className="icon" aria-label={`show ${title} full screen`} onClick={full}>
          ⛶
        </button>
      </div>
      <div className="panel-body">{children}</div>
    </section>
  );
}
