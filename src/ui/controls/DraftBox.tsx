/**
 * The number box beside a slider: what is typed is a draft, committed on Enter
 * or on leaving the box (so a half-typed value never restarts the run).
 */
export function DraftBox({ id, testId, inputMode, draft, setDraft, commit, invalid }: { id: string; testId: string; inputMode: 'decimal' | 'numeric'; draft: string; setDraft: (v: string) => void; commit: () => void; invalid: boolean }) {
  return (
    <input
      id={id}
      className="box"
      type="text"
      inputMode={inputMode}
      data-testid={testId}
      aria-invalid={invalid ? true : undefined}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
}
