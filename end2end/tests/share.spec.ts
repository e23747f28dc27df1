// Sharing and printing a selection: "Teilen" copies the link where the browser has no share
// sheet, and "Drucken" opens the A4 hand-out with its QR code, saved as PDF for a look.
import { test, expect, Page } from '@playwright/test';
import { artifacts } from './support';

/** A stand-in share sheet that records what it was given (read it with `shared`). */
async function recordShares(page: Page) {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'share', {
      configurable: true,
      value: (data: ShareData) => {
        (window as unknown as { shared: ShareData }).shared = data;
        return Promise.resolve();
      },
    });
  });
}

/** What the stand-in share sheet was given last. */
function shared(page: Page) {
  return page.evaluate(() => (window as unknown as { shared?: ShareData }).shared);
}

/** On a phone the results sheet starts lowered: its handle brings it up. */
async function raiseSheet(page: Page) {
  const handle = page.locator('.sheet-handle');
  if (await handle.isVisible()) await handle.click();
}

test('"Teilen" opens the share sheet with the link of the current selection', async ({ page }) => {
  await recordShares(page);
  await page.goto('/?alter=4&thema=beratung');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await raiseSheet(page);
  await page.locator('.share-print').getByRole('button', { name: 'Teilen' }).click();
  await expect
    .poll(async () => (await shared(page))?.url)
    .toBe(page.url());
});

test('"Teilen" copies the link where there is no share sheet', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'share', { configurable: true, value: undefined });
  });
  await page.goto('/?alter=4&thema=beratung');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await raiseSheet(page);
  await page.locator('.share-print').getByRole('button', { name: 'Teilen' }).click();
  await expect(page.locator('.share-print [role="status"]')).toHaveText('Link kopiert.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('"Drucken" opens the hand-out of the selection with its QR code', async ({ page }) => {
  await page.goto('/?alter=4&thema=beratung');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await raiseSheet(page);
  await page.getByRole('link', { name: 'Drucken' }).click();
  await expect(page).toHaveURL(/\/drucken\?alter=4&thema=beratung$/);
  await expect(page.locator('.print-selection')).toHaveText('Auswahl: Alter: 4 Jahre · Thema: Beratung');
  await expect(page.locator('.print-qr svg')).toBeVisible();
  expect(await page.locator('.print-list li').count()).toBeGreaterThan(0);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.print-actions')).toBeHidden();
  await page.screenshot({ path: `${artifacts}/drucken-${test.info().project.name}.png`, fullPage: true });
  await page.pdf({ path: `${artifacts}/drucken.pdf`, format: 'A4' });
});

test('"Teilen" on a result card shares that offer\'s page under its name', async ({ page }) => {
  await recordShares(page);
  await page.goto('/?q=Hebamme');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await raiseSheet(page);
  const card = page.locator('.results .result').first();
  const id = await card.getAttribute('data-offer-id');
  const name = ((await card.locator('h3').textContent()) ?? '').trim();
  await card.locator('.action.share').click();
  await expect.poll(async () => (await shared(page))?.url).toMatch(new RegExp(`/angebot/${id}$`));
  expect((await shared(page))?.title).toBe(name);
});
