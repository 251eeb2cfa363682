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
    // The box and each child: content that grows inside a child resizes the child, not the box.
    const ro = new ResizeObserver(check);
    const observeChildren = () => {
      ro.disconnect();
      ro.observe(el);
      for (const c of Array.from(el.children)) ro.observe(c);
      check();
    };
    // Content can also grow inside a child whose own box is fixed (a panel's text): look again
    // after the DOM below changes, at most twice a second (reading the sizes costs a layout).
    let timer: ReturnType<typeof setTimeout> | null = null;
    let again = false;
    const mo = new MutationObserver((records) => {
      if (records.some((r) => r.target === el && r.type === 'childList')) observeChildren();
      if (timer !== null) {
        again = true;
        return;
      }
      check();
      const rest = () => {
        timer = null;
        if (!again) return;
        again = false;
        check();
        timer = setTimeout(rest, 500);
      };
      timer = setTimeout(rest, 500);
    });
    mo.observe(el, { childList: true, subtree: true, characterData: true });
    observeChildren();
    return () => {
      ro.disconnect();
      mo.disconnect();
      if (timer !== null) clearTimeout(timer);
    };
  }, [ref, name]);
}
