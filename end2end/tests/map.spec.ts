// The public map on a phone: hydration, clusters, filters in the URL, details, deep links,
// and no request to any host but the app's own.
import { test, expect, Page } from '@playwright/test';
import { artifacts } from './support';

async function resultCount(page: Page): Promise<number> {
  const text = (await page.locator('#result-count').textContent()) ?? '';
  const match = text.match(/\d+/);
  return match ? Number(match[0]) : 0;
}

async function waitForMap(page: Page) {
  // The Leaflet container exists only once the Wasm has hydrated and created the map.
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await expect(page.locator('#karte .cluster, #karte .offer-pin').first()).toBeVisible();
}

async function zoomOf(page: Page): Promise<number> {
  return Number(await page.locator('#karte').getAttribute('data-zoom'));
}

test('page loads, hydrates and shows clusters with counts', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/');
  await waitForMap(page);
  const clusters = page.locator('#karte .cluster');
  expect(await clusters.count()).toBeGreaterThan(0);
  // At the start view the whole district is visible: every offer is in one cluster or pin.
  const shown = async () => {
    const counts = await clusters.allTextContents();
    return counts.map(Number).reduce((a, b) => a + b, 0) + (await page.locator('#karte .offer-pin').count());
  };
  await expect.poll(shown).toBe(await resultCount(page));
  await page.screenshot({ path: `${artifacts}/karte.png`, fullPage: false });
  expect(errors).toEqual([]);
});

test('a topic filter reduces the count and updates the URL; Back closes the drawer, the chip removes it', async ({ page }) => {
  await page.goto('/');
  await waitForMap(page);
  const before = await resultCount(page);
  // A mark on the window survives only if filtering happens in the page, without a reload.
  await page.evaluate(() => ((window as any).__samePage = true));
  await page.locator('details.filters > summary').click();
  await page.getByRole('checkbox', { name: /^Beratung/ }).check();
  await expect(page).toHaveURL(/thema=beratung/);
  await expect.poll(() => resultCount(page)).toBeLessThan(before);
  const filtered = await resultCount(page);
  expect(filtered).toBeGreaterThan(0);
  // Every listed offer is about Beratung (list and map are filtered in the browser).
  const topics = await page.locator('.results .topics').allTextContents();
  for (const t of topics) expect(t).toContain('Beratung');
  expect(await page.evaluate(() => (window as any).__samePage)).toBe(true);
  // Back closes the drawer; ticking was not history, so the filter stays …
  await page.goBack();
  await expect(page.locator('details.filters')).not.toHaveAttribute('open', '');
  await expect(page).toHaveURL(/thema=beratung/);
  // … until its chip is removed.
  await page.locator('.chips .chip').filter({ hasText: 'Beratung' }).click();
  await expect(page).not.toHaveURL(/thema=/);
  await expect.poll(() => resultCount(page)).toBe(before);
});

test('a cluster click zooms in, a marker click opens the details', async ({ page }) => {
  await page.goto('/');
  await waitForMap(page);
  // A click on a group zooms in. The click is repeated if it met a group just being redrawn
  // (markers are redrawn when the map stops moving; on a phone the page may scroll first).
  const zoomIntoGroup = async () => {
    const zoom = await zoomOf(page);
    await expect(async () => {
      await page.locator('#karte .cluster').first().click();
      await expect.poll(() => zoomOf(page), { timeout: 3_000 }).toBeGreaterThan(zoom);
    }).toPass({ timeout: 20_000 });
  };
  await zoomIntoGroup();
  // Keep opening clusters until single offers appear.
  for (let i = 0; i < 12 && (await page.locator('#karte .offer-pin').count()) === 0; i++) {
    await zoomIntoGroup();
  }
  const pin = page.locator('#karte .offer-pin').first();
  const title = await pin.getAttribute('title');
  await pin.click();
  await expect(page).toHaveURL(/angebot=\d+/);
  const panel = page.locator('#detail-panel');
  await expect(panel).toBeVisible();
  // The marker's name is the offer's name and its topics.
  const name = (await panel.locator('h2').textContent()) ?? '';
  expect(name.length).toBeGreaterThan(0);
  expect(title?.startsWith(`${name}, `)).toBe(true);
  await expect(panel.locator('a[href^="tel:"]').first()).toBeVisible();
  await panel.screenshot({ path: `${artifacts}/detailpanel.png` });
  await panel.getByRole('button', { name: 'Details schließen' }).click();
  await expect(panel).toHaveCount(0);
});

test('deep links open an offer', async ({ page }) => {
  await page.goto('/');
  const link = page.locator('.results .result h3 a').first();
  const name = (await link.textContent()) ?? '';
  const href = (await link.getAttribute('href')) ?? '';
  await page.goto(href);
  await expect(page.locator('h1.offer-name')).toHaveText(name);
  await expect(page.getByText('Angaben bestätigt im')).toBeVisible();
  const id = href.split('/').pop();
  await page.goto(`/?angebot=${id}`);
  await expect(page.locator('#detail-panel h2')).toHaveText(name);
  const missing = await page.goto('/angebot/99999999');
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: 'Angebot nicht gefunden' })).toBeVisible();
});

test('with TILE_URL=none the page asks no host but its own', async ({ page, baseURL }) => {
  const own = new URL(baseURL!).host;
  const foreign: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.host !== own) foreign.push(request.url());
  });
  await page.goto('/');
  await waitForMap(page);
  await page.locator('#karte .cluster').first().click();
  await page.waitForLoadState('networkidle');
  expect(foreign).toEqual([]);
  // The boundaries are drawn (SVG paths) even without tiles.
  await expect(page.locator('#karte path.leaflet-interactive, #karte svg path').first()).toBeAttached();
});
