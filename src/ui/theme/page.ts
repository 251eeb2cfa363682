/**
 * The page's colours and type size, default and lecture mode (large type, high
 * contrast). app.css holds them as custom properties; `tests/ui/theme/css-vars.test.ts`
 * checks that its values are these.
 */
export const PAGE = {
  default: {
    ink: '#111',
    muted: '#555',
    line: '#d0d0d0',
    bg: '#f6f6f4',
    panel: '#fff',
    accent: '#0072b2',
    bad: '#b3400a',
    font: '16px',
  },
  /** What lecture mode changes. */
  lecture: {
    font: '24px',
    ink: '#000',
    muted: '#222',
    line: '#555',
    bg: '#fff',
  },
} as const;
