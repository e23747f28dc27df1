// The map page's first view: the server's list page is there at once, and every offer follows
// from /api/offers after the first paint (kept by its entity tag). Until then the map has no
// markers and another filter says that the offers are loading; a failed load says so in words
// and keeps trying.
import { test, expect, Page } from '@playwright/test';
import { artifacts } from './support';

async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('#result-count').textContent()) ?? '';
  const match = text.match(/\d+/);
  return match ? Number(match[0]) : 0;
}

/** Holds every request for all offers until `release` is called; counts them. */
async function holdOffers(page: Page) {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  const asked: string[] = [];
  await page.route('**/api/offers', async (route) => {
    asked.push(route.request().url());
    await held;
    await route.continue();
  });
  return { release, asked };
}

test('the list page shows before all offers have loaded; map and filters follow them', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const offers = await holdOffers(page);
  await page.goto('/?seite=2');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  // The server's second page, whole, with the count of all offers.
  await expect(page.locator('.results .result')).toHaveCount(20);
  const all = await resultCount(page);
  expect(all).toBeGreaterThan(100);
  await expect(page.locator('.pagination')).toContainText('Seite 2');
  await expect.poll(() => offers.asked.length).toBe(1);
  await page.waitForTimeout(300);
  expect(await page.locator('#karte .leaflet-marker-icon').count(), 'no marker before the offers').toBe(0);

  // Another filter before the offers are here: the page says it waits, and nothing is "not found".
  await page.locator('details.filters > summary').click();
  await page.getByRole('checkbox', { name: /^Beratung/ }).check();
  await expect(page).toHaveURL(/thema=beratung/);
  await expect(page.locator('#result-count')).toHaveText('Angebote werden geladen …');
  await expect(page.locator('.no-results')).toHaveCount(0);
  const show = page.locator('.filter-actions button[type=submit]');
  await expect(show, 'no count yet, not a wrong one').toHaveText('Ergebnisse anzeigen');
  await show.click();
  await page.screenshot({ path: `${artifacts}/erste-ansicht-wartet.png` });

  offers.release();
  await expect(page.locator('#result-count')).toHaveText(/\d+ Angebote gefunden/);
  const filtered = await resultCount(page);
  expect(filtered).toBeGreaterThan(0);
  expect(filtered).toBeLessThan(all);
  for (const topics of await page.locator('.results .topics').allTextContents()) expect(topics).toContain('Beratung');
  await expect(page.locator('#karte .cluster, #karte .offer-pin').first()).toBeVisible();
  // Every matching offer is on the map.
  const onMap = async () => {
    const counts = await page.locator('#karte .cluster').allTextContents();
    return counts.map(Number).reduce((a, b) => a + b, 0) + (await page.locator('#karte .offer-pin').count());
  };
  await expect.poll(onMap).toBeGreaterThan(0);
  expect(errors).toEqual([]);
});

test('a page opened with a search text keeps the server\'s list until the browser has searched', async ({ page }) => {
  const offers = await holdOffers(page);
  await page.goto('/?q=Hebamme');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const onServer = await resultCount(page);
  expect(onServer).toBeGreaterThan(0);
  const firstIds = await page.locator('.results .result').evaluateAll((items) => items.map((i) => i.getAttribute('data-offer-id')));
  offers.release();
  await expect(page.locator('#karte .leaflet-marker-icon').first()).toBeVisible();
  // The browser's search finds the same, in the same order.
  await expect.poll(() => resultCount(page)).toBe(onServer);
  const ids = await page.locator('.results .result').evaluateAll((items) => items.map((i) => i.getAttribute('data-offer-id')));
  expect(ids).toEqual(firstIds);
});

test('without the offers the page says so, keeps its list and recovers', async ({ page }) => {
  test.slow();
  let failing = true;
  await page.route('**/api/offers', async (route) => {
    if (failing) await route.abort('internetdisconnected');
    else await route.continue();
  });
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await expect(page.locator('.results .result')).toHaveCount(20);
  await page.locator('details.filters > summary').click();
  await page.getByRole('checkbox', { name: /^Beratung/ }).check();
  // Three attempts (now, after 2 s, after 6 s more), then the page says so.
  await page.locator('.filter-actions button[type=submit]').click();
  await expect(page.locator('#result-count')).toContainText('konnten nicht geladen werden', { timeout: 20_000 });
  await page.screenshot({ path: `${artifacts}/erste-ansicht-fehlt.png` });
  // The network is back: the next attempt brings the offers.
  failing = false;
  await expect(page.locator('#result-count')).toHaveText(/\d+ Angebote gefunden/, { timeout: 30_000 });
  await expect(page.locator('#karte .cluster, #karte .offer-pin').first()).toBeVisible();
});

test('a second visit asks for the offers with their entity tag', async ({ page }) => {
  const asked: Record<string, string>[] = [];
  page.on('requestfinished', async (request) => {
    if (new URL(request.url()).pathname === '/api/offers') asked.push(await request.allHeaders());
  });
  await page.goto('/');
  await expect(page.locator('#karte .cluster, #karte .offer-pin').first()).toBeVisible();
  await page.goto('/?thema=beratung');
  await expect(page.locator('#karte .cluster, #karte .offer-pin').first()).toBeVisible();
  await expect.poll(() => asked.length).toBe(2);
  expect(asked[0]['if-none-match'], 'the first visit has nothing to compare').toBeUndefined();
  expect(asked[1]['if-none-match'], 'the second asks whether its copy is current').toMatch(/^"/);
});
