// The whole journey of a family by keyboard alone, at phone and desktop size: skip link,
// filter by age and topic, open an offer from the list, reach its call link.
import { test, expect, Page } from '@playwright/test';

/** Presses Tab until the focused element matches `selector` (fails after `limit` steps). */
async function tabTo(page: Page, selector: string, limit = 80) {
  for (let step = 0; step < limit; step++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} not reached with Tab`);
}

test('filter by age and topic, open an offer and reach its call link, by keyboard alone', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();

  await tabTo(page, 'details.filters > summary');
  await page.keyboard.press('Enter');
  await tabTo(page, '#f-alter');
  await page.keyboard.type('4');
  await page.keyboard.press('Tab');
  await expect(page).toHaveURL(/alter=4/);

  await tabTo(page, '#f-thema-beratung');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/thema=beratung/);
  await expect(page.locator('#result-count')).toContainText('Angebote gefunden');

  await tabTo(page, '.results .result h3 a');
  const name = (await page.evaluate(() => document.activeElement?.textContent)) ?? '';
  await page.keyboard.press('Enter');
  await expect(page.locator('h1.offer-name')).toHaveText(name);
  await expect(page.locator('article.offer')).toContainText('Beratung');
  await tabTo(page, 'article.offer a[href^="tel:"]');
  await expect(page.locator('article.offer a[href^="tel:"]').first()).toBeFocused();
});
