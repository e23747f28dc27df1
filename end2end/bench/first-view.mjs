// The first view of the map page as a family's phone loads it, measured in Debian's Chromium
// (scripts/bench.sh runs it): every request until the network is idle, summed by what came over
// the wire (response headers and encoded body, as `request.sizes()` reports them), by kind.
// All offers (`/api/offers`) load after the first paint, once the page runs, with the Wasm part
// that reads them (`split_read_offers_*.wasm`): both are counted apart, as what follows the
// first view.
// Plain JavaScript, so Node runs it without the test runner. Prints figures, asserts nothing.
// Usage: node end2end/bench/first-view.mjs BASE_URL [PATH]
import { openPhone } from './phone.mjs';

const base = process.argv[2];
const path = process.argv[3] ?? '/';
if (!base) {
  console.error('usage: first-view.mjs BASE_URL [PATH]');
  process.exit(2);
}

const { browser, context } = await openPhone();
try {
  const page = await context.newPage();
  const finished = [];
  const failed = [];
  page.on('requestfinished', (request) => finished.push(request));
  page.on('requestfailed', (request) => failed.push(request.url()));
  await page.goto(new URL(path, base).toString(), { waitUntil: 'networkidle', timeout: 120_000 });
  const kinds = new Map();
  let total = 0;
  let later = 0;
  let laterCount = 0;
  for (const request of finished) {
    const sizes = await request.sizes();
    const bytes = Math.max(0, sizes.responseHeadersSize) + Math.max(0, sizes.responseBodySize);
    const url = new URL(request.url());
    if (url.pathname === '/api/offers' || /^\/pkg\/split_read_offers_/.test(url.pathname)) {
      later += bytes;
      laterCount += 1;
      if (process.env.FIRST_VIEW_VERBOSE) {
        console.log(`  ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${url.pathname} (after the first paint)`);
      }
      continue;
    }
    const kind = url.pathname.endsWith('.wasm') ? 'wasm' : request.resourceType();
    const entry = kinds.get(kind) ?? { bytes: 0, count: 0 };
    entry.bytes += bytes;
    entry.count += 1;
    kinds.set(kind, entry);
    total += bytes;
    if (process.env.FIRST_VIEW_VERBOSE) {
      console.log(`  ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${url.pathname}${url.search}`);
    }
  }
  const parts = [...kinds.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([kind, { bytes, count }]) => `${kind} ${(bytes / 1024).toFixed(1)} KB (${count})`);
  console.log(`FIRST_VIEW bytes=${total} requests=${finished.length - laterCount} failed=${failed.length}`);
  console.log(`FIRST_VIEW_LATER bytes=${later} requests=${laterCount}`);
  console.log(`FIRST_VIEW_PARTS ${parts.join(', ')}`);
  if (failed.length > 0) {
    console.error(`failed requests: ${failed.join(' ')}`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
}
