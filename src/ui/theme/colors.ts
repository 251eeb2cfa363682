/**
 * The charts' colours. Okabe–Ito for what carries meaning: distinct for the
 * common colour-vision deficiencies and still apart on a washed-out projector.
 * Status is also carried by shape. The page's own colours are in `page.ts`;
 * both reach app.css as custom properties (`css-vars.ts`).
 */
export const COLORS = {
  ink: '#111111',
  /** Pure black and white: halos, hatching, the QR code, a chart's empty cells. */
  black: '#000000',
  paper: '#ffffff',
  grid: '#c8c8c8',
  legendBg: 'rgba(255,255,255,0.92)',
  sgd: '#0072B2',
  sgdFill: 'rgba(0,114,178,0.10)',
  /** The ensemble's mean (a darker SGD blue) and median (the light blue) of a series. */
  sgdMean: '#003f6b',
  sgdMedian: '#56B4E9',
  exact: '#009E73',
  exactFill: 'rgba(0,158,115,0.28)',
  gd: '#E69F00',
  gdFill: 'rgba(230,159,0,0.06)',
  family: '#56B4E9',
  reference: '#CC79A7',
  stable: '#009E73',
  gdOnly: '#E69F00',
  unstable: '#D55E00',
  sgdRun: '#0072B2',
  gdRun: '#D55E00',
  theory: '#111111',
  /** Secondary marks in grey: the start ball's radius, the landscape's contour lines. */
  radius: '#666666',
  contour: '#888888',
  /** The phase diagram: the escape-fraction ramp (none → all escaped) and the hatch of cells not computed yet. */
  rampLow: '#e4e8ee',
  rampHigh: '#1f1f1f',
  pendingHatch: '#e2e2e2',
} as const;
