import { useExplorer } from '../state/store';

const NONE: never[] = [];

/** Every repaired key of the loaded link, named, with what was used instead; unknown keys listed. */
export function LinkBanner() {
  const link = useExplorer((s) => s.link);
  // The worker's repairs only: a retuned run with the same repairs renders nothing here.
  const workerIssues = useExplorer((s) => s.info?.issues) ?? NONE;
  const dismiss = useExplorer((s) => s.dismissLink);
  const seen = new Set(link.issues.map((i) => i.message));
  const extra = workerIssues.filter((i) => !seen.has(i.message) && i.key !== 'B');
  const issues = [...link.issues, ...extra];
  if (issues.length === 0 && link.unknown.length === 0) return null;
  return (
    <div className="banner" role="alert" data-testid="link-banner">
      <strong>This link had problems; the rest of it was kept.</strong>
      <ul>
        {issues.map((i, k) => (
          <li key={k} data-key={i.key}>
            <code>{i.key}</code>: {i.message}
          </li>
        ))}
        {link.unknown.length > 0 && (
          <li data-key="unknown">
            unknown keys ignored: {link.unknown.map((u) => <code key={u}>{u} </code>)}
          </li>
        )}
      </ul>
      <button type="button" onClick={dismiss} aria-label="dismiss the link report">
        Dismiss
      </button>
    </div>
  );
}
