// The Content-Security-Policy as a browser enforces it: every page type loads and works with it
// (the map hydrates, the editor's panel opens), and the browser reports no violation.
import { test, expect, Page } from '@playwright/test';
import { ADMIN, signIn } from './support';

/** Records every CSP violation the page reports, from the first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) seen.push(message.text());
  });
  await page.exposeFunction('reportViolation', (text: string) => seen.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // @ts-expect-error: exposed by the test above
      window.reportViolation(`${event.violatedDirective} blocked ${event.blockedURI} in ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return seen;
}

test('every page type runs under the Content-Security-Policy without a violation', async ({ page }) => {
  const violations = await watchViolations(page);
  // The public map, kept rendered for anonymous visitors: its bytes never change, so the
  // policy allows its inline scripts by their hashes instead of a nonce, and the map hydrates
  // under it.
  const response = await page.goto('/');
  const policy = response!.headers()['content-security-policy'];
  expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]{44}')+;/);
  expect(policy).not.toContain('nonce-');
  expect(policy).not.toContain('unsafe-inline');
  // Its style sheets are inline too, allowed by their hash (one round trip less to paint).
  expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]{44}';/);
  expect(response!.headers()['x-content-type-options']).toBe('nosniff');
  expect(response!.headers()['referrer-policy']).toBe('same-origin');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await expect(page.locator('#karte .cluster, #karte .offer-pin').first()).toBeVisible();
  // A page rendered per response carries a nonce, new for every response.
  const offerPage = await page.request.get('/angebot/1');
  const offerPolicy = offerPage.headers()['content-security-policy'];
  expect(offerPolicy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9_-]{16,}' 'wasm-unsafe-eval'/);
  const again = await page.request.get('/angebot/1');
  expect(again.headers()['content-security-policy']).not.toBe(offerPolicy);

  // A filter change and an offer's details, done by the hydrated island.
  await page.goto('/?angebot=1');
  await expect(page.locator('.offer-description').first()).toBeVisible();

  const publicPages = ['/angebot/1', '/hilfe', '/impressum', '/datenschutz', '/barrierefreiheit', '/daten',
    '/eintragen', '/anmelden', '/drucken?thema=beratung', '/gibt-es-nicht'];
  for (const path of publicPages) {
    await page.goto(path);
    await expect(page.locator('main, #inhalt').first()).toBeVisible();
  }
  // The signed-in pages, as an admin (who sees every one of them).
  await signIn(page, ADMIN);
  for (const path of ['/netzwerk', '/konto', '/verwaltung', '/planung', '/redaktion', '/redaktion/import']) {
    await page.goto(path);
    await expect(page.locator('main, #inhalt').first()).toBeVisible();
  }
  // The editor's panel on the map: fetched and shown by the island under the policy (each
  // field once: the description stands in the editors' field list).
  await page.goto('/?angebot=1');
  await expect(page.locator('#panel-feld-beschreibung')).toBeVisible();
  expect(violations).toEqual([]);
});
