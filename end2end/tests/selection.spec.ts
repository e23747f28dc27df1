// The Merkliste (issue 16) at phone and desktop size: a visitor marks offers on the cards and
// in the detail panel, they stay after a reload, the selection's URL opens in a fresh browser,
// the offer page's "Merken" adds one. A member prints an Arabic hand-out with a note that no
// request and no server log line carries, and the hand-over e-mail holds the template only.
import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import * as fs from 'fs';
import { artifacts, signIn, MEMBER } from './support';

/** On a phone the results sheet starts lowered: its handle brings it up. */
async function raiseSheet(page: Page) {
  const handle = page.locator('.sheet-handle');
  if (await handle.isVisible()) await handle.click();
}

const size = () => test.info().project.name;

test('a visitor marks three offers, keeps them, shares and extends the list', async ({ page, browser, baseURL }) => {
  await page.goto('/?thema=beratung');
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await raiseSheet(page);
  const cards = page.locator('.results .result');
  const ids: string[] = [];
  const names: string[] = [];
  for (const index of [0, 1]) {
    const card = cards.nth(index);
    ids.push((await card.getAttribute('data-offer-id'))!);
    names.push(((await card.locator('h3').textContent()) ?? '').trim());
    const save = card.locator('button.save');
    await expect(save).toHaveAttribute('aria-pressed', 'false');
    const box = await save.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await save.click();
    await expect(save).toHaveAttribute('aria-pressed', 'true');
    await expect(save).toContainText('Gemerkt');
  }
  // The third in the detail panel.
  const third = cards.nth(2);
  ids.push((await third.getAttribute('data-offer-id'))!);
  names.push(((await third.locator('h3').textContent()) ?? '').trim());
  await page.goto(`/?thema=beratung&angebot=${ids[2]}`);
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const inPanel = page.locator('#detail-panel .save-link');
  await expect(inPanel).toHaveAttribute('aria-pressed', 'false');
  await inPanel.click();
  await expect(inPanel).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/angebot=/); // toggled in place, not followed
  await expect(page.locator('#merkliste-anzahl')).toHaveText('3');

  // After a reload the marks are still there: cards, panel and the header's count.
  await page.reload();
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  const again = page.locator('#detail-panel .save-link');
  await expect(again).toHaveAttribute('aria-pressed', 'true');
  // A toggle button by keyboard: Space unmarks and marks again.
  await again.focus();
  await page.keyboard.press('Space');
  await expect(again).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press('Space');
  await expect(again).toHaveAttribute('aria-pressed', 'true');
  await raiseSheet(page);
  for (const id of ids.slice(0, 2)) {
    const card = page.locator(`.results .result[data-offer-id="${id}"]`);
    if ((await card.count()) > 0) await expect(card.locator('button.save')).toHaveAttribute('aria-pressed', 'true');
  }
  const link = page.locator('#merkliste-link');
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', `/auswahl?angebote=${ids.join(',')}`);
  await page.screenshot({ path: `${artifacts}/merkliste-karte-${size()}.png` });

  // The selection's URL in a fresh browser (another device) shows the three from the URL.
  const other = await browser.newContext({ baseURL, viewport: page.viewportSize()!, locale: 'de-DE' });
  const fresh = await other.newPage();
  await fresh.goto(`/auswahl?angebote=${ids.join(',')}`);
  for (const name of names) await expect(fresh.locator('.selection-item h2').filter({ hasText: name })).toHaveCount(1);
  await expect(fresh.locator('.selection-item')).toHaveCount(3);
  // … and offers to take it over into that device's list.
  await expect(fresh.locator('[data-sync]')).toBeVisible();
  await fresh.getByRole('button', { name: 'In die Merkliste dieses Geräts übernehmen' }).click();
  await expect(fresh.locator('#merkliste-anzahl')).toHaveText('3');
  await expect(fresh.locator('[data-sync]')).toBeHidden();
  await fresh.screenshot({ path: `${artifacts}/merkliste-auswahl-${size()}.png`, fullPage: true });
  await other.close();

  // The offer page's "Merken" (no Wasm there) adds a fourth.
  const offers = await (await page.request.get('/api/offers')).json();
  const fourth = String(offers.find((o: { id: number }) => !ids.includes(String(o.id))).id);
  await page.goto(`/angebot/${fourth}`);
  const save = page.locator('.offer-actions .save-link');
  await expect(save).toHaveAttribute('aria-pressed', 'false');
  await save.click();
  await expect(save).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#merkliste-anzahl')).toHaveText('4');
  // The offer page shares and prints too.
  await expect(page.locator('.offer-actions [data-share]')).toBeVisible();
  await expect(page.locator('.offer-actions a[href="/drucken?angebot=' + fourth + '"]')).toBeVisible();
  await page.locator('#merkliste-link').click();
  await expect(page).toHaveURL(new RegExp(`/auswahl\\?angebote=${[...ids, fourth].join(',')}$`));
  await expect(page.locator('.selection-item')).toHaveCount(4);
  // Removing one takes it off this device's list too.
  await page.locator(`.selection-item[data-offer-id="${ids[0]}"] .remove-link`).click();
  await expect(page.locator('.selection-item')).toHaveCount(3);
  await expect(page.locator('#merkliste-anzahl')).toHaveText('3');

  // Without the map's script: the plain link adds on the selection page.
  await page.goto(`/auswahl?angebote=${ids[0]}&hinzu=1`);
  await expect(page).toHaveURL(new RegExp(`/auswahl\\?angebote=${[ids[1], ids[2], fourth, ids[0]].join(',')}$`));
  await expect(page.locator('.selection-item')).toHaveCount(4);
});

/** The first offers whose selection entry offers a hand-over e-mail, up to `count`. */
async function offersWithContacts(page: Page, count: number): Promise<string[]> {
  const offers = await (await page.request.get('/api/offers')).json();
  const ids = offers.slice(0, 50).map((o: { id: number }) => o.id).join(',');
  await page.goto(`/auswahl?angebote=${ids}`);
  const items = page.locator('.selection-item:has(.handover-mail)');
  const found: string[] = [];
  for (let i = 0; i < Math.min(count, await items.count()); i++) {
    found.push((await items.nth(i).getAttribute('data-offer-id'))!);
  }
  expect(found.length).toBe(count);
  return found;
}

const NOTE = 'Notiz-7Q4 Termin am Dienstag, Frau Beispiel';

test('a member prints an Arabic hand-out with a note that never leaves the device', async ({ page, context, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(`${request.url()}\n${request.postData() ?? ''}`));
  await signIn(page, MEMBER);
  const ids = await offersWithContacts(page, 3);
  await page.goto(`/auswahl?angebote=${ids.join(',')}&mappe=ar`);
  const handout = page.locator('section.handout');
  await expect(handout).toHaveAttribute('dir', 'rtl');
  await expect(handout).toHaveAttribute('lang', 'ar');
  await expect(handout.locator('.handout-offer')).toHaveCount(3);
  await expect(handout.locator('.handout-qr svg')).toHaveCount(3);
  // The member's page meets WCAG 2.1 AA too (labels, contrast, the hand-out's languages).
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
  await page.getByLabel('Notiz für die Familie (wird mitgedruckt)').fill(NOTE);
  await expect(page.locator('#mappe-notiz-druck')).toHaveText(NOTE);

  // Numbers stay left to right inside the right-to-left hand-out.
  const ltr = await handout.locator('bdi[dir="ltr"]').evaluateAll((elements) =>
    elements.map((e) => [e.textContent, getComputedStyle(e).direction]),
  );
  expect(ltr.length).toBeGreaterThan(3);
  for (const [, direction] of ltr) expect(direction).toBe('ltr');
  expect(ltr.some(([text]) => /\d{2}:\d{2}–\d{2}:\d{2}/.test(text ?? ''))).toBe(true);
  expect(ltr.some(([text]) => /^\+?[0-9 ()\/-]{6,}$/.test((text ?? '').trim()))).toBe(true);

  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.family-folder')).toBeHidden();
  await expect(page.locator('.selection-list')).toBeHidden();
  await expect(handout).toBeVisible();
  for (const [width, height] of [[390, 844], [320, 640], [1280, 800]]) {
    await page.setViewportSize({ width, height });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `no sideways scrolling at ${width}px`).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `${artifacts}/mappe-ar-${width}x${height}-${size()}.png`, fullPage: true });
  }
  await page.pdf({ path: `${artifacts}/mappe-ar-${size()}.pdf`, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });

  // Choosing another language sends the offers and the language, never the note.
  await page.getByLabel('Sprache der Mappe').selectOption('uk');
  await page.getByRole('button', { name: 'Sprache wählen' }).click();
  await expect(page.locator('section.handout')).toHaveAttribute('lang', 'uk');

  // The copy button says what it did.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
  await page.locator('[data-copy]').first().click();
  await expect(page.locator('[data-share-status]')).toHaveText('Zusammenfassung kopiert.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('Tel.');

  for (const word of ['Notiz-7Q4', 'Dienstag', encodeURIComponent('Notiz-7Q4')]) {
    for (const request of requests) expect(request, 'a request carries the note').not.toContain(word);
  }
  const log = fs.readFileSync(process.env.E2E_SERVER_LOG ?? 'no E2E_SERVER_LOG', 'utf8');
  expect(log).not.toContain('Notiz-7Q4');
  expect(log).not.toContain('Dienstag');
});

test('the hand-over e-mail carries the template and the offer only', async ({ page }) => {
  await signIn(page, MEMBER);
  const member = ((await page.locator('.signed-in b').textContent()) ?? '').trim();
  const ids = await offersWithContacts(page, 1);
  await page.goto(`/auswahl?angebote=${ids[0]}`);
  await page.locator('#mappe-notiz').fill(NOTE);
  const name = ((await page.locator('.selection-item h2').textContent()) ?? '').trim();
  const href = (await page.locator('.handover-mail').first().getAttribute('href'))!;
  const url = new URL(href);
  expect(url.protocol).toBe('mailto:');
  expect(url.pathname).toMatch(/^[A-Za-z0-9._+-]+@[A-Za-z0-9.-]+$/);
  expect([...url.searchParams.keys()]).toEqual(['subject', 'body']);
  const subject = url.searchParams.get('subject')!;
  const body = url.searchParams.get('body')!;
  expect(subject).toContain(name);
  expect(body).toMatch(/eine Familie aus .+ wird sich in den nächsten Tagen bei Ihnen melden/);
  expect(body).toContain(name);
  for (const text of [subject, body]) {
    expect(text).not.toContain('Notiz-7Q4');
    expect(text).not.toContain('Frau Beispiel');
    if (member) expect(text).not.toContain(member);
  }
});
