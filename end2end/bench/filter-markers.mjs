// How long a filter change takes to reach the map on a slow phone, measured in Debian's Chromium
// at 4× CPU slowdown (scripts/bench.sh runs it): the map page is loaded with all its offers,
// then topics are ticked and unticked in the filter drawer, one at a time. For each change the
// page itself times (performance.now, no round trip to the test) from the click to the updated
// count above the list (filtered), to the first change of the map's markers (clustered and
// drawn), and to the last one (after the map has moved to fit the results, which Leaflet may
// animate). Plain JavaScript, so Node runs it without the test runner. Prints figures, asserts
// nothing. Usage: node end2end/bench/filter-markers.mjs BASE_URL [CPU_SLOWDOWN]
import { openPhone } from './phone.mjs';

const base = process.argv[2];
const slowdown = Number(process.argv[3] ?? 4);
if (!base) {
  console.error('usage: filter-markers.mjs BASE_URL [CPU_SLOWDOWN]');
  process.exit(2);
}

const { browser, context } = await openPhone();
try {
  const page = await context.newPage();
  await page.goto(new URL('/', base).toString(), { waitUntil: 'networkidle', timeout: 120_000 });
  await page.locator('#karte .cluster, #karte .offer-pin').first().waitFor({ timeout: 120_000 });
  await page.locator('details.filters > summary').click();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  const topics = await page.locator('[data-topic]').evaluateAll((spans) => spans.map((s) => s.getAttribute('data-topic')));
  const runs = [];
  // Each topic on, then off again: two changes per topic.
  for (const topic of [...topics.slice(0, 5), ...topics.slice(0, 5)]) {
    const timing = await page.evaluate(async (topic) => {
      const pane = document.querySelector('#karte .leaflet-marker-pane');
      const count = document.querySelector('#result-count');
      const box = document.querySelector(`input[name="thema"][value="${topic}"]`);
      const before = count.textContent;
      return await new Promise((resolve) => {
        let first = null;
        let last = null;
        let counted = null;
        const start = performance.now();
        const markers = new MutationObserver(() => {
          const now = performance.now();
          if (first === null) first = now;
          last = now;
        });
        markers.observe(pane, { childList: true, subtree: true });
        const counts = new MutationObserver(() => {
          if (counted === null && count.textContent !== before) counted = performance.now();
        });
        counts.observe(count, { childList: true, subtree: true, characterData: true });
        box.click();
        const settle = () => {
          const now = performance.now();
          if ((last !== null && now - last > 1000) || now - start > 20_000) {
            markers.disconnect();
            counts.disconnect();
            const since = (t) => (t === null ? null : Math.round(t - start));
            resolve({ counted: since(counted), first: since(first), last: since(last) });
          } else {
            setTimeout(settle, 100);
          }
        };
        setTimeout(settle, 100);
      });
    }, topic);
    runs.push(timing);
  }
  const median = (values) => {
    const known = values.filter((v) => v !== null).sort((a, b) => a - b);
    return known.length ? known[Math.floor(known.length / 2)] : null;
  };
  const max = (values) => Math.max(...values.filter((v) => v !== null));
  const offers = await page.evaluate(async () => (await (await fetch('/api/offers')).json()).length);
  const field = (name) => runs.map((run) => run[name]);
  console.log(`FILTER_MARKERS offers=${offers} slowdown=${slowdown} changes=${runs.length} `
    + `count_median_ms=${median(field('counted'))} count_max_ms=${max(field('counted'))} `
    + `markers_median_ms=${median(field('first'))} markers_max_ms=${max(field('first'))} `
    + `settled_median_ms=${median(field('last'))}`);
} finally {
  await browser.close();
}
