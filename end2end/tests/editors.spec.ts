// Editors on a phone: edit a field in place, see it after a reload with its history entry, get
// a German message for a bad value, meet the conflict view when another editor saved first,
// and mark an offer as checked.
import { test, expect, Page, Browser, Locator } from '@playwright/test';
import { artifacts, EDITOR, MEMBER, signIn } from './support';

async function editorPage(browser: Browser): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
  await signIn(page, EDITOR);
  return page;
}

async function someOfferId(page: Page, index: number): Promise<number> {
  const offers = await (await page.request.get('/api/offers')).json();
  return offers[index].id;
}

test('an editor edits a field in place and finds it after a reload, with its history', async ({ page }) => {
  await signIn(page, EDITOR);
  const id = await someOfferId(page, 3);
  await page.goto(`/angebot/${id}`);
  const panel = page.locator('#bearbeiten');
  await expect(panel.getByRole('heading', { name: 'Redaktion' })).toBeVisible();

  await panel.getByRole('link', { name: 'Telefon bearbeiten' }).click();
  const input = page.getByLabel('Neuer Wert: Telefon');
  await expect(input).toBeFocused();
  await input.fill('02541 abc');
  await input.press('Enter');
  await expect(page.getByRole('alert')).toContainText('„a“ gehört nicht in eine Telefonnummer');
  await expect(page.getByLabel('Neuer Wert: Telefon')).toHaveValue('02541 abc');

  // A number of its own per run (the desktop run edits the same offer again).
  const phone = `02541 ${String(Date.now()).slice(-6)}`;
  await page.getByLabel('Neuer Wert: Telefon').fill(phone);
  await page.getByLabel('Neuer Wert: Telefon').press('Enter');
  await expect(page.getByRole('status').filter({ hasText: '„Telefon“ ist gespeichert.' })).toBeVisible();
  await page.reload();
  await expect(page.locator('article.offer .phone-link')).toHaveText(phone);
  const entry = page.locator('.history .change').first();
  await expect(entry).toContainText('Telefon');
  await expect(entry).toContainText(phone);
  await expect(entry).toContainText('Robin Redaktion');
  await page.screenshot({ path: `${artifacts}/redaktion-verlauf-${test.info().project.name}.png`, fullPage: true });
});

test('two editors save the same field: the second sees both values and decides', async ({ browser }) => {
  const first = await editorPage(browser);
  const second = await editorPage(browser);
  const id = await someOfferId(first, 4);
  for (const page of [first, second]) {
    await page.goto(`/angebot/${id}?bearbeiten=name`);
    await expect(page.getByLabel('Neuer Wert: Name')).toBeVisible();
  }
  await first.getByLabel('Neuer Wert: Name').fill('Erste Fassung des Namens');
  await first.getByRole('button', { name: 'Speichern' }).click();
  await expect(first.getByRole('status').filter({ hasText: 'gespeichert' })).toBeVisible();

  await second.getByLabel('Neuer Wert: Name').fill('Zweite Fassung des Namens');
  await second.getByRole('button', { name: 'Speichern' }).click();
  await expect(second.getByRole('alert')).toContainText('inzwischen von jemand anderem geändert');
  await expect(second.locator('.conflict-theirs')).toHaveText('Erste Fassung des Namens');
  await expect(second.getByLabel('Neuer Wert: Name')).toHaveValue('Zweite Fassung des Namens');
  await second.locator('#feld-name').screenshot({ path: `${artifacts}/redaktion-konflikt.png` });
  // Deciding for the own version after seeing the other one saves it.
  await second.getByRole('button', { name: 'Speichern' }).click();
  await expect(second.getByRole('status').filter({ hasText: 'gespeichert' })).toBeVisible();
  await expect(second.locator('h1.offer-name')).toHaveText('Zweite Fassung des Namens');
  await first.context().close();
  await second.context().close();
});

test('an editor marks an offer as checked', async ({ page }) => {
  await signIn(page, EDITOR);
  const id = await someOfferId(page, 5);
  await page.goto(`/angebot/${id}`);
  await page.getByRole('button', { name: 'Als geprüft markieren' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Als geprüft markiert.' })).toBeVisible();
  const months = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];
  const now = new Date();
  await expect(page.locator('.last-checked')).toHaveText(`Angaben bestätigt im ${months[now.getMonth()]} ${now.getFullYear()}`);
  await expect(page.locator('.history .change').first()).toContainText('Zuletzt geprüft');
});

test('members see no editing controls', async ({ page }) => {
  await signIn(page, MEMBER);
  const id = await someOfferId(page, 3);
  await page.goto(`/angebot/${id}?bearbeiten=name`);
  await expect(page.locator('h1.offer-name')).toBeVisible();
  await expect(page.locator('#bearbeiten')).toHaveCount(0);
  await expect(page.getByLabel('Neuer Wert: Name')).toHaveCount(0);
});

test('an editor archives an offer and restores it from the overview', async ({ page, browser }) => {
  await signIn(page, EDITOR);
  const id = await someOfferId(page, 6);
  // The map's detail panel leads editors to the editing section.
  await page.goto(`/?angebot=${id}`);
  await page.locator('#detail-panel').getByRole('link', { name: 'Verlauf und Archiv auf der Angebotsseite' }).click();
  await expect(page).toHaveURL(new RegExp(`/angebot/${id}#bearbeiten`));
  const name = (await page.locator('h1.offer-name').textContent()) ?? '';

  await page.getByRole('button', { name: 'Archivieren' }).click();
  await expect(page).toHaveURL(/\/redaktion/);
  await expect(page.getByRole('status').filter({ hasText: 'archiviert' })).toBeVisible();
  const anonymous = await browser.newPage();
  const gone = await anonymous.goto(`/angebot/${id}`);
  expect(gone?.status()).toBe(404);

  await page.getByRole('button', { name: `${name} wiederherstellen` }).click();
  await expect(page).toHaveURL(new RegExp(`/angebot/${id}`));
  await expect(page.getByRole('status').filter({ hasText: 'wiederhergestellt' })).toBeVisible();
  const back = await anonymous.goto(`/angebot/${id}`);
  expect(back?.status()).toBe(200);
  await anonymous.close();
});

/** Fills the public listing form (`/eintragen`) for an offer in Coesfeld, with a contact and
 * the consent ticked; the caller sends it. */
async function fillListing(
  page: Page,
  listing: { organization: string; name: string; description: string; street: string; postcode: string },
) {
  await page.getByLabel('Name der Einrichtung').fill(listing.organization);
  await page.getByLabel('Name des Angebots').fill(listing.name);
  await page.getByLabel('Was bietet es, für wen?').fill(listing.description);
  await page.getByLabel('Straße und Hausnummer').fill(listing.street);
  await page.getByLabel('Postleitzahl').fill(listing.postcode);
  await page.getByLabel('Ort', { exact: true }).fill('Coesfeld');
  await page.getByLabel('Ansprechperson für die Redaktion').fill('Eva Beispiel');
  await page.getByLabel('E-Mail-Adresse').fill('eva@example.org');
  await page.getByLabel(/dürfen auf der Chancenkarte veröffentlicht werden/).check();
}

test('a listing request from outside becomes a public offer once an editor approves it', async ({ page, browser }) => {
  const institution = await browser.newPage();
  await institution.goto('/');
  await institution.getByRole('link', { name: 'Angebot eintragen lassen' }).click();
  const name = `Spielgruppe Regenbogen ${Date.now()}`;
  await fillListing(institution, {
    organization: 'Familienzentrum Regenbogenland',
    name,
    description: 'Spielgruppe für Kinder von ein bis drei Jahren mit ihren Eltern.',
    street: 'Marktplatz 2',
    postcode: '4865',
  });
  // A person takes a few seconds; the form refuses faster posts.
  await institution.waitForTimeout(3200);
  await institution.getByRole('button', { name: 'Anfrage senden' }).click();
  await expect(institution.locator('.field-error')).toHaveText('Eine Postleitzahl hat fünf Ziffern.');
  await expect(institution.getByLabel('Name des Angebots')).toHaveValue(name);
  await institution.getByLabel('Postleitzahl').fill('48653');
  await institution.getByLabel(/dürfen auf der Chancenkarte veröffentlicht werden/).check();
  await institution.waitForTimeout(3200);
  await institution.getByRole('button', { name: 'Anfrage senden' }).click();
  await expect(institution.getByRole('heading', { name: 'Danke für Ihre Anfrage' })).toBeVisible();
  const reference = (await institution.locator('.reference').textContent()) ?? '';
  expect(reference).toMatch(/^CK-\d{4}-\d{5}$/);

  await signIn(page, EDITOR);
  await page.goto('/redaktion');
  const request = page.locator('.request', { hasText: reference });
  await expect(request).toContainText(name);
  await request.getByLabel('Ort').selectOption({ label: 'Coesfeld' });
  await request.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(page.locator('h1.offer-name')).toHaveText(name);
  await expect(page.getByText('nicht öffentlich', { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'wiederhergestellt' })).toBeVisible();

  await institution.goto(`/?q=${encodeURIComponent(name)}`);
  await expect(institution.locator('.results .result h3')).toHaveText([name]);
  await institution.close();
});

test('a listing request that repeats a stored offer shows the editor its likely twin', async ({ page, browser }, testInfo) => {
  const first = (await (await page.request.get('/api/v1/offers?pro_seite=1')).json()).items[0];
  // Another institution, from its own address (the proxy names it): the suite's other listings
  // from 127.0.0.1 do not count against its allowance of public posts.
  const household = `198.51.100.${testInfo.project.name === 'phone' ? 17 : 18}`;
  const institution = await browser.newPage({ extraHTTPHeaders: { 'X-Forwarded-For': household } });
  await institution.goto('/eintragen');
  // The same offer, typed without the umlauts and capitals.
  const typed = first.name.toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue');
  await fillListing(institution, {
    organization: first.organization.name,
    name: typed,
    description: 'Wir melden unser Angebot an, das es schon gibt, ohne es zu wissen.',
    street: 'Weg 1',
    postcode: '48653',
  });
  await institution.waitForTimeout(3200);
  await institution.getByRole('button', { name: 'Anfrage senden' }).click();
  await expect(institution.getByRole('heading', { name: 'Danke für Ihre Anfrage' })).toBeVisible();
  await expect(institution.locator('body')).not.toContainText('Duplikat');
  const reference = (await institution.locator('.reference').textContent()) ?? '';
  await institution.close();

  await signIn(page, EDITOR);
  await page.goto('/redaktion');
  const request = page.locator('.request', { hasText: reference });
  const note = request.getByRole('note').filter({ hasText: 'Mögliches Duplikat' });
  await expect(note).toBeVisible();
  const twin = note.getByRole('link', { name: first.name });
  await expect(twin).toHaveAttribute('href', `/angebot/${first.id}`);
  await note.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${artifacts}/duplikat-anfrage-${testInfo.project.name}.png` });
  await twin.click();
  await expect(page.locator('article.offer h1.offer-name')).toHaveText(first.name);
});

test('an editor starts a new offer, sets its location and publishes it', async ({ page }) => {
  await signIn(page, EDITOR);
  await page.goto('/redaktion');
  const name = `Hausaufgabenhilfe ${Date.now()}`;
  const form = page.locator('#neu');
  await form.getByLabel('Einrichtung').fill('Jugendtreff Nord');
  await form.getByLabel('Name des Angebots').fill(name);
  await form.getByLabel('Beschreibung').fill('Hilfe bei den Hausaufgaben für Schülerinnen und Schüler der Klassen 5 bis 10.');
  await form.getByLabel('Straße und Hausnummer').fill('Marktstraße 1');
  await form.getByLabel('Postleitzahl').fill('48249');
  await form.getByLabel('Ort (Anschrift)').fill('Dülmen');
  await form.getByLabel('Gemeinde').selectOption({ label: 'Dülmen' });
  await form.getByRole('button', { name: 'Anlegen (noch nicht öffentlich)' }).click();
  await expect(page.locator('h1.offer-name')).toHaveText(name);

  await page.getByRole('link', { name: 'Standort bearbeiten' }).click();
  await page.getByLabel('Breite (Latitude)').fill('52.5170');
  await page.getByLabel('Länge (Longitude)').fill('13.3889');
  await page.getByRole('button', { name: 'Standort speichern' }).click();
  await expect(page.getByRole('alert')).toContainText('außerhalb des Gebiets');
  await page.getByLabel('Breite (Latitude)').fill('51,8307');
  await page.getByLabel('Länge (Longitude)').fill('7,2795');
  await page.getByRole('button', { name: 'Standort speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Der Standort ist gespeichert.' })).toBeVisible();
  await expect(page.locator('#feld-standort')).toContainText('51.83070, 7.27950');

  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expect(page.locator('article.offer h1.offer-name')).toHaveText(name);
  const offers = await (await page.request.get('/api/offers')).json();
  expect(offers.some((offer: { n: string }) => offer.n === name)).toBe(true);
});

/** A point of the map near its centre that no marker or cluster covers (a map click there
 * lands on the map itself). */
async function emptyMapPoint(page: Page, from?: Locator): Promise<{ x: number; y: number }> {
  const map = (await page.locator('#karte').boundingBox())!;
  const markers = await page.locator('#karte .cluster, #karte .offer-pin, #karte .pick-pin').evaluateAll((elements) =>
    elements.map((element) => element.getBoundingClientRect().toJSON()),
  );
  const free = (x: number, y: number) =>
    markers.every((m: DOMRect) => x < m.left - 12 || x > m.right + 12 || y < m.top - 12 || y > m.bottom + 12);
  const [cx, cy] = [map.x + map.width / 2, map.y + map.height / 2];
  if (from) {
    // On the way from the marker (the offer's place) to the map's centre (where the test
    // zoomed in, among offers): both inside the district, and so, near them, the way.
    const pin = (await from.boundingBox())!;
    const [px, py] = [pin.x + pin.width / 2, pin.y + pin.height / 2];
    const length = Math.hypot(cx - px, cy - py);
    for (let along = 30; along < length; along += 6) {
      const [x, y] = [px + ((cx - px) * along) / length, py + ((cy - py) * along) / length];
      if (free(x, y)) return { x: x - map.x, y: y - map.y };
    }
  }
  for (let ring = 0; ring < 12; ring++) {
    for (const [dx, dy] of [[1, 0], [-1, 0], [0, 1], [0, -1], [1, 1], [-1, -1], [1, -1], [-1, 1]]) {
      const x = cx + dx * ring * 8;
      const y = cy + dy * ring * 8;
      if (free(x, y)) return { x: x - map.x, y: y - map.y };
    }
  }
  throw new Error('no free point near the map centre');
}

test('an editor moves an offer by dragging its marker or tapping the map', async ({ page }) => {
  await signIn(page, EDITOR);
  const id = await someOfferId(page, 7);
  await page.goto(`/?angebot=${id}`);
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await expect(page.locator('#karte .cluster, #karte .offer-pin').first()).toBeVisible();
  // Zoom into a cluster: the map centres on it, a place inside the district among offers.
  const zoom = async () => Number(await page.locator('#karte').getAttribute('data-zoom'));
  // The map fits the results and the opened offer after it starts; a click on a group that
  // is just being redrawn is repeated (as in map.spec.ts).
  await expect(async () => {
    const startZoom = await zoom();
    await page.locator('#karte .cluster[title$="vergrößern"]').first().click();
    await expect.poll(zoom, { timeout: 3_000 }).toBeGreaterThan(startZoom);
  }).toPass({ timeout: 20_000 });
  const before = await (await page.request.get(`/api/offer?id=${id}`)).json();
  await page.locator('#detail-panel').getByRole('button', { name: 'Auf der Karte verschieben' }).click();
  // The offer's own place comes first, as a marker to drag.
  const status = page.locator('.pick-status');
  await expect(status).toContainText(`Neuer Standort: ${before.lat.toFixed(5)}, ${before.lon.toFixed(5)}`);
  const pin = page.locator('#karte .pick-pin');
  await expect(pin).toBeInViewport();
  const target = await emptyMapPoint(page, pin);
  if (test.info().project.name === 'desktop') {
    // Drag the marker with the mouse …
    const from = (await pin.boundingBox())!;
    const map = (await page.locator('#karte').boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move((from.x + map.x + target.x) / 2, (from.y + map.y + target.y) / 2, { steps: 5 });
    await page.mouse.move(map.x + target.x, map.y + target.y, { steps: 5 });
    await page.mouse.up();
  } else {
    // … or, on a phone, tap the new place (Playwright has no touch drag).
    await page.locator('#karte').tap({ position: target });
  }
  await expect(status).not.toContainText(`Neuer Standort: ${before.lat.toFixed(5)}, ${before.lon.toFixed(5)}`);
  const link = page.getByRole('link', { name: 'Standort hierher verschieben (prüfen und speichern)' });
  await link.click();
  // Confirmed on the offer page, with the dragged-to coordinates filled in.
  const latitude = page.getByLabel('Breite (Latitude)');
  await expect(latitude).not.toHaveValue(before.lat.toFixed(6));
  await page.getByRole('button', { name: 'Standort speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Der Standort ist gespeichert.' })).toBeVisible();
  const after = await (await page.request.get(`/api/offer?id=${id}`)).json();
  expect(after.lat).not.toBe(before.lat);
  const history = await (await page.request.get(`/api/redaktion/verlauf?id=${id}`)).json();
  expect(history[0].field).toBe('standort');
});

test('an editor edits fields in the map\'s detail panel, with the keyboard', async ({ page }) => {
  await signIn(page, EDITOR);
  const id = await someOfferId(page, 10);
  await page.goto(`/?angebot=${id}`);
  const panel = page.locator('#detail-panel');
  const edit = panel.getByRole('button', { name: 'Telefon bearbeiten' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const input = panel.getByLabel('Neuer Wert: Telefon');
  await expect(input).toBeFocused();
  await input.fill('02541 abc');
  await input.press('Enter');
  await expect(panel.locator('#panel-feld-telefon .field-error')).toContainText('„a“ gehört nicht in eine Telefonnummer');
  await expect(input).toHaveValue('02541 abc');
  // Escape leaves the field as it was saved.
  await input.press('Escape');
  await expect(edit).toBeFocused();
  await expect(input).toHaveCount(0);

  await page.keyboard.press('Enter');
  const phone = `02541 ${String(Date.now()).slice(-6)}`;
  await input.fill(phone);
  await input.press('Enter');
  await expect(panel.getByRole('status')).toContainText('„Telefon“ ist gespeichert.');
  await expect(panel.locator('article.offer .call-number')).toHaveText(phone);
  await expect(edit).toBeFocused();
  // Each field once: the public view's text and facts give way to the editors' fields.
  await expect(panel.locator('article.offer .offer-facts')).toBeHidden();
  await expect(panel.locator('article.offer .offer-description')).toBeHidden();
  await expect(panel.locator('#panel-feld-beschreibung')).toBeVisible();
  await expect(panel.locator('article.offer .call-link')).toBeVisible();

  // Cost is a choice; Ctrl+Enter saves from any control.
  await panel.getByRole('button', { name: 'Kosten bearbeiten', exact: true }).click();
  const cost = panel.getByLabel('Neuer Wert: Kosten');
  await expect(cost).toBeFocused();
  const next = (await cost.inputValue()) === 'kostenpflichtig' ? 'kostenlos' : 'kostenpflichtig';
  await cost.selectOption(next);
  await cost.press('Control+Enter');
  await expect(panel.getByRole('status')).toContainText('„Kosten“ ist gespeichert.');
  await expect(panel.locator('#panel-feld-kosten .field-value')).toHaveText(next);
  await page.screenshot({ path: `${artifacts}/redaktion-kartenfenster-${test.info().project.name}.png`, fullPage: true });

  await page.reload();
  await expect(panel.locator('article.offer .call-number')).toHaveText(phone);
  const offer = await (await page.request.get(`/api/offer?id=${id}`)).json();
  expect(offer.phone).toBe(phone);
  const history = await (await page.request.get(`/api/redaktion/verlauf?id=${id}`)).json();
  expect(history.slice(0, 2).map((change: { field: string }) => change.field)).toEqual(['kosten', 'telefon']);
  expect(history[0].new_value).toBe(next);
});

test('two editors edit the same field in the map panel: the second sees both and decides', async ({ browser }) => {
  const first = await editorPage(browser);
  const second = await editorPage(browser);
  const id = await someOfferId(first, 11);
  for (const page of [first, second]) {
    await page.goto(`/?angebot=${id}`);
    await page.locator('#detail-panel').getByRole('button', { name: 'Name bearbeiten', exact: true }).click();
    await expect(page.locator('#detail-panel').getByLabel('Neuer Wert: Name')).toBeVisible();
  }
  const run = String(Date.now()).slice(-6);
  const mine = `Zweite Fassung ${run}`;
  const theirs = `Erste Fassung ${run}`;
  const firstPanel = first.locator('#detail-panel');
  await firstPanel.getByLabel('Neuer Wert: Name').fill(theirs);
  await firstPanel.getByLabel('Neuer Wert: Name').press('Enter');
  await expect(firstPanel.getByRole('status')).toContainText('„Name“ ist gespeichert.');

  const panel = second.locator('#detail-panel');
  await panel.getByLabel('Neuer Wert: Name').fill(mine);
  await panel.getByLabel('Neuer Wert: Name').press('Enter');
  await expect(panel.locator('.conflict')).toContainText('Jemand anderes hat dieses Feld inzwischen geändert.');
  await expect(panel.locator('.conflict-theirs')).toContainText(theirs);
  await expect(panel.locator('.conflict-mine')).toContainText(mine);
  await expect(panel.getByLabel('Neuer Wert: Name')).toHaveValue(mine);
  await panel.locator('#panel-feld-name').screenshot({ path: `${artifacts}/redaktion-konflikt-karte-${test.info().project.name}.png` });
  expect((await (await second.request.get(`/api/offer?id=${id}`)).json()).name).toBe(theirs);
  await panel.getByRole('button', { name: 'Meine Fassung speichern' }).click();
  await expect(panel.getByRole('status')).toContainText('„Name“ ist gespeichert.');
  await expect(panel.locator('article.offer .offer-name')).toHaveText(mine);
  expect((await (await second.request.get(`/api/offer?id=${id}`)).json()).name).toBe(mine);
  const history = await (await second.request.get(`/api/redaktion/verlauf?id=${id}`)).json();
  expect(history[0].old_value).toBe(theirs);
  expect(history[1].new_value).toBe(theirs);
});

test('an editor ticks the topics of an offer', async ({ page }) => {
  await signIn(page, EDITOR);
  const id = await someOfferId(page, 8);
  await page.goto(`/angebot/${id}?bearbeiten=themen`);
  const choices = page.getByRole('group', { name: 'Neuer Wert: Themen' });
  for (const box of await choices.getByRole('checkbox').all()) await box.uncheck();
  await choices.getByLabel('Gesundheit').check();
  await choices.getByLabel('Beratung').check();
  await page.getByRole('button', { name: 'Speichern' }).click();
  await expect(page.getByRole('status').filter({ hasText: '„Themen“ ist gespeichert.' })).toBeVisible();
  await expect(page.locator('article.offer')).toContainText('Beratung, Gesundheit');
});

test('/redaktion starts with the requests, then the due offers, filtered by town and topic and paged', async ({ page }) => {
  // No correction is filed here: public posts are limited to a few an hour per address, and the
  // listing test already uses them at both sizes. Which requests come first and the editors'
  // header count are checked with filed requests in server/tests/editors_overview.rs.
  await signIn(page, EDITOR);
  await page.goto('/redaktion');
  const requests = page.locator('#anfragen');
  const due = page.locator('#faellig');
  await expect(requests.getByRole('heading', { name: /^Neue Anfragen \(\d+\)$/ })).toBeVisible();
  const requestsTop = (await requests.boundingBox())!.y;
  const dueTop = (await due.boundingBox())!.y;
  const archiveTop = (await page.locator('#archiv').boundingBox())!.y;
  expect(requestsTop).toBeLessThan(dueTop);
  expect(dueTop).toBeLessThan(archiveTop);
  await expect(due.locator('.due-total')).toHaveText(/^\d+ Angebote fällig · Seite 1 von \d+$/);
  await expect(due.locator('.due-offers li')).toHaveCount(25);
  await page.screenshot({ path: `${artifacts}/redaktion-uebersicht-${test.info().project.name}.png`, fullPage: false });
  await page.screenshot({ path: `${artifacts}/redaktion-uebersicht-ganz-${test.info().project.name}.png`, fullPage: true });

  // The filter is a plain GET form.
  await due.getByLabel('Ort').selectOption({ label: 'Dülmen' });
  await due.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page).toHaveURL(/[?&]ort=05558016/);
  const items = page.locator('#faellig .due-offers li');
  expect(await items.count()).toBeGreaterThan(0);
  for (const text of await items.allTextContents()) expect(text).toContain('· Dülmen ·');
  await page.locator('#faellig').getByLabel('Thema').selectOption({ label: 'Beratung' });
  await page.locator('#faellig').getByRole('button', { name: 'Anzeigen' }).click();
  await expect(page).toHaveURL(/ort=05558016&thema=beratung/);
  await expect(page.locator('#faellig').getByLabel('Ort')).toHaveValue('05558016');
  await expect(page.locator('#faellig').getByLabel('Thema')).toHaveValue('beratung');
  await page.screenshot({ path: `${artifacts}/redaktion-filter-${test.info().project.name}.png`, fullPage: false });

  // Paged: the second page continues the count.
  await page.locator('#faellig').getByRole('link', { name: 'Alle fälligen Angebote zeigen' }).click();
  await page.locator('#faellig .pager').getByRole('link', { name: 'Seite 2', exact: true }).click();
  await expect(page).toHaveURL(/[?&]seite=2/);
  await expect(page.locator('#faellig .due-offers')).toHaveAttribute('start', '26');
  await expect(page.locator('#faellig .pager [aria-current="page"]')).toHaveText('2');

  // A wrong value is said, not ignored.
  const refused = await page.goto('/redaktion?ort=Atlantis');
  expect(refused?.status()).toBe(400);
  await expect(page.locator('#faellig').getByRole('alert')).toContainText('„Atlantis“');
});

test('a field with an error is marked red and named invalid, with the reason as its description', async ({ page }) => {
  await signIn(page, EDITOR);
  const id = await someOfferId(page, 8);
  await page.goto(`/angebot/${id}?bearbeiten=email`);
  const input = page.getByLabel('Neuer Wert: E-Mail');
  await input.fill('keine-adresse');
  await input.press('Enter');
  const marked = page.getByLabel('Neuer Wert: E-Mail');
  await expect(marked).toHaveAttribute('aria-invalid', 'true');
  const describedBy = (await marked.getAttribute('aria-describedby')) ?? '';
  expect(describedBy.split(' ')).toContain('fehler-email');
  await expect(page.locator('#fehler-email')).toBeVisible();
  expect(await marked.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(138, 16, 16)');
  await page.locator('#feld-email').screenshot({ path: `${artifacts}/redaktion-feldfehler-${test.info().project.name}.png` });

  // The location form marks the input at fault and keeps what was typed.
  await page.goto(`/angebot/${id}?bearbeiten=standort`);
  await page.getByLabel('Postleitzahl').fill('486');
  await page.getByRole('button', { name: 'Standort speichern' }).click();
  const postcode = page.getByLabel('Postleitzahl');
  await expect(postcode).toHaveAttribute('aria-invalid', 'true');
  await expect(postcode).toHaveAttribute('aria-describedby', 'standort-fehler');
  await expect(postcode).toHaveValue('486');
  await expect(page.locator('#standort-fehler')).toHaveText('Eine Postleitzahl hat fünf Ziffern.');
  await expect(page.getByLabel('Straße und Hausnummer')).not.toHaveAttribute('aria-invalid', 'true');
  await page.locator('#feld-standort').screenshot({ path: `${artifacts}/redaktion-standortfehler-${test.info().project.name}.png` });
});
