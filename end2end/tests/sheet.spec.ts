// On a phone the results sit in a sheet over the map's bottom, dragged by touch between peek,
// half and full height (real touch events through the DevTools protocol), or switched with its
// handle.
import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';

const artifacts = process.env.E2E_ARTIFACTS ?? 'artifacts';
fs.mkdirSync(artifacts, { recursive: true });

async function drag(page: Page, fromY: number, toY: number) {
  const client = await page.context().newCDPSession(page);
  const x = page.viewportSize()!.width / 2;
  await client.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y: fromY }] });
  const steps = 8;
  for (let step = 1; step <= steps; step++) {
    const y = fromY + ((toY - fromY) * step) / steps;
    await client.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y }] });
  }
  await client.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

test('the results sheet is dragged by touch between peek, half and full', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const explorer = page.locator('.explorer');
  const sheet = page.locator('#ergebnisse');
  const screen = page.viewportSize()!.height;
  await expect(explorer).toHaveAttribute('data-sheet', 'half');
  await expect(sheet).toHaveCSS('position', 'fixed');
  await expect(page.locator('#result-count')).toBeInViewport();

  const barY = async () => {
    const box = (await page.locator('.sheet-bar').boundingBox())!;
    return box.y + box.height / 2;
  };
  // Up: nearly the whole screen.
  await drag(page, await barY(), 120);
  await expect(explorer).toHaveAttribute('data-sheet', 'full');
  await expect.poll(async () => (await sheet.boundingBox())!.height).toBeGreaterThan(screen * 0.85);
  await page.screenshot({ path: `${artifacts}/liste-ganz-phone.png` });
  // Down: only the handle and the count; the map has the screen.
  await drag(page, await barY(), screen - 20);
  await expect(explorer).toHaveAttribute('data-sheet', 'peek');
  await expect.poll(async () => (await sheet.boundingBox())!.height).toBeLessThan(120);
  await expect(page.locator('#result-count')).toBeInViewport();
  // The handle is a button too (keyboard, screen readers): up one step.
  const handle = page.locator('.sheet-handle');
  await expect(handle).toHaveAttribute('aria-expanded', 'false');
  await handle.tap();
  await expect(explorer).toHaveAttribute('data-sheet', 'half');
  await expect(handle).toHaveAttribute('aria-expanded', 'true');

  // An offer opened on the map shows in the sheet.
  await drag(page, await barY(), screen - 20);
  await expect(explorer).toHaveAttribute('data-sheet', 'peek');
  await page.goto('/?angebot=' + (await firstOfferId(page)));
  await expect(explorer).toHaveAttribute('data-sheet', 'half');
  await expect(page.locator('#detail-panel')).toBeInViewport();
});

async function firstOfferId(page: Page): Promise<string> {
  return (await page.locator('.results .result').first().getAttribute('data-offer-id'))!;
}
