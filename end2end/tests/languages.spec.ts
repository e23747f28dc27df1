// The interface in five languages: switched in the header on every page, remembered, `lang`
// and `dir` set; Arabic right to left with the map's controls on the other side. Offer texts
// stay German and say so. Screenshots in Arabic at both sizes.
import { test, expect, Page } from '@playwright/test';
import { artifacts } from './support';

/** Opens the header's language menu and picks `name` (the language named in itself). */
async function choose(page: Page, name: string) {
  await page.locator('.language-switch summary').click();
  await page.locator('.language-switch').getByRole('link', { name }).click();
}

test('English is chosen in the header, remembered, and translates the map explorer', async ({ page }) => {
  await page.goto('/?thema=beratung');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await choose(page, 'English');
  // Back on the same page, now in English.
  await expect(page).toHaveURL(/\/\?thema=beratung$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.locator('h1')).toHaveText('Offers for families, children and young people');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await expect(page.locator('#result-count')).toHaveText(/^\d+ offers? found$/);
  await expect(page.locator('.results .topics').first()).toContainText(/counselling/i);
  await expect(page.locator('.results .languages').first()).toContainText(/^Languages: /);
  await expect(page.locator('.results .action.route').first()).toHaveText('Directions');
  // Remembered on another page, and after a reload.
  await page.goto('/hilfe');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.locator('.footer-links')).toContainText('Privacy');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await choose(page, 'Deutsch');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page).toHaveURL(/\/hilfe$/);
});

test('Arabic lays out right to left, the map controls included', async ({ page }, info) => {
  await page.goto('/');
  await choose(page, 'العربية');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await expect(page.locator('#karte .cluster, #karte .offer-pin').first()).toBeVisible();
  const map = (await page.locator('#karte').boundingBox())!;
  const zoom = (await page.locator('.leaflet-control-zoom').boundingBox())!;
  expect(zoom.x + zoom.width / 2).toBeGreaterThan(map.x + map.width / 2);
  // The header starts on the right.
  const brand = (await page.locator('.site-header .brand').boundingBox())!;
  expect(brand.x).toBeGreaterThan(page.viewportSize()!.width / 2);
  await expect(page.locator('#result-count')).not.toContainText('Angebot');
  await page.screenshot({ path: `${artifacts}/karte-ar-${info.project.name}.png` });

  // An offer: the labels in Arabic, its German description marked as German.
  // Wait for states, never for time: the link is on screen, the click has opened the offer.
  // On a phone the list is in the lowered sheet: its handle brings it up.
  const handle = page.locator('.sheet-handle');
  if (await handle.isVisible()) await handle.click();
  const first = page.locator('.results .result h3 a').first();
  await first.scrollIntoViewIfNeeded();
  await expect(first).toBeVisible();
  await first.click();
  await expect(page).toHaveURL(/angebot/);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('.content-language-note')).toBeVisible();
  await expect(page.locator('.offer-description')).toHaveAttribute('lang', 'de');
  await expect(page.locator('.offer-facts')).not.toContainText('Öffnungszeiten');
  // The German address, the phone number and the opening times keep their order (postcode
  // before town, digits as dialled, opening before closing) inside the right-to-left page.
  const direction = (selector: string) =>
    page.locator(selector).first().evaluate((el) => getComputedStyle(el).direction);
  expect(await direction('.offer-address')).toBe('ltr');
  expect(await direction('.offer-facts .phone-link')).toBe('ltr');
  expect(await direction('.offer-facts table.hours td')).toBe('ltr');
  const address = (await page.locator('.offer-address').first().innerText()).split('\n').pop() ?? '';
  expect(address).toMatch(/^\d{5} /);
  await page.screenshot({ path: `${artifacts}/angebot-ar-${info.project.name}.png`, fullPage: true });
});

test('the browser language applies until one is chosen', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'uk-UA' });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
  await choose(page, 'Türkçe');
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await page.goto('/impressum');
  await expect(page.locator('html')).toHaveAttribute('lang', 'tr');
  await context.close();
});

test('no page scrolls sideways at 320 px, left to right or right to left', async ({ browser }) => {
  for (const language of ['de', 'ar']) {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, locale: 'de-DE' });
    await context.addCookies([{ name: 'chancenkarte_sprache', value: language, url: test.info().project.use.baseURL! }]);
    const page = await context.newPage();
    for (const path of ['/', '/?angebot=1', '/hilfe', '/angebot/1']) {
      await page.goto(path);
      if (path.startsWith('/?')) await expect(page.locator('#karte.leaflet-container')).toBeVisible();
      const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      expect(scroll, `${language} ${path}`).toBeLessThanOrEqual(client);
    }
    await context.close();
  }
});
