// On a phone the filters open as a full-height drawer over the map; its button shows how many
// offers the choice finds and closes it. Driven by touch (the phone project emulates it).
import { test, expect } from '@playwright/test';
import { artifacts } from './support';

test('the filter drawer covers the screen, counts live and closes on "Ergebnisse anzeigen"', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const drawer = page.locator('details.filters');
  await drawer.locator('> summary').tap();
  await expect(drawer).toHaveAttribute('open', '');
  const box = (await drawer.boundingBox())!;
  const viewport = page.viewportSize()!;
  expect(box.y).toBe(0);
  expect(Math.round(box.height)).toBe(viewport.height);
  expect(Math.round(box.width)).toBe(viewport.width);

  await page.getByRole('checkbox', { name: /^Beratung/ }).tap();
  await expect(page).toHaveURL(/thema=beratung/);
  const count = Number(((await page.locator('#result-count').textContent()) ?? '').match(/\d+/)![0]);
  const show = page.getByRole('button', { name: `Ergebnisse anzeigen (${count})` });
  await expect(show).toBeVisible();
  await expect(drawer).toHaveAttribute('open', '');
  await page.screenshot({ path: `${artifacts}/filter-schublade-phone.png` });
  await show.tap();
  await expect(drawer).not.toHaveAttribute('open', '');
  await expect(page.locator('#karte')).toBeInViewport();
  await expect(page).toHaveURL(/thema=beratung/);
});
