// On a phone the results sit in a sheet over the map's bottom, dragged by touch between peek,
// half and full height (real touch events through the DevTools protocol), or switched with its
// handle.
import { test, expect, Page } from '@playwright/test';
import { artifacts } from './support';

/** Drags the sheet's bar (where it is once the sheet has settled) to `toY`. */
async function drag(page: Page, toY: number) {
  const client = await page.context().newCDPSession(page);
  const x = page.viewportSize()!.width / 2;
  // Not right after a tap (tap-then-drag is the double-tap zoom gesture), nor while the sheet
  // still moves to its last height.
  await page.waitForTimeout(500);
  const bar = (await page.locator('.sheet-bar').boundingBox())!;
  const fromY = bar.y + bar.height / 2;
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] });
  const steps = 8;
  for (let step = 1; step <= steps; step++) {
    const y = fromY + ((toY - fromY) * step) / steps;
    await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
    await page.waitForTimeout(16);
  }
  // The finger rests a moment before it lifts: a lift in motion would start a fling, and a tap
  // during a fling only stops it (no click), on a real phone as in Chromium.
  for (let rest = 0; rest < 3; rest++) {
    await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: toY }] });
    await page.waitForTimeout(60);
  }
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForTimeout(300);
}

test('the results sheet is dragged by touch between peek, half and full', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const explorer = page.locator('.explorer');
  const sheet = page.locator('#ergebnisse');
  const screen = page.viewportSize()!.height;
  // At first the map has the screen: only the handle and the count show.
  await expect(explorer).toHaveAttribute('data-sheet', 'peek');
  await expect(sheet).toHaveCSS('position', 'fixed');
  await expect(page.locator('#result-count')).toBeInViewport();
  await expect.poll(async () => (await sheet.boundingBox())!.height).toBeLessThan(120);
  await expect(page.locator('#karte .cluster').first()).toBeInViewport();
  await page.screenshot({ path: `${artifacts}/karte-phone-peek.png` });

  // The handle is a button too (keyboard, screen readers): up one step.
  const handle = page.locator('.sheet-handle');
  await expect(handle).toHaveAttribute('aria-expanded', 'false');
  await handle.tap();
  await expect(explorer).toHaveAttribute('data-sheet', 'half');
  await expect(handle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.results .result').first()).toBeInViewport();

  // Up: nearly the whole screen.
  await drag(page, 120);
  await expect(explorer).toHaveAttribute('data-sheet', 'full');
  await expect.poll(async () => (await sheet.boundingBox())!.height).toBeGreaterThan(screen * 0.85);
  await page.screenshot({ path: `${artifacts}/liste-ganz-phone.png` });
  // Down: back to the map.
  await drag(page, screen - 20);
  await expect(explorer).toHaveAttribute('data-sheet', 'peek');
  await expect.poll(async () => (await sheet.boundingBox())!.height).toBeLessThan(120);

  // An offer opened by its URL (or on the map) shows in the sheet at half height.
  const id = await page.locator('.results .result').first().getAttribute('data-offer-id');
  await page.goto(`/?angebot=${id}`);
  await expect(explorer).toHaveAttribute('data-sheet', 'half');
  await expect(page.locator('#detail-panel')).toBeInViewport();
});
