import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { classCounts, firstRows } from '../../../src/core/data/dataset';
import { DIGITS_CLASS_COUNTS, DIGITS_MODULE, decodeDigitsCompact, encodeDigitsCompact, loadDigits, loadedDigitRows, parseDigitsCsv } from '../../../src/core/data/digits';
import { DIGITS_COMPACT } from '../../../src/core/data/digits-pixels';
import { digitsModuleText } from '../../../scripts/digits-module';

const sourceCsv = () => gunzipSync(readFileSync('src/core/data/digits.csv.gz')).toString('utf8');

describe('the digits data', () => {
  it('loads 1,797 images of 64 pixels 0..16 with the per-class counts the UCI description publishes', async () => {
    const data = await loadDigits();
    expect(data.n).toBe(1797);
    expect(data.dim).toBe(64);
    expect(data.inputs.length).toBe(1797 * 64);
    const rows = loadedDigitRows()!;
    expect(rows.pixels.length).toBe(1797 * 64);
    expect(Math.min(...rows.pixels)).toBe(0);
    expect(Math.max(...rows.pixels)).toBe(16);
    expect(classCounts(data)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(classCounts(data)).toEqual(DIGITS_CLASS_COUNTS);
  });

  it('keeps the first image as the source has it (a 0)', async () => {
    const data = await loadDigits();
    expect(Array.from(loadedDigitRows()!.pixels.subarray(0, 8))).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect(data.labels[0]).toBe(0);
    expect(data.labels[1]).toBe(1);
  });

  it('bundles exactly what the committed script makes of the committed source file', () => {
    expect(readFileSync(DIGITS_MODULE, 'utf8')).toBe(digitsModuleText());
    expect(decodeDigitsCompact(DIGITS_COMPACT)).toEqual(parseDigitsCsv(sourceCsv()));
  });

  it('standardises each pixel over all images: mean 0 and variance 1, or 0 where the pixel is always blank', async () => {
    const data = await loadDigits();
    let blank = 0;
    for (let j = 0; j < 64; j++) {
      let m = 0;
      let q = 0;
      for (let i = 0; i < data.n; i++) m += data.inputs[i * 64 + j] / data.n;
      for (let i = 0; i < data.n; i++) q += (data.inputs[i * 64 + j] - m) ** 2 / data.n;
      expect(Math.abs(m)).toBeLessThan(1e-12);
      if (q === 0) blank++;
      else expect(q).toBeCloseTo(1, 12);
    }
    expect(blank).toBe(3); // pixels 0, 32 and 39 are 0 in every image
  });

  it('round-trips the compact form', () => {
    const rows = parseDigitsCsv(sourceCsv());
    expect(decodeDigitsCompact(encodeDigitsCompact(rows))).toEqual(rows);
  });

  it('takes the first n rows for a problem of n samples', async () => {
    const data = firstRows(await loadDigits(), 10);
    expect(data.n).toBe(10);
    expect(Array.from(data.labels)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});

describe('a damaged or missing digits file', () => {
  it('is named when a row is missing', () => {
    const lines = DIGITS_COMPACT.split('\n');
    expect(() => decodeDigitsCompact(lines.slice(1).join('\n'))).toThrow(`the digits data file ${DIGITS_MODULE} is damaged: expected 1797 rows, found 1796`);
  });

  it('is named with the row and pixel of a bad value', () => {
    const lines = DIGITS_COMPACT.split('\n');
    lines[4] = 'z' + lines[4].slice(1);
    expect(() => decodeDigitsCompact(lines.join('\n'))).toThrow(/digits-pixels\.ts is damaged: row 5, pixel 1 is "z"/);
  });

  it('is named with the line of a bad value in the source CSV', () => {
    const lines = sourceCsv().split('\n');
    lines[2] = lines[2].replace(/^0,/, '17,');
    expect(() => parseDigitsCsv(lines.join('\n'))).toThrow(/digits\.csv\.gz is damaged: line 3, value 1 is "17"/);
  });
});
