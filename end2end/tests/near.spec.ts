// "In meiner Nähe": a typed place or postcode, or the browser's position on request, sorts the
// list nearest first with distances; an unknown place says so in German.
import { test, expect, Page } from '@playwright/test';

/** The distances shown in the list, in metres, in list order. */
async function listedDistances(page: Page): Promise<number[]> {
  const metas = await page.locator('.results .result .meta').allTextContents();
  return metas.map((meta) => {
    // The distance is a left-to-right isolate (U+2066 … U+2069) inside the sentence.
    meta = meta.replace(/[\u2066-\u2069]/g, '');
    const found = meta.match(/· ([\d,]+) (k?m) entfernt$/);
    expect(found, meta).not.toBeNull();
    const value = Number(found![1].replace(',', '.'));
    return found![2] === 'km' ? value * 1000 : value;
  });
}

test('a typed village sorts the list nearest first, with distances', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const near = page.getByLabel('Wo?');
  await near.fill('Buldern');
  await near.press('Enter');
  await expect(page).toHaveURL(/bei=Buldern/);
  await expect(page.locator('#result-count')).toContainText('die nächsten zuerst (ab Buldern)');
  const distances = await listedDistances(page);
  expect(distances.length).toBe(20);
  expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  // Buldern has no offer of its own in the demo data; Dülmen is about 4 to 7 km away.
  expect(distances[0]).toBeLessThan(8000);

  // Name order on request, the distances still shown.
  await page.locator('details.filters > summary').click();
  await page.getByLabel('Sortierung, wenn ein Ort angegeben ist').selectOption({ label: 'nach Name' });
  await expect(page).toHaveURL(/sortierung=name/);
  await expect(page.locator('#result-count')).toContainText('nach Name, mit Entfernung ab Buldern');
  expect((await listedDistances(page)).length).toBe(20);
});

test('the own position is used only after a click, rounded in the URL', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['geolocation'], { origin: baseURL });
  // Lüdinghausen town centre.
  await context.setGeolocation({ latitude: 51.770372, longitude: 7.443711 });
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await expect(page).not.toHaveURL(/bei=/);
  await page.getByRole('button', { name: 'Meinen Standort verwenden' }).click();
  await expect(page).toHaveURL(/bei=51\.770%2C7\.444|bei=51\.770,7\.444/);
  await expect(page.locator('#result-count')).toContainText('(ab Ihrem Standort)');
  const first = page.locator('.results .result').first();
  await expect(first.locator('.meta')).toContainText('Lüdinghausen');
  expect((await listedDistances(page))[0]).toBeLessThan(2000);
});

test('an unknown place gets a German notice and sorts nothing', async ({ page }) => {
  await page.goto('/?bei=Atlantis');
  await expect(page.locator('.notices')).toContainText('Den Ort „Atlantis“ kennen wir im Kreis nicht');
  await expect(page.locator('.results .result .meta').first()).not.toContainText('entfernt');
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a postcode sorts the server-rendered list', async ({ page }) => {
    await page.goto('/?bei=59348');
    await expect(page.locator('#result-count')).toContainText('die nächsten zuerst (ab Lüdinghausen)');
    const distances = await listedDistances(page);
    expect([...distances].sort((a, b) => a - b)).toEqual(distances);
  });
});
