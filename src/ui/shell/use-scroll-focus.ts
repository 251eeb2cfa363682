import { useEffect, type RefObject } from 'react';
import { gestureHeld, onPointerRelease } from '../charts/pointer-held';

/**
 * A box that scrolls must be reachable by keyboard, or its overflow cannot be read
 * without a mouse (WCAG 2.1.1; axe's scrollable-region-focusable). While `ref`'s box
 * overflows it is a named Tab stop (tabindex 0, a group named `name`), so the arrow
 * keys scroll it; when everything fits it is no stop at all, so Tab is not slowed
 * by boxes that have nothing to scroll.
 */
export function useScrollFocus(ref: RefObject<HTMLElement | null>, name: string): void {
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let live = true;
    const check = () => {
      if (!live) return;
      const scrolls = el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1;
      if (scrolls === (el.getAttribute('tabindex') === '0')) return;
      if (scrolls) {
        el.setAttribute('tabindex', '0');
        el.setAttribute('role', 'group');
        el.setAttribute('aria-label', `${name} (scrolls)`);
      } else {
        el.removeAttribute('tabindex');
        el.removeAttribute('role');
        el.removeAttribute('aria-label');
      }
    };
    // The box and each child: content that grows inside a child resizes the child, not the box.
    // (A resize observer's callback runs after the frame's layout, so its reads cost nothing.)
    const ro = new ResizeObserver(check);
    const observeChildren = () => {
      ro.disconnect();
      ro.observe(el);
      for (const c of Array.from(el.children)) ro.observe(c);
    };
    // Content can also grow inside a child whose own box is fixed (a panel's text): look again
    // after the DOM below changes, at most twice a second. Reading the sizes costs a layout, so
    // it is read when the page is idle after a frame (layout is then clean, and no message of the
    // worker waits behind it: a new run's first frame did, by a forced layout of 3–4 ms), never
    // in the middle of a chart's update; a chart's own svg or canvas is sized by its box and
    // cannot make the panel overflow, so its streaming mutations (every frame, and every input of
    // a drag) are ignored. Without requestIdleCallback (Safari), a task after the next frame.
    // While a gesture is held (a drag of η: the panels' numbers change with every input) the
    // look waits for its release: each look cost a layout of the whole page, 2–3 ms, six times
    // a second in a traced drag, and a Tab stop is not needed in the middle of a drag.
    let timer: ReturnType<typeof setTimeout> | null = null;
    let again = false;
    let afterRelease = false;
    const look = () => {
      if (!gestureHeld()) check();
      else afterRelease = true;
    };
    const afterFrame = () => (typeof requestIdleCallback === 'function' ? requestIdleCallback(look, { timeout: 1000 }) : requestAnimationFrame(() => setTimeout(look, 0)));
    const offRelease = onPointerRelease(() => {
      if (!afterRelease) return;
      afterRelease = false;
      afterFrame();
    });
    // A child added or removed is only observed here: observing reports every box to the resize
    // observer after the next frame's layout, and check reads them there. Reading at once, in
    // the mutation's microtask, forced a layout of the whole page (8–10 ms, twice a second in a
    // traced η drag, when the live tables came and went with the drag's restarts).
    const mo = new MutationObserver((records) => {
      if (records.some((r) => r.target === el && r.type === 'childList')) observeChildren();
      if (records.every((r) => insideChart(r.target, el))) return;
      if (timer !== null) {
        again = true;
        return;
      }
      afterFrame();
      const rest = () => {
        timer = null;
        if (!again) return;
        again = false;
        afterFrame();
        timer = setTimeout(rest, 500);
      };
      timer = setTimeout(rest, 500);
    });
    mo.observe(el, { childList: true, subtree: true, characterData: true });
    observeChildren(); // the resize observer's first callback reads the sizes
    return () => {
      live = false;
      offRelease();
      ro.disconnect();
      mo.disconnect();
      if (timer !== null) clearTimeout(timer);
    };
  }, [ref, name]);
}

/** Whether `node` lies inside an svg or canvas below `box` (a chart draws there, within its own size). */
function insideChart(node: Node, box: HTMLElement): boolean {
  // The browser's own ancestor walk: a drag's frames bring hundreds of records (axis ticks, labels).
  const chart = (node instanceof Element ? node : node.parentElement)?.closest('svg, canvas');
  return chart != null && chart !== box && box.contains(chart);
}
