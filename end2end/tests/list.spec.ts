// The list beside the map: on request only the offers in view, and the offer chosen in one is
// marked in the other.
import { test, expect } from '@playwright/test';

test('the list can keep to the map area, and list and map mark the same offer', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const zoom = async () => Number(await page.locator('#karte').getAttribute('data-zoom'));
  const pins = page.locator('#karte .offer-pin');
  // A click on a group zooms in; it is repeated if it met a group just being redrawn (markers
  // are redrawn when the map stops moving), as in map.spec.ts.
  for (let step = 0; step < 8 && (await pins.count()) === 0; step++) {
    const before = await zoom();
    await expect(async () => {
      await page.locator('#karte .cluster').first().click();
      await expect.poll(zoom, { timeout: 3_000 }).toBeGreaterThan(before);
    }).toPass({ timeout: 20_000 });
  }
  const total = Number(((await page.locator('#result-count').textContent()) ?? '').match(/\d+/)![0]);
  // On a phone the list is in the lowered sheet: its handle brings it up.
  const handle = page.locator('.sheet-handle');
  if (await handle.isVisible()) await handle.click();
  await page.getByLabel('Nur Angebote im sichtbaren Kartenausschnitt').check();
  await expect(page.locator('.list-count')).toContainText('in der Liste');
  const inView = async () => Number(((await page.locator('.list-count').textContent()) ?? '').match(/\d+/)![0]);
  expect(await inView()).toBeGreaterThan(0);
  expect(await inView()).toBeLessThan(total);
  // Closer in, until the offers in view fit on the list's first page.
  for (let step = 0; step < 6 && ((await inView()) > 20 || (await pins.count()) === 0); step++) {
    const before = await zoom();
    await page.locator('.leaflet-control-zoom-in').click();
    await expect.poll(zoom).toBeGreaterThan(before);
  }
  expect(await pins.count()).toBeGreaterThan(0);

  // Chosen on the map: marked in the list.
  const pin = pins.first();
  await pin.click();
  await expect(page).toHaveURL(/angebot=\d+/);
  const id = new URL(page.url()).searchParams.get('angebot');
  await expect(page.locator('#karte .offer-pin.selected')).toHaveCount(1);
  await expect(page.locator(`.results .result[data-offer-id="${id}"]`)).toHaveClass(/selected/);

  // Chosen in the list: the panel opens with it, and the list marks it.
  const other = page.locator(`.results .result:not([data-offer-id="${id}"])`).first();
  const otherId = await other.getAttribute('data-offer-id');
  await other.getByRole('button', { name: /^Auf der Karte zeigen/ }).click();
  await expect(page).toHaveURL(new RegExp(`angebot=${otherId}`));
  await expect(other).toHaveClass(/selected/);
  await expect(page.locator('#detail-panel')).toBeVisible();
});
