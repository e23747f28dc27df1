// Without JavaScript (blocked, failed, or not yet loaded on a slow line) the page still works:
// the filter form is a plain GET form and the server renders the filtered list.
import { test, expect, Page } from '@playwright/test';

test.use({ javaScriptEnabled: false });

async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('#result-count').textContent()) ?? '';
  return text.startsWith('Keine') ? 0 : Number(text.match(/\d+/)![0]);
}

test('the GET filter form filters the server-rendered list', async ({ page }) => {
  await page.goto('/');
  const all = await resultCount(page);
  expect(all).toBeGreaterThan(100);
  await page.locator('details.filters > summary').click();
  await page.getByLabel('Alter des Kindes (Jahre)').fill('4');
  await page.getByLabel('Ort', { exact: true }).selectOption({ label: 'Dülmen' });
  await page.getByRole('button', { name: /^Ergebnisse anzeigen/ }).click();
  await expect(page).toHaveURL(/alter=4/);
  const filtered = await resultCount(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  // Every listed offer is in Dülmen, and the same filter in the API-free page gives the same.
  const metas = await page.locator('.results .result .meta').allTextContents();
  expect(metas.length).toBe(Math.min(filtered, 20));
  for (const meta of metas) expect(meta).toContain('Dülmen');
  // The list's pages are plain links too.
  if (filtered > 20) {
    await page.getByRole('link', { name: 'nächste Seite →' }).click();
    await expect(page).toHaveURL(/seite=2/);
    await expect(page.locator('.results .result').first()).toBeVisible();
  }
  // An offer opens as its own page.
  await page.locator('.results .result h3 a').first().click();
  await expect(page.locator('article.offer h1.offer-name')).toBeVisible();
});
