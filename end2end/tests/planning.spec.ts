// Planners and editors in the browser: a search on the map that finds nothing reaches the
// planners' page (counted once, filters only), the page's choropleth, reach and matrix follow
// the chosen topic and life phase, and an editor imports a CSV file in two steps.
import { test, expect, Page } from '@playwright/test';
import * as fs from 'fs';
import { artifacts, MEMBER, EDITOR, signIn } from './support';

/** Searches the map for `text` on `page` until the map has reported that it found nothing. */
async function searchFindingNothing(page: Page, text: string) {
  await page.goto('/');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const search = page.getByLabel('Was?');
  await search.fill(text);
  // The map reports the search once it rests: wait for that report, not for a time.
  const reported = page.waitForResponse((response) => response.url().endsWith('/suche/ohne-ergebnis'));
  await search.press('Enter');
  await expect(page.locator('#result-count')).toContainText('Keine');
  expect((await reported).status()).toBe(204);
}

test('a search on the map that finds nothing is counted once per search for the planners', async ({ browser, page }) => {
  // A word no offer has, unique to this run; letters only (words with digits are not kept).
  const word = `quokka${Date.now().toString(26).replace(/./g, (c) => String.fromCharCode(97 + parseInt(c, 26)))}`;
  await searchFindingNothing(page, `${word} 0171-2345678`);
  // Planners see only what was searched more than once: a second family searches the same.
  const second = await browser.newContext();
  await searchFindingNothing(await second.newPage(), word);
  await second.close();

  const planner = await browser.newPage();
  await signIn(planner, MEMBER);
  const row = planner.locator('table.zero-results tr', { hasText: word });
  // The count is written after the report's answer (and a page load's count in the
  // background): the planner reloads until both searches are in, or the poll times out.
  await expect
    .poll(async () => {
      await planner.goto('/planung');
      return (await row.count()) === 1 ? await row.locator('td').nth(1).textContent() : '';
    }, { timeout: 15_000 })
    .toBe('2');
  await expect(row.locator('td').nth(0)).toHaveText(`Suchbegriff: „${word}“`);
  // The phone number typed with it was never stored.
  await expect(planner.getByText('0171')).toHaveCount(0);
  await planner.close();
});

test('the planning page follows the chosen topic and life phase', async ({ page }) => {
  await signIn(page, MEMBER);
  await page.goto('/planung');
  await expect(page.getByRole('heading', { name: 'Planung: Wo fehlen Angebote?' })).toBeVisible();
  const map = page.locator('figure.choropleth svg');
  await expect(map).toHaveAttribute('role', 'img');
  await expect(map.locator('path.town')).toHaveCount(11);
  await expect(map.locator('text.town-label')).toHaveCount(11);

  await page.getByLabel('Thema', { exact: true }).selectOption({ label: 'Behinderung & Inklusion' });
  await page.getByLabel('Lebensphase', { exact: true }).selectOption({ label: '0–3 Jahre' });
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page).toHaveURL(/thema=behinderung-inklusion/);
  const caption = 'Angebote je 1.000 Kinder (unter 18) – Behinderung & Inklusion · 0–3 Jahre';
  await expect(page.locator('table.choropleth-numbers caption')).toHaveText(caption);
  // Every town in the table, each with its class; towns without any offer stand out in both.
  const rows = page.locator('table.choropleth-numbers tbody tr');
  await expect(rows).toHaveCount(11);
  const gaps = await page.locator('table.choropleth-numbers tbody tr.gap').count();
  await expect(map.locator('path.shade-none')).toHaveCount(gaps);
  await expect(page.locator('table.reach tbody tr')).toHaveCount(11);
  // The phone page does not scroll sideways: wide tables scroll inside their own box.
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(widths[0]).toBeLessThanOrEqual(widths[1]);
  await page.screenshot({ path: `${artifacts}/planung.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /Gesamte Matrix als CSV/ }).click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, 'utf8');
  expect(csv.split('\n')[0]).toBe(
    'ags,gemeinde,thema,lebensphase,angebote,je_1000_einwohner,je_1000_kinder,kinderzahl_geschaetzt',
  );
  expect(csv.trim().split('\n')).toHaveLength(1 + 11 * 12 * 10);
});

test('an editor imports a CSV file after a dry run', async ({ page }) => {
  await signIn(page, EDITOR);
  await page.goto('/redaktion');
  await page.getByRole('link', { name: /importieren und exportieren/ }).click();
  await expect(page).toHaveURL(/\/redaktion\/import$/);
  const exported = await (await page.request.get('/redaktion/angebote.csv')).text();
  const lines = exported.trimEnd().split('\n');
  // A copy of an offer under a new external id and name (one whose first fields need no quotes).
  const original = lines.find((line, i) => i > 0 && /^[^",]+,[^",]+,[^",]+,/.test(line))!;
  const parts = original.split(',');
  parts[0] = 'e2e-neu';
  parts[2] = 'E2E-Importangebot';
  const copy = parts.join(',');
  const file = [lines[0], original, copy].join('\n') + '\n';
  fs.writeFileSync(`${artifacts}/import.csv`, file);

  await page.getByLabel(/Datei \(CSV oder HSDS-JSON/).setInputFiles(`${artifacts}/import.csv`);
  await page.getByRole('button', { name: 'Datei prüfen (Probelauf)' }).click();
  await expect(page.getByRole('status')).toContainText('1 neu, 0 geändert, 1 unverändert');
  await page.screenshot({ path: `${artifacts}/import-probelauf.png`, fullPage: true });
  await page.getByRole('button', { name: 'Jetzt importieren' }).click();
  await expect(page.getByRole('status')).toContainText('abgeschlossen: 1 neu');
  const found = await (await page.request.get('/api/v1/offers?q=E2E-Importangebot')).json();
  expect(found.total).toBe(1);

  // A broken file: the problem with its line and column, nothing imported.
  parts[2] = 'X';
  fs.writeFileSync(`${artifacts}/kaputt.csv`, [lines[0], parts.join(',')].join('\n'));
  await page.getByLabel(/Datei \(CSV oder HSDS-JSON/).setInputFiles(`${artifacts}/kaputt.csv`);
  await page.getByRole('button', { name: 'Datei prüfen (Probelauf)' }).click();
  await expect(page.getByRole('alert')).toContainText('nichts wurde geändert');
  const problem = page.locator('table tbody tr').first();
  await expect(problem.locator('td').nth(0)).toHaveText('2');
  await expect(problem.locator('td').nth(1)).toHaveText('name');
});
