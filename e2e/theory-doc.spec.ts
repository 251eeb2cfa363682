import { THEORY_SECTIONS } from '../src/ui/theory/theory-doc';
import { expect, openDone, test } from './fixtures';

test.describe('the theory panel cites docs/theory.md', () => {
  test('every quantity names the section of docs/theory.md that derives it', async ({ page }) => {
    await openDone(page, 'problem=toy&eta=0.7&B=1&seed=7&runs=20&steps=50');
    const panel = page.getByTestId('theory-panel');
    const rows = panel.locator('.theory-row');
    await expect(rows.filter({ hasText: 'mean-square growth' })).toHaveCount(1);
    const count = await rows.count();
    const docs = await panel.locator('.theory-doc').evaluateAll((els) => els.map((e) => ({ doc: e.getAttribute('data-doc'), text: e.textContent, tag: e.tagName })));
    expect(docs).toHaveLength(count);
    const paths = new Map<string, string>(Object.values(THEORY_SECTIONS).map((s) => [s.path, s.title]));
    for (const d of docs) {
      expect(paths.has(d.doc ?? ''), String(d.doc)).toBe(true);
      expect(d.text).toBe(`docs/theory.md § ${paths.get(d.doc!)}`);
      // built without a repository URL: the path is text to follow in a clone, not a link into this origin
      expect(d.tag).toBe('CITE');
    }
    await expect(rows.filter({ hasText: 'mean-square growth' }).locator('.theory-doc')).toHaveAttribute('data-doc', THEORY_SECTIONS.secondMoment.path);
    await expect(rows.filter({ hasText: 'Theorem 1 eigenvalue' }).locator('.theory-doc')).toHaveAttribute('data-doc', THEORY_SECTIONS.theorem1.path);
    await panel.screenshot({ path: 'e2e/output/screens/theory-doc-links.png' });
  });
});
