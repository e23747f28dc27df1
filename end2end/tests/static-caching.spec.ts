// The built files as the browser gets them: the map page names the Wasm and JS by their
// content's hash and carries the style sheets inline (allowed by their hash in the page's
// policy), the other pages link the CSS by its content's hash, the files whose name is their content's MD5 may be kept a year (`immutable`),
// a second visit takes them from the browser's cache without asking the server, and their brotli and gzip copies are sent to
// clients that accept them. The unhashed scripts keep a short, revalidated cache.
import { test, expect } from '@playwright/test';
import { createHash } from 'crypto';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'public, max-age=600';
// cargo-leptos' names: `chancenkarte.<22 characters: base64url MD5>.wasm`.
const HASHED = /^\/pkg\/[A-Za-z0-9_]+\.[A-Za-z0-9_-]{22}\.(js|wasm|css)$/;
// Every file under /pkg, the split loader and parts too.
const HASHED_ANY = /^\/pkg\/[A-Za-z0-9_]+\.[A-Za-z0-9_-]{22}\.(js|wasm|css|json)$/;

type Seen = { path: string; status: number; cached: boolean; cacheControl: string };

test('the map page loads hashed, immutable, precompressed files and keeps them', async ({ page }) => {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  let seen: Seen[] = [];
  // Chromium says a request was answered from its cache in one of two ways.
  const fromCache = new Set<string>();
  cdp.on('Network.requestServedFromCache', (event: any) => fromCache.add(event.requestId));
  cdp.on('Network.responseReceived', (event: any) => {
    const url = new URL(event.response.url);
    if (!url.pathname.startsWith('/pkg/')) return;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(event.response.headers)) headers[name.toLowerCase()] = String(value);
    seen.push({
      path: url.pathname,
      status: event.response.status,
      cached: Boolean(event.response.fromDiskCache || event.response.fromMemoryCache) || fromCache.has(event.requestId),
      cacheControl: headers['cache-control'] ?? '',
    });
  });
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();

  // The page names its script and Wasm by hash, and nothing under a plain name; its style is
  // inline, and the browser applies it: Leaflet's rules (the map's panes placed absolutely,
  // the layer control's image found under Leaflet's folder) and the site's (the skip link
  // off screen), with no style refused by the policy.
  const html = await page.content();
  const named = [...html.matchAll(/\/pkg\/[^"' )]+/g)].map((m) => m[0]);
  for (const kind of ['js', 'wasm']) {
    expect(named.some((path) => HASHED.test(path) && path.endsWith(`.${kind}`)), kind).toBe(true);
  }
  expect(named.filter((path) => /\/pkg\/chancenkarte\.(js|wasm|css)$/.test(path))).toEqual([]);
  expect(await page.locator('link[rel="stylesheet"]').count()).toBe(0);
  expect(await page.locator('head style').count()).toBe(1);
  const styled = await page.evaluate(() => ({
    pane: getComputedStyle(document.querySelector('.leaflet-pane')!).position,
    skip: document.querySelector('.skip-link')!.getBoundingClientRect().bottom,
  }));
  expect(styled.pane).toBe('absolute');
  expect(styled.skip).toBeLessThanOrEqual(0);
  expect(html).toContain('url(/vendor/leaflet/images/layers.png)');
  expect((await page.request.get('/vendor/leaflet/images/layers.png')).status()).toBe(200);
  expect(refused).toEqual([]);

  // Another page links the site's sheet by its hash.
  await page.goto('/hilfe');
  const sheet = await page.locator('link[rel="stylesheet"]').getAttribute('href');
  expect(sheet ?? '').toMatch(HASHED);
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();

  // Everything the first visit loaded from /pkg came by a hashed name. It is kept a year exactly
  // when the name's hash is the MD5 of the bytes: cargo-leptos names the main JS before it
  // writes the split loader's hashed name into it, so that one is revalidated instead.
  const main = seen.filter((s) => HASHED.test(s.path) && /\/chancenkarte\./.test(s.path));
  expect(new Set(main.map((s) => s.path.split('.').pop())).size).toBe(3);
  for (const s of seen) expect(s.path, 'a hashed name').toMatch(HASHED_ANY);
  let immutable = 0;
  for (const s of seen) {
    expect(s.status, s.path).toBe(200);
    const bytes = await (await page.request.get(s.path, { headers: { 'Accept-Encoding': 'identity' } })).body();
    const hash = createHash('md5').update(bytes).digest('base64url');
    const named = s.path.split('.').slice(-2, -1)[0];
    expect(s.cacheControl, s.path).toBe(hash === named ? IMMUTABLE : REVALIDATE);
    if (hash === named) immutable += 1;
  }
  // The style sheet names nothing else, and `server precompress` gave the Wasm the name of its
  // final content: both are always among them.
  expect(main.find((s) => s.path.endsWith('.css'))?.cacheControl).toBe(IMMUTABLE);
  expect(main.find((s) => s.path.endsWith('.wasm'))?.cacheControl).toBe(IMMUTABLE);
  expect(immutable).toBeGreaterThan(0);

  // The compressed copies: brotli where accepted, else gzip, decoded to the same bytes.
  for (const s of main) {
    const plain = await page.request.get(s.path, { headers: { 'Accept-Encoding': 'identity' } });
    const br = await page.request.get(s.path, { headers: { 'Accept-Encoding': 'br' } });
    const gzip = await page.request.get(s.path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(plain.headers()['content-encoding'], s.path).toBeUndefined();
    expect(br.headers()['content-encoding'], s.path).toBe('br');
    expect(gzip.headers()['content-encoding'], s.path).toBe('gzip');
    const bytes = await plain.body();
    expect((await br.body()).equals(bytes), s.path).toBe(true);
    expect((await gzip.body()).equals(bytes), s.path).toBe(true);
  }

  // An unhashed script: a short cache with validators, never immutable.
  const script = await page.request.get('/js/merkliste.js');
  expect(script.headers()['cache-control']).toBe(REVALIDATE);
  expect(script.headers()['etag']).toMatch(/^W\/"/);
  const again = await page.request.get('/js/merkliste.js', {
    headers: { 'If-None-Match': script.headers()['etag'] },
  });
  expect(again.status()).toBe(304);

  // A second visit takes the hashed files from the cache without asking the server.
  seen = [];
  await page.goto('/?thema=beratung');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const second = seen.filter((s) => HASHED.test(s.path) && /\/chancenkarte\./.test(s.path));
  expect(second.length).toBeGreaterThan(0);
  for (const s of second) expect(s.cached, `${s.path} ${JSON.stringify(second)}`).toBe(true);
});
