import { useEffect, type RefObject } from 'react';

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
    const check = () => {
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
    // The box, and each child: content that grows inside a child resizes the child, not the box.
    const ro = new ResizeObserver(check);
    const observeChildren = () => {
      ro.disconnect();
      ro.observe(el);
      for (const c of Array.from(el.children)) ro.observe(c);
      check();
    };
    const mo = new MutationObserver(observeChildren);
    mo.observe(el, { childList: true });
    observeChildren();
    return () => {
      ro.disconnect();
      mo.disconnect();
    };
  }, [ref, name]);
}
