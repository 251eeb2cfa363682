import { axisPixelOf, expect, shoot, test } from './fixtures';

test.describe('the stability diagram', () => {
  test('the page loads with no console error and draws the rectangle, the strip, the ellipse and the legend', async ({ page, errors }) => {
    await page.goto('/');
    await expect(page.getByTestId('stability-diagram')).toBeVisible();
    for (const id of ['sgd-rectangle', 'gd-strip', 'exact-region', 'diagram-legend', 'rect-corner']) await expect(page.getByTestId(id)).toHaveCount(1);
    await expect(page.getByTestId('status-line')).toHaveAttribute('data-state', 'done');
    await shoot(page, 'diagram-default-1920x1080');
    expect(errors).toEqual([]);
  });

  test('moving the η slider moves the rectangle’s corner to 2/η', async ({ page }) => {
    await page.goto('/?problem=toy&eta=0.7&B=1&seed=1');
    const corner = page.getByTestId('rect-corner');
    await expect(corner).toHaveAttribute('data-eta', '0.7');
    await page.getByTestId('eta-slider').fill('-0.5');
    const eta = Number((10 ** -0.5).toPrecision(4));
    await expect(corner).toHaveAttribute('data-eta', String(eta));
    expect(Number(await corner.getAttribute('data-a'))).toBeCloseTo(2 / eta, 10);
    await expect(page.getByTestId('eta-input')).toHaveValue(String(eta));
    // after the axes have glided to their new range, the corner sits at a = 2/η on the axis
    await page.waitForTimeout(600);
    const cx = Number(await corner.getAttribute('cx'));
    expect(Math.abs(cx - (await axisPixelOf(page, 2 / eta)))).toBeLessThan(1.5);
    await expect(page.getByTestId('corner-label')).toContainText(`2/η = ${Number((2 / eta).toPrecision(3))}`);
    await shoot(page, 'diagram-eta-0.316');
  });

  test('while the η slider is dragged the axes hold still; let go, they glide to the new η', async ({ page }) => {
    await page.goto('/?problem=toy&eta=0.7&B=1&seed=1');
    const corner = page.getByTestId('rect-corner');
    await expect(corner).toHaveAttribute('data-eta', '0.7');
    await page.waitForTimeout(600);
    const ticks = () => page.locator('[data-testid=stability-diagram] .axis-x .tick text').allTextContents();
    const before = await ticks();
    const slider = page.getByTestId('eta-slider');
    const box = (await slider.boundingBox())!;
    const min = Number(await slider.getAttribute('min'));
    const max = Number(await slider.getAttribute('max'));
    const xAt = (log10: number) => box.x + ((log10 - min) / (max - min)) * box.width;
    const y = box.y + box.height / 2;
    await page.mouse.move(xAt(Math.log10(0.7)), y);
    await page.mouse.down();
    // a real drag: η to about 0.1 in small moves, then a pause longer than the glide
    for (let i = 1; i <= 20; i++) await page.mouse.move(xAt(Math.log10(0.7) + (i / 20) * (Math.log10(0.1) - Math.log10(0.7))), y);
    await expect.poll(async () => Number(await corner.getAttribute('data-eta'))).toBeLessThan(0.15);
    await page.waitForTimeout(600);
    expect(await ticks(), 'the axes while the pointer is held').toEqual(before);
    await page.mouse.up();
    await expect.poll(ticks, { message: 'the axes after release' }).not.toEqual(before);
    // the glide ends with the corner on its value on the axis
    await page.waitForTimeout(600);
    const eta = Number(await corner.getAttribute('data-eta'));
    expect(Math.abs(Number(await corner.getAttribute('cx')) - (await axisPixelOf(page, 2 / eta)))).toBeLessThan(1.5);
  });

  test('dragging the corner changes η and B, and the sliders follow', async ({ page }) => {
    await page.goto('/?problem=point&a=2&s=1.8&n=100&eta=0.5&B=4');
    const corner = page.getByTestId('rect-corner');
    await page.waitForTimeout(500);
    const box = (await corner.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x - 120, box.y - 90, { steps: 8 });
    await page.mouse.up();
    const eta = Number(await corner.getAttribute('data-eta'));
    const B = Number(await corner.getAttribute('data-b'));
    expect(eta).toBeGreaterThan(0.5);
    expect(B).not.toBe(4);
    await expect(page.getByTestId('eta-input')).toHaveValue(String(eta));
    await expect(page.getByTestId('batch-input')).toHaveValue(String(B));
    await expect(page).toHaveURL(new RegExp(`eta=${eta}&B=${B}`));
    await shoot(page, 'diagram-corner-dragged');
  });

  test('the hand-placed point changes colour when it crosses the ellipse', async ({ page }) => {
    await page.goto('/?problem=point&a=1&s=0.5&n=100&eta=0.5&B=4');
    const point = page.getByTestId('hand-point');
    await expect(point).toHaveAttribute('data-inside', '1');
    const inside = await point.getAttribute('fill');
    await expect(page.getByTestId('point-label')).toContainText('inside the exact region');
    const box = (await point.boundingBox())!;
    const target = await axisPixelOf(page, 4.5);
    const svgBox = (await page.getByTestId('stability-diagram').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(svgBox.x + target, box.y + box.height / 2, { steps: 10 });
    await page.mouse.up();
    await expect(point).toHaveAttribute('data-inside', '0');
    expect(await point.getAttribute('fill')).not.toBe(inside);
    await expect(page.getByTestId('point-label')).toContainText('outside the exact region');
    // the factor beside it is computed: (1 − ηa)² + η²c s² for the dragged a, s (read once the debounced URL has caught up)
    const c = (100 - 4) / (4 * 99);
    await expect
      .poll(async () => {
        const q = new URL(page.url()).searchParams;
        const [a, s] = [Number(q.get('a')), Number(q.get('s'))];
        return Math.abs(Number(await point.getAttribute('data-factor')) - ((1 - 0.5 * a) ** 2 + 0.25 * c * s * s));
      })
      .toBeLessThan(1e-10);
    await shoot(page, 'diagram-point-outside');
  });

  test('lecture mode enlarges the text to at least 24 px, by the toggle and by the L key', async ({ page }) => {
    await page.goto('/');
    // The page renders once its panels' views have loaded (src/ui/panels/bodies.ts), just after the load event.
    await expect(page.locator('.axis-label').first()).toBeAttached();
    const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.axis-label')!).fontSize) || Number(document.querySelector('.axis-label')!.getAttribute('font-size')));
    const body = () => page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    const before = await size();
    expect(await body()).toBeGreaterThanOrEqual(16);
    await page.keyboard.press('l');
    await expect(page).toHaveURL(/lecture=1/);
    expect(await size()).toBeGreaterThan(before);
    expect(await size()).toBeGreaterThanOrEqual(24);
    expect(await body()).toBeGreaterThanOrEqual(24);
    await shoot(page, 'lecture-mode-1920x1080');
    await page.getByTestId('lecture-button').click();
    expect(await size()).toBe(before);
  });

  test('a value that does not parse is refused with a message naming the field, and the rest is kept', async ({ page }) => {
    await page.goto('/?problem=point&a=2&s=1.8&n=10&eta=0.5&B=4');
    await page.getByTestId('eta-input').fill('fast');
    await page.getByTestId('eta-input').press('Enter');
    await expect(page.getByTestId('error-eta')).toContainText('eta must be a positive number');
    await expect(page.getByTestId('rect-corner')).toHaveAttribute('data-eta', '0.5');
    await page.getByTestId('batch-input').fill('11');
    await page.getByTestId('batch-input').press('Enter');
    await expect(page.getByTestId('error-B')).toContainText('B must be at most n = 10');
    await expect(page.getByTestId('rect-corner')).toHaveAttribute('data-b', '4');
    await page.getByTestId('eta-input').fill('1e400');
    await page.getByTestId('eta-input').press('Enter');
    await expect(page.getByTestId('error-eta')).toBeVisible();
    await shoot(page, 'field-errors');
  });

  test('the Fig. 3 family draws one labelled rectangle per batch size or step size', async ({ page }) => {
    await page.goto('/?problem=point&a=2&s=1.8&n=100&eta=0.5&B=4&family=batch');
    await expect(page.getByTestId('family-member')).toHaveCount(5);
    await expect(page.getByTestId('family-member').first()).toContainText('B = 1');
    await page.getByTestId('family').selectOption('eta');
    await expect(page.getByTestId('family-member')).toHaveCount(5);
    await expect(page.getByTestId('family-member').first()).toContainText('η = 0.25');
    await shoot(page, 'diagram-family-eta');
  });
});
