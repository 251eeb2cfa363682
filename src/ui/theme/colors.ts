/**
 * Okabe–Ito colours: distinct for the common colour-vision deficiencies and
 * still apart on a washed-out projector. Status is also carried by shape.
 */
export const COLORS = {
  ink: '#111111',
  grid: '#c8c8c8',
  legendBg: 'rgba(255,255,255,0.92)',
  sgd: '#0072B2',
  sgdFill: 'rgba(0,114,178,0.10)',
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
} as const;
