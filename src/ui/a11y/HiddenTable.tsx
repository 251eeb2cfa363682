import type { ReactNode } from 'react';

/**
 * A data table read by screen readers and not drawn (docs/accessibility.md, wording rule 9).
 * The hiding class sits on a div around the table, never on the table: a table ignores
 * width, height and overflow, so a table given the class itself kept its full size (up to
 * 750 × 300 px) and made its panel scroll into blank space, a Tab stop with nothing to read.
 */
export function HiddenTable({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div className="sr-only">
      <table data-testid={testId}>{children}</table>
    </div>
  );
}
