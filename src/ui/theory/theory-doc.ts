/**
 * The sections of docs/theory.md that the theory panel links its quantities to.
 * Each `path` is the file and its GitHub heading anchor, so it can be followed in a
 * clone (open the file, find the heading) and, when the page was built with a
 * repository URL, as a link. tests/theory-doc.test.ts checks every anchor here
 * against the headings of docs/theory.md.
 */
export const THEORY_SECTIONS = {
  setting: { title: 'Setting and notation', path: 'docs/theory.md#setting-and-notation' },
  batchFactor: { title: 'Sampling and the batch factor', path: 'docs/theory.md#sampling-and-the-batch-factor' },
  secondMoment: { title: 'The second-moment operator', path: 'docs/theory.md#the-second-moment-operator' },
  theorem1: { title: 'Theorem 1', path: 'docs/theory.md#theorem-1' },
  gd: { title: 'The condition for GD', path: 'docs/theory.md#the-condition-for-gd' },
  rectangle: { title: 'The stability rectangle', path: 'docs/theory.md#the-stability-rectangle' },
  almostSure: { title: 'Mean-square and almost-sure stability', path: 'docs/theory.md#mean-square-and-almost-sure-stability' },
  escapeTimes: { title: 'Escape-time predictions', path: 'docs/theory.md#escape-time-predictions' },
  patel: { title: 'Patel bounds for SGD-k', path: 'docs/theory.md#patel-bounds-for-sgd-k' },
  alignment: { title: 'Alignment and the Frobenius bound', path: 'docs/theory.md#alignment-and-the-frobenius-bound' },
  circleHessian: { title: 'The averaged Hessian of the circular minimum', path: 'docs/theory.md#the-averaged-hessian-of-the-circular-minimum' },
  weights: { title: 'Weights and sampling', path: 'docs/theory.md#weights-and-sampling' },
  noiseFloor: { title: 'The noise floor of an inhomogeneous minimum', path: 'docs/theory.md#the-noise-floor-of-an-inhomogeneous-minimum' },
} as const;

export type TheorySection = (typeof THEORY_SECTIONS)[keyof typeof THEORY_SECTIONS];

/**
 * Where a section can be opened: the repository URL the page was built with
 * (VITE_REPOSITORY_URL, e.g. https://github.com/owner/repo/blob/main/) joined with
 * the section's path, or null. Without it the panel prints the path as text: the
 * page may be served offline or from a copy whose repository we do not know, and
 * a relative link would point into the page's own origin, where docs/ is not served.
 */
export function theorySectionHref(section: TheorySection, repositoryUrl: string | undefined): string | null {
  const base = repositoryUrl?.trim();
  if (!base) return null;
  return `${base.endsWith('/') ? base : `${base}/`}${section.path}`;
}
