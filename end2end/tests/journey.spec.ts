// The family's journey on a phone (issue 15): the map has the first screen, follows the
// results, offers at one address are reachable, a phone number is a few taps away, Back
// closes what is open, and pages without a map load no map code. Screenshots of each state
// at 390×844, 320×640 and 1280×800, in German and Arabic, land in the artifacts.
import { test, expect, Page, Browser } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { artifacts } from './support';

const SIZES = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'small', width: 320, height: 640 },
  { name: 'desktop', width: 1280, height: 800 },
];

async function open(browser: Browser, width: number, height: number, locale = 'de-DE') {
  const mobile = width < 800;
  const context = await browser.newContext({
    viewport: { width, height },
    locale,
    isMobile: mobile,
    hasTouch: mobile,
    deviceScaleFactor: 1,
  });
  return context.newPage();
}

async function mapReady(page: Page) {
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await expect(page.locator('#karte .leaflet-marker-icon').first()).toBeVisible();
  // The map settles (fit to the results, then its redraw).
  await page.waitForTimeout(700);
}

/** The map's rectangle that nothing covers: from its top (or the screen's) to the sheet's top. */
async function uncoveredArea(page: Page) {
  return page.evaluate(() => {
    const map = document.querySelector('#karte')!.getBoundingClientRect();
    const sheet = document.querySelector('#ergebnisse')!.getBoundingClientRect();
    const overlay = getComputedStyle(document.querySelector('#ergebnisse')!).position === 'fixed';
    const top = Math.max(map.top, 0);
    const bottom = Math.min(map.bottom, overlay ? sheet.top : innerHeight, innerHeight);
    return { left: map.left, right: map.right, top, bottom, screen: innerWidth * innerHeight };
  });
}

/** Every marker's centre and the number of offers it stands for (1, or a group's count). */
async function markers(page: Page) {
  return page.locator('#karte .leaflet-marker-icon:not(.here-pin)').evaluateAll((icons) =>
    icons.map((icon) => {
      const box = icon.getBoundingClientRect();
      const count = icon.classList.contains('cluster') ? Number(icon.textContent) : 1;
      return { x: box.left + box.width / 2, y: box.top + box.height / 2, count, w: box.width, h: box.height };
    }),
  );
}

async function resultCount(page: Page) {
  const text = (await page.locator('#result-count').textContent()) ?? '';
  const match = text.match(/(\d+)/);
  return match ? Number(match[1]) : 0;
}

for (const size of SIZES) {
  test(`the map has the first screen at ${size.width}×${size.height}`, async ({ browser }) => {
    const page = await open(browser, size.width, size.height);
    await page.goto('/');
    await mapReady(page);
    const area = await uncoveredArea(page);
    const share = ((area.right - area.left) * (area.bottom - area.top)) / area.screen;
    if (size.name === 'phone') expect(share).toBeGreaterThanOrEqual(0.6);
    // The search field is on the first screen at every width.
    await expect(page.locator('#f-q')).toBeInViewport();
    await expect(page.locator('#f-bei')).toBeInViewport();
    // Markers show in the uncovered part, each at least 44 px to tap.
    const shown = (await markers(page)).filter(
      (m) => m.y > area.top && m.y < area.bottom && m.x > area.left && m.x < area.right,
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const marker of await markers(page)) expect(Math.min(marker.w, marker.h)).toBeGreaterThanOrEqual(44);
    await page.screenshot({ path: `${artifacts}/reise-start-${size.name}.png` });
    await page.context().close();
  });

  test(`the map fits the results of a town at ${size.width}×${size.height}`, async ({ browser }) => {
    const page = await open(browser, size.width, size.height);
    await page.goto('/');
    await mapReady(page);
    await page.locator('.filters > summary').click();
    await page.locator('#f-ort').selectOption({ label: 'Dülmen' });
    await page.locator('.filter-actions button[type=submit]').click();
    await expect(page.locator('.filters')).not.toHaveAttribute('open', '');
    // The focus is on the results' heading; the list is in sight.
    await expect(page.locator('#results-heading')).toBeFocused();
    await expect(page.locator('.chips')).toContainText('Dülmen');
    const total = await resultCount(page);
    expect(total).toBeGreaterThan(0);
    await page.waitForTimeout(900);
    const area = await uncoveredArea(page);
    const all = await markers(page);
    // Every matching offer is on the map, inside the part nothing covers.
    expect(all.reduce((sum, m) => sum + m.count, 0)).toBe(total);
    for (const marker of all) {
      expect(marker.y).toBeGreaterThan(area.top);
      expect(marker.y).toBeLessThan(area.bottom);
      expect(marker.x).toBeGreaterThan(area.left);
      expect(marker.x).toBeLessThan(area.right);
    }
    await page.screenshot({ path: `${artifacts}/reise-ort-${size.name}.png` });
    await page.context().close();
  });
}

test('offers at one address open as a list, each reachable', async ({ page }) => {
  // Two offers share this address in the demo data (Hofstraße 1b, Olfen).
  await page.goto('/?q=Olfen+Jugend');
  await mapReady(page);
  const list = page.locator('.group-list');
  for (let tries = 0; tries < 8 && !(await list.isVisible()); tries++) {
    const group = page.locator('#karte .cluster').first();
    await group.click();
    await page.waitForTimeout(700);
  }
  await expect(list).toBeVisible();
  const offers = list.locator('.group-offer');
  expect(await offers.count()).toBeGreaterThanOrEqual(2);
  // The focus moved to the first offer of the list.
  await expect(offers.first()).toBeFocused();
  await page.screenshot({ path: `${artifacts}/reise-adresse-phone.png` });
  const names = await offers.locator('.name').allTextContents();
  for (const name of names) {
    await list.getByRole('button', { name }).click();
    await expect(page.locator('#detail-panel .offer-name')).toHaveText(name);
  }
});

test('a keyboard user opening a group lands in its list', async ({ page }) => {
  await page.goto('/?q=Olfen+Jugend');
  await mapReady(page);
  const list = page.locator('.group-list');
  for (let tries = 0; tries < 8 && !(await list.isVisible()); tries++) {
    await page.locator('#karte .cluster').first().focus();
    await page.keyboard.press('Enter');
    await page.waitForTimeout(700);
    // After a zoom the focus stays on the map, not lost at the page's start.
    if (!(await list.isVisible())) await expect(page.locator('#karte')).toBeFocused();
  }
  await expect(list.locator('.group-offer').first()).toBeFocused();
});

test('from the start to a midwife in Dülmen on the phone in four taps', async ({ page }) => {
  let taps = 0;
  const tap = async (selector: string) => {
    taps += 1;
    await page.locator(selector).first().tap();
  };
  await page.goto('/');
  await mapReady(page);
  await tap('#f-q');
  await page.keyboard.type('Hebamme');
  await tap('#f-bei');
  await page.keyboard.type('Dülmen');
  await tap('.search-submit');
  // The results: nearest first, each card with its phone.
  const card = page.locator('.results .result').first();
  const call = card.locator('.action.call');
  await expect(call).toBeInViewport();
  const href = await call.getAttribute('href');
  expect(href).toMatch(/^tel:\+?\d+$/);
  await expect(card).toContainText('Dülmen');
  await expect(card.locator('h3')).toContainText(/[Hh]ebamme/);
  taps += 1; // The fourth tap is on "Anrufen": a tel: link, which the phone dials.
  expect(taps).toBeLessThanOrEqual(4);
  await page.screenshot({ path: `${artifacts}/reise-hebamme-phone.png` });
});

test('route links are web links everywhere', async ({ page }) => {
  await page.goto('/?q=Hebamme');
  await mapReady(page);
  const hrefs = await page.locator('.results .action.route').evaluateAll((links) =>
    links.map((link) => link.getAttribute('href') ?? ''),
  );
  expect(hrefs.length).toBeGreaterThan(0);
  for (const href of hrefs) expect(href).toMatch(/^https:\/\//);
  const id = await page.locator('.results .result').first().getAttribute('data-offer-id');
  await page.goto(`/angebot/${id}`);
  expect(await page.locator('.route-link').first().getAttribute('href')).toMatch(/^https:\/\//);
  expect(await page.locator('a[href^="geo:"]').count()).toBe(0);
});

test('Back closes the drawer and keeps the choice', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  const drawer = page.locator('.filters');
  await drawer.locator('summary').click();
  await expect(drawer).toHaveAttribute('open', '');
  await page.locator('label[for="f-kostenlos"]').click();
  await page.locator('label[for="f-barrierefrei"]').click();
  await expect(page).toHaveURL(/kostenlos=1.*barrierefrei=1/);
  await page.goBack();
  await expect(drawer).not.toHaveAttribute('open', '');
  // Both choices are still in force: ticking was not history.
  await expect(page).toHaveURL(/kostenlos=1.*barrierefrei=1/);
  await expect(page.locator('.chips')).toContainText('kostenlos');
});

test('Back closes the details, then the list', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  const explorer = page.locator('.explorer');
  await page.locator('.sheet-handle').tap();
  await expect(explorer).toHaveAttribute('data-sheet', 'half');
  await page.locator('.results .show-on-map').first().tap();
  await expect(page.locator('#detail-panel')).toBeVisible();
  await expect(page).toHaveURL(/angebot=/);
  await page.goBack();
  await expect(page.locator('#detail-panel')).toHaveCount(0);
  await expect(explorer).toHaveAttribute('data-sheet', 'half');
  await page.goBack();
  await expect(explorer).toHaveAttribute('data-sheet', 'peek');
  await expect(page).toHaveURL(/\/$/);
});

test('"Auf der Karte zeigen" brings the offer into the visible map', async ({ browser }) => {
  for (const size of [SIZES[0], SIZES[2]]) {
    const page = await open(browser, size.width, size.height);
    await page.goto('/?q=Hebamme');
    await mapReady(page);
    if (size.name === 'phone') await page.locator('.sheet-handle').tap();
    const card = page.locator('.results .result').nth(3);
    const id = await card.getAttribute('data-offer-id');
    await card.locator('.show-on-map').click();
    await page.waitForTimeout(1200);
    const pin = page.locator(`#karte .o-${id}`);
    await expect(pin).toBeVisible();
    const box = (await pin.boundingBox())!;
    const area = await uncoveredArea(page);
    expect(box.y + box.height / 2).toBeGreaterThan(area.top);
    expect(box.y + box.height / 2).toBeLessThan(area.bottom);
    await page.screenshot({ path: `${artifacts}/reise-auf-karte-${size.name}.png` });
    await page.context().close();
  }
});

test('the offer page loads no Wasm and no Leaflet', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  await page.goto('/angebot/1');
  await expect(page.locator('.offer-name')).toBeVisible();
  await page.waitForTimeout(500);
  expect(requested.filter((url) => url.endsWith('.wasm') || url.includes('leaflet'))).toEqual([]);
  // It has a preview for shared links.
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', /.+/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /.+/);
});

test('the map page describes its filter for link previews; the site icon exists', async ({ page, request }) => {
  await page.goto('/?thema=gesundheit&ort=05558012');
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /Gesundheit.*Coesfeld|Coesfeld.*Gesundheit/);
  await expect(page.locator('meta[property="og:description"]')).toHaveAttribute('content', /Gesundheit/);
  const icon = await request.get('/favicon.svg');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toContain('image/svg+xml');
});

test('Arabic keeps phone numbers, times and postcodes in their order', async ({ browser }) => {
  const page = await open(browser, 390, 844, 'ar');
  await page.goto('/angebot/1');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const phone = page.locator('.phone-link').first();
  await expect(phone).toBeVisible();
  // The digit groups' boxes run left to right in the order they are dialled.
  const groups = await phone.evaluate((link) => {
    const text = link.textContent ?? '';
    const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
    const node = walker.nextNode()!;
    const boxes: { text: string; x: number }[] = [];
    const pattern = /[\d-]+/g;
    let match;
    while ((match = pattern.exec(node.textContent ?? ''))) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      boxes.push({ text: match[0], x: range.getBoundingClientRect().left });
    }
    return { text, boxes };
  });
  expect(groups.boxes.length).toBeGreaterThanOrEqual(2);
  for (let i = 1; i < groups.boxes.length; i++) expect(groups.boxes[i].x).toBeGreaterThan(groups.boxes[i - 1].x);
  await page.screenshot({ path: `${artifacts}/reise-angebot-ar.png`, fullPage: true });
  await page.goto('/?q=Hebamme&bei=D%C3%BClmen');
  await mapReady(page);
  await page.locator('.sheet-handle').tap();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${artifacts}/reise-liste-ar.png` });
  await page.context().close();
});

for (const size of SIZES) {
  test(`screenshots of the states in Arabic at ${size.width}×${size.height}`, async ({ browser }) => {
    const page = await open(browser, size.width, size.height, 'ar');
    await page.goto('/');
    await mapReady(page);
    await page.screenshot({ path: `${artifacts}/reise-start-${size.name}-ar.png` });
    await page.locator('.filters > summary').click();
    await page.screenshot({ path: `${artifacts}/reise-filter-${size.name}-ar.png` });
    await page.locator('.filter-actions button[type=submit]').click();
    await page.locator('.results .show-on-map').first().click();
    await expect(page.locator('#detail-panel')).toBeVisible();
    await page.waitForTimeout(600);
    await page.screenshot({ path: `${artifacts}/reise-detail-${size.name}-ar.png` });
    await page.context().close();
  });
}

/** The search cases of `app/src/offers/search.rs` (`SEARCH_CASES`): one table for the unit
 * tests, the demo-data test and this browser test. */
function searchCases(): { query: string; atLeast: number; atMost: number }[] {
  const source = fs.readFileSync(path.join(__dirname, '../../app/src/offers/search.rs'), 'utf8');
  const table = source.slice(source.indexOf('pub const SEARCH_CASES'), source.indexOf('pub const SEARCH_AT_LEAST_AS_MANY'));
  const cases = [...table.matchAll(/case\(\s*"([^"]+)",\s*(\d+),\s*(ANY|\d+),/g)].map((m) => ({
    query: m[1],
    atLeast: Number(m[2]),
    atMost: m[3] === 'ANY' ? Infinity : Number(m[3]),
  }));
  if (cases.length < 10) throw new Error(`only ${cases.length} search cases found in search.rs`);
  return cases;
}

test('search forgives the same on the server (no JavaScript) and in the Wasm', async ({ browser }) => {
  test.slow();
  const plain = await (await browser.newContext({ javaScriptEnabled: false, locale: 'de-DE' })).newPage();
  const live = await open(browser, 390, 844);
  // The search index is a part of the Wasm of its own, loaded at the first search typed here.
  const wasmLoaded: string[] = [];
  live.on('request', (request) => {
    if (request.url().endsWith('.wasm')) wasmLoaded.push(new URL(request.url()).pathname);
  });
  await live.goto('/');
  await mapReady(live);
  // The first view: the main Wasm, and with all offers the part that reads them; no search part.
  const searchPart = () => wasmLoaded.filter((path) => /\/split_text_matches_/.test(path));
  expect(wasmLoaded.filter((path) => /\/chancenkarte\./.test(path)), 'one main Wasm').toHaveLength(1);
  expect(wasmLoaded.filter((path) => /\/split_read_offers_/.test(path)), 'the offers reader').toHaveLength(1);
  expect(searchPart(), 'the first view loads no search part').toEqual([]);
  const ids = (page: Page) =>
    page.locator('.results .result').evaluateAll((items) => items.slice(0, 5).map((item) => item.getAttribute('data-offer-id')));
  for (const { query, atLeast, atMost } of searchCases()) {
    await plain.goto(`/?q=${encodeURIComponent(query)}`);
    const onServer = await resultCount(plain);
    expect(onServer, `"${query}" on the server`).toBeGreaterThanOrEqual(atLeast);
    expect(onServer, `"${query}" on the server`).toBeLessThanOrEqual(atMost);
    const field = live.locator('#f-q');
    await field.fill(query);
    await field.press('Enter');
    await expect(live).toHaveURL(/[?&]q=/);
    await expect.poll(() => resultCount(live), { message: `"${query}" in the Wasm` }).toBe(onServer);
    const first = await ids(plain);
    await expect.poll(() => ids(live), { message: `"${query}": the same offers first` }).toEqual(first);
  }
  expect(searchPart().length, 'the search part was loaded when searching').toBeGreaterThan(0);
  // Nothing found: the closest words and the filters to drop.
  await live.goto('/?q=Hebbamxe&kostenlos=1');
  await expect(live.locator('.no-results')).toBeVisible();
  await expect(live.locator('.no-results .suggested a').first()).toBeVisible();
  await live.goto('/?q=Hebamme&thema=ausbildung-beruf');
  await mapReady(live).catch(() => {});
  expect(await resultCount(live)).toBe(0);
  const relax = live.locator('.no-results .relaxations a').first();
  await expect(relax).toContainText(/Ohne .+: \d+ Angebot/);
  await relax.click();
  await expect.poll(() => resultCount(live)).toBeGreaterThan(0);
  await live.screenshot({ path: `${artifacts}/reise-ohne-treffer-phone.png` });
  await plain.context().close();
  await live.context().close();
});

test('an Arabic family reports a mistake and is thanked in Arabic', async ({ browser }) => {
  const page = await open(browser, 390, 844, 'ar');
  await page.goto('/angebot/1');
  await expect(page.locator('nav.breadcrumb a.back-to-map')).not.toContainText('Alle Angebote');
  await page.locator('.report-error > summary').click();
  await page.locator('#f-message').fill('Die Telefonnummer stimmt nicht mehr.');
  // The form refuses what is sent faster than a person types.
  await page.waitForTimeout(3200);
  await page.locator('.report-error button[type=submit]').click();
  const thanks = page.locator('.report-error .note-success');
  await expect(thanks).toContainText('شكراً');
  await expect(thanks).not.toHaveAttribute('lang', 'de');
  await page.context().close();
});
