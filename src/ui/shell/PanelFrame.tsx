import { useRef, type CSSProperties, type ReactNode } from 'react';
import type { LectureShown } from '../panels/layout';
import { useScrollFocus } from './use-scroll-focus';

/**
 * A titled panel with a fullscreen button; `tools` (such as export buttons) sit in
 * the head beside it. `lecture` says whether lecture mode shows it (app.css reads it).
 */
export function PanelFrame({
  id,
  title,
  short,
  className,
  tools,
  style,
  lecture,
  note,
  children,
}: {
  id: string;
  title: string;
  /** What a narrow panel shows instead of `title` (app.css's container query); required, so no panel is ever left without a title. */
  short: string;
  className?: string;
  tools?: ReactNode;
  style?: CSSProperties;
  lecture?: LectureShown;
  /** A line between the head and the body (which a chart fills): what the view shows for this problem, where that needs saying. */
  note?: ReactNode;
  children: ReactNode;
}) {
  const ref = useRef<HTMLElement>(null);
  const body = useRef<HTMLDivElement>(null);
  useScrollFocus(body, title);
  const full = () => {
    const el = ref.current;
    if (!el) return;
    if (document.fullscreenElement) void document.exitFullscreen();
    else void el.requestFullscreen?.().catch(() => undefined);
  };
  return (
    <section className={`panel view ${className ?? ''}`} ref={ref} data-panel={id} data-lecture={lecture} aria-label={title} style={style}>
      <div className="panel-head">
        {/* A narrow panel shows the shorter title (a container query in app.css), never a wrapped one. */}
        <h2>
          <span className="title-long">{title}</span>
          <span className="title-short">{short}</span>
        </h2>
        {tools}
        <button type="button" className="icon" aria-label={`show ${title} full screen`} onClick={full}>
          {/* Drawn, not a glyph: the fonts of a lecture-room machine may lack ⛶. */}
          <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" fill="none" stroke="currentColor" strokeWidth="2">
            <path d="M1 6V1h5M10 1h5v5M15 10v5h-5M6 15H1v-5" />
          </svg>
        </button>
      </div>
      {note}
      <div className="panel-body" ref={body}>
        {children}
      </div>
    </section>
  );
}
