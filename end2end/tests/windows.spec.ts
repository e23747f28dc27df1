// Dated and temporary offers, as an editor sets them in place and the public then sees them:
// an offer whose visibility window ended yesterday is gone from the map's data, its page, the
// open-data API and the HSDS export, and back once the window is renewed; a temporarily
// closed offer stays, with the notice and its reason (also in Arabic), and HSDS says
// "temporarily closed". The window's passing at midnight without any write is tested with an
// injected clock in the storage story (app/tests/storage_story.rs, window_story).
import { test, expect, Page } from '@playwright/test';
import { artifacts, EDITOR, signIn } from './support';

function germanDay(offsetDays: number): string {
  const day = new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(day.getDate())}.${two(day.getMonth() + 1)}.${day.getFullYear()}`;
}

const codes: Record<string, string> = {
  'Sichtbar bis': 'sichtbar_bis',
  'Vorübergehend geschlossen bis': 'geschlossen_bis',
  'Grund der Schließung': 'geschlossen_grund',
  'Freie Plätze': 'freie_plaetze',
  'Wartezeit in Wochen': 'wartezeit_wochen',
};

/** Saves `value` into the field `label` through the offer page's edit form (the address its
 * "Bearbeiten" link and the editors' overview lead to). */
async function setField(page: Page, id: number, label: string, value: string) {
  await page.goto(`/angebot/${id}?bearbeiten=${codes[label]}#bearbeiten`);
  const input = page.getByLabel(`Neuer Wert: ${label}`);
  if ((await input.evaluate((element) => element.tagName)) === 'SELECT') {
    // A choice is saved with the form's button (Enter does not send a select's form).
    await input.selectOption(value);
    await input.locator('xpath=ancestor::form').getByRole('button', { name: 'Speichern' }).click();
  } else {
    await input.fill(value);
    await input.press('Enter');
  }
  await expect(page.getByRole('status').filter({ hasText: `„${label}“ ist gespeichert.` })).toBeVisible();
}

/** Whether the offer is public: in the map's data, on its page, in the API and in HSDS. */
async function publicly(page: Page, id: number, name: string) {
  const payload = await (await page.request.get('/api/offers')).json();
  const inMap = payload.some((offer: { id: number }) => offer.id === id);
  const pageStatus = (await page.request.get(`/angebot/${id}`)).status();
  const apiStatus = (await page.request.get(`/api/v1/offers/${id}`)).status();
  const hsds = await (await page.request.get(`/api/hsds/services?per_page=200&search=${encodeURIComponent(name)}`)).json();
  const inHsds = hsds.contents.some((service: { name: string }) => service.name === name);
  return { inMap, pageStatus, apiStatus, inHsds };
}

test('an offer past its window leaves every public view and comes back when renewed; a closed one stays with its notice', async ({ browser }) => {
  test.setTimeout(180_000);
  const editor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(editor, EDITOR);
  const visitor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const offers = await (await visitor.request.get('/api/offers')).json();
  // The map's payload is compact: `n` is the name.
  const { id, n: name } = offers[offers.length - 7];
  expect(await publicly(visitor, id, name)).toEqual({ inMap: true, pageStatus: 200, apiStatus: 200, inHsds: true });

  // The window ended yesterday.
  await setField(editor, id, 'Sichtbar bis', germanDay(-1));
  expect(await publicly(visitor, id, name)).toEqual({ inMap: false, pageStatus: 404, apiStatus: 404, inHsds: false });
  // The editor still reaches it, with the window in its fields.
  await editor.goto(`/angebot/${id}`);
  await expect(editor.locator('#bearbeiten')).toContainText(germanDay(-1));

  // Renewed: back everywhere. Ending within 30 days, it is in the editors' overview.
  await setField(editor, id, 'Sichtbar bis', germanDay(20));
  expect(await publicly(visitor, id, name)).toEqual({ inMap: true, pageStatus: 200, apiStatus: 200, inHsds: true });
  await editor.goto('/redaktion#zeitfenster');
  await expect(editor.locator('#zeitfenster')).toContainText(name);
  await expect(editor.locator('#zeitfenster')).toContainText(germanDay(20));

  // Temporarily closed with a reason: still public, with the notice.
  await setField(editor, id, 'Vorübergehend geschlossen bis', germanDay(10));
  await setField(editor, id, 'Grund der Schließung', 'Umbau der Räume');
  await visitor.goto(`/angebot/${id}`);
  const notice = visitor.locator('article.offer .closed-notice');
  await expect(notice).toContainText(`Vorübergehend geschlossen bis ${germanDay(10)}`);
  await expect(notice).toContainText('Umbau der Räume');
  const api = await (await visitor.request.get(`/api/v1/offers/${id}`)).json();
  expect(api.closure_reason).toBe('Umbau der Räume');
  const hsds = await (await visitor.request.get(`/api/hsds/services?per_page=200&search=${encodeURIComponent(name)}`)).json();
  const service = hsds.contents.find((s: { name: string }) => s.name === name);
  expect(service.status).toBe('temporarily closed');
  expect(service.alert).toContain('Umbau der Räume');
  await visitor.screenshot({ path: `${artifacts}/closed-notice-de-390.png` });
  await visitor.context().addCookies([{ name: 'chancenkarte_sprache', value: 'ar', url: visitor.url() }]);
  await visitor.goto(`/angebot/${id}`);
  await expect(visitor.locator('article.offer .closed-notice')).toContainText('مغلق مؤقتًا حتى');
  await expect(visitor.locator('article.offer .closed-notice bdi')).toHaveText(germanDay(10));
  await visitor.screenshot({ path: `${artifacts}/closed-notice-ar-390.png` });

  // Left as it was.
  for (const label of ['Sichtbar bis', 'Vorübergehend geschlossen bis', 'Grund der Schließung']) {
    await setField(editor, id, label, '');
  }
  expect(await publicly(visitor, id, name)).toEqual({ inMap: true, pageStatus: 200, apiStatus: 200, inHsds: true });
});

test('free places said by an editor show with their day and answer the map\'s "freie Plätze" filter', async ({ browser }) => {
  test.setTimeout(120_000);
  const editor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(editor, EDITOR);
  const visitor = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  const offers = await (await visitor.request.get('/api/offers')).json();
  const { id, n: name } = offers[offers.length - 9];
  const before = await (await visitor.request.get('/api/v1/offers?freie-plaetze=1')).json();

  await setField(editor, id, 'Freie Plätze', 'ja');
  await setField(editor, id, 'Wartezeit in Wochen', '3');
  const after = await (await visitor.request.get('/api/v1/offers?freie-plaetze=1&pro_seite=200')).json();
  expect(after.total).toBe(before.total + 1);
  expect(after.items.map((item: { id: number }) => item.id)).toContain(id);

  // The map with the filter: its chip, and the offer in the list.
  await visitor.goto('/?freie-plaetze=1');
  await expect(visitor.locator('.filter-chips, .chips').first()).toContainText('freie Plätze');
  await expect(visitor.getByText(name).first()).toBeAttached();
  // The offer's page says it, with the day.
  await visitor.goto(`/angebot/${id}`);
  const today = germanDay(0);
  await expect(visitor.locator('article.offer .free-places')).toContainText('ja');
  await expect(visitor.locator('article.offer .free-places')).toContainText(`Stand: ${today}`);
  await expect(visitor.locator('article.offer .wait-time')).toContainText('ca. 3 Wochen');
  await visitor.screenshot({ path: `${artifacts}/free-places-de-390.png` });

  await setField(editor, id, 'Freie Plätze', '');
  await setField(editor, id, 'Wartezeit in Wochen', '');
  const cleared = await (await visitor.request.get('/api/v1/offers?freie-plaetze=1')).json();
  expect(cleared.total).toBe(before.total);
});
