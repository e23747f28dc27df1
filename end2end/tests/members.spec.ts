// Network members on a phone: login errors in German, contact persons visible only while
// signed in (offer page and the map's detail panel), logout, and the directory search.
import { test, expect, Page } from '@playwright/test';
import { artifacts, ADMIN, MEMBER, submitLogin } from './support';

async function signIn(page: Page, password = MEMBER.password) {
  await submitLogin(page, { email: MEMBER.email, password });
}

/** An offer with a contact person, and that person's name, as the member API reports them. */
async function offerWithContact(page: Page): Promise<{ id: number; contact: string }> {
  const offers = await (await page.request.get('/api/offers')).json();
  for (const offer of offers.slice(0, 50)) {
    const response = await page.request.get(`/api/mitglieder/angebot?id=${offer.id}`);
    expect(response.status()).toBe(200);
    const info = await response.json();
    if (info && info.contacts.length > 0) return { id: offer.id, contact: info.contacts[0].name };
  }
  throw new Error('no offer with a contact person among the first 50');
}

test('a wrong password shows the German error', async ({ page }) => {
  await signIn(page, 'ganz-falsches-passwort');
  await expect(page).toHaveURL(/\/anmelden/);
  await expect(page.getByRole('alert')).toHaveText('E-Mail oder Passwort falsch.');
  await expect(page.getByText('angemeldet als')).toHaveCount(0);
});

test('a member sees the contact person; after logout it is gone', async ({ page }) => {
  await signIn(page);
  await expect(page.getByText('angemeldet als')).toBeVisible();
  const { id, contact } = await offerWithContact(page);

  await page.goto(`/angebot/${id}`);
  await expect(page.getByRole('heading', { name: 'Nur für Netzwerkmitglieder', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Ansprechpersonen/ })).toBeVisible();
  await expect(page.getByText(contact).first()).toBeVisible();
  await page.screenshot({ path: `${artifacts}/mitglied-angebot.png`, fullPage: true });

  // The map's detail panel loads the same for members after hydration.
  await page.goto(`/?angebot=${id}`);
  const panel = page.locator('#detail-panel');
  await expect(panel.getByText(contact).first()).toBeVisible();

  await page.locator('.account-menu summary').click();
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Sie sind abgemeldet.' })).toBeVisible();
  await expect(page.getByText('angemeldet als')).toHaveCount(0);
  await page.goto(`/angebot/${id}`);
  await expect(page.locator('h1.offer-name')).toBeVisible();
  await expect(page.getByText(contact)).toHaveCount(0);
  await expect(page.getByText('Nur für Netzwerkmitglieder')).toHaveCount(0);
  await page.goto(`/?angebot=${id}`);
  await expect(page.locator('#detail-panel h2')).toBeVisible();
  await expect(page.locator('#detail-panel').getByText(contact)).toHaveCount(0);
  const api = await page.request.get(`/api/mitglieder/angebot?id=${id}`);
  expect(api.status()).toBe(401);
});

/** The top edge of the first element `selector` matches. */
async function top(page: Page, selector: string): Promise<number> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return box.y;
}

/** Shows the pages in `language` from now on, as the language switch does. */
async function speak(page: Page, language: string) {
  await page.context().addCookies([{ name: 'chancenkarte_sprache', value: language, url: test.info().project.use.baseURL! }]);
}

test('a member sees the contacts first and reaches them by 44 px buttons in the directory', async ({ page, browser }) => {
  await signIn(page);
  await expect(page.getByText('angemeldet als')).toBeVisible();
  const { id, contact } = await offerWithContact(page);

  // On the offer page the contact stands right below name and organisation, in the first screen.
  await page.goto(`/angebot/${id}`);
  const contacts = page.locator('.member-contacts');
  await expect(contacts.locator('.contact-name', { hasText: contact })).toBeInViewport();
  expect(await top(page, '.member-contacts')).toBeGreaterThan(await top(page, '.offer-org'));
  expect(await top(page, '.member-contacts')).toBeLessThan(await top(page, '.offer-actions'));
  expect(await top(page, '.member-contacts')).toBeLessThan(await top(page, '.offer-description'));
  await page.screenshot({ path: `${artifacts}/mitglied-kontakte-zuerst-390.png` });

  // Its link leads to the person's entry in the directory, which links back to the offer.
  await contacts.locator('.contact', { hasText: contact }).getByRole('link', { name: 'Im Netzwerkverzeichnis' }).click();
  await expect(page).toHaveURL(/\/netzwerk\?q=.+#kontakt-\d+$/);
  const entry = page.locator('.directory .contact:target');
  await expect(entry.locator('.contact-name')).toHaveText(contact);
  await expect(entry.locator(`a[href="/angebot/${id}"]`)).toBeVisible();
  const actions = page.locator('.directory .contact-action');
  expect(await actions.count()).toBeGreaterThanOrEqual(3);
  for (const action of await actions.all()) {
    const box = (await action.boundingBox())!;
    expect(box.width, await action.textContent() ?? '').toBeGreaterThanOrEqual(44);
    expect(box.height, await action.textContent() ?? '').toBeGreaterThanOrEqual(44);
  }
  // Each action is a button of its own: none overlaps the next.
  const boxes = await Promise.all((await entry.locator('.contact-action').all()).map(async (a) => (await a.boundingBox())!));
  expect(boxes.length).toBe(3);
  for (let i = 1; i < boxes.length; i++) {
    const [a, b] = [boxes[i - 1], boxes[i]];
    const apart = a.y + a.height <= b.y || b.y + b.height <= a.y || a.x + a.width <= b.x || b.x + b.width <= a.x;
    expect(apart, `action ${i} and ${i + 1} overlap`).toBe(true);
  }
  const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  expect(scroll).toBeLessThanOrEqual(client);
  await page.screenshot({ path: `${artifacts}/netzwerk-kontakt-390.png` });

  // In Arabic the page turns right to left; the members' German block and the numbers stay left to right.
  await speak(page, 'ar');
  await page.goto(`/angebot/${id}`);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(contacts).toHaveAttribute('dir', 'ltr');
  expect(await top(page, '.member-contacts')).toBeLessThan(await top(page, '.offer-description'));
  await page.screenshot({ path: `${artifacts}/mitglied-kontakte-zuerst-390-ar.png` });
  await page.goto(`/?angebot=${id}`);
  const panel = page.locator('#detail-panel');
  await expect(panel.locator('.member-contacts .contact-name', { hasText: contact })).toBeVisible();
  await page.screenshot({ path: `${artifacts}/mitglied-kartenfenster-390-ar.png` });

  // The same at a desktop size, German and Arabic.
  const desktop = await browser.newContext({ viewport: { width: 1280, height: 800 }, isMobile: false, hasTouch: false, deviceScaleFactor: 1, locale: 'de-DE' });
  const wide = await desktop.newPage();
  await signIn(wide);
  await expect(wide.getByText('angemeldet als')).toBeVisible();
  await wide.goto(`/angebot/${id}`);
  await expect(wide.locator('.member-contacts .contact-name', { hasText: contact })).toBeInViewport();
  await wide.screenshot({ path: `${artifacts}/mitglied-kontakte-zuerst-1280.png` });
  await wide.goto(`/?angebot=${id}`);
  await expect(wide.locator('#detail-panel .member-contacts .contact-name', { hasText: contact })).toBeVisible();
  await wide.screenshot({ path: `${artifacts}/mitglied-kartenfenster-1280.png` });
  await wide.goto(`/netzwerk?q=${encodeURIComponent(contact)}`);
  await wide.screenshot({ path: `${artifacts}/netzwerk-kontakt-1280.png` });
  await speak(wide, 'ar');
  await wide.goto(`/angebot/${id}`);
  await expect(wide.locator('html')).toHaveAttribute('dir', 'rtl');
  await wide.screenshot({ path: `${artifacts}/mitglied-kontakte-zuerst-1280-ar.png` });
  await desktop.close();
});

test('the directory search finds a contact by name', async ({ page }) => {
  await signIn(page);
  await expect(page.getByText('angemeldet als')).toBeVisible();
  const { contact } = await offerWithContact(page);
  await page.goto('/netzwerk');
  const count = async () => Number(((await page.locator('.result-count').textContent()) ?? '').match(/\d+/)?.[0] ?? 0);
  const all = await count();
  await page.getByLabel('Name, Person oder Angebot').fill(contact);
  await page.getByRole('button', { name: 'Suchen' }).click();
  await expect(page).toHaveURL(/\/netzwerk\?q=/);
  await expect(page.locator('.directory .contact-name', { hasText: contact }).first()).toBeVisible();
  expect(await count()).toBeLessThan(all);
  await page.screenshot({ path: `${artifacts}/netzwerk-suche.png`, fullPage: false });
});

test('an admin invites a person, who sets a password and signs in', async ({ page, browser }) => {
  await submitLogin(page, ADMIN);
  await page.locator('.account-menu summary').click();
  await page.getByRole('link', { name: 'Verwaltung', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Verwaltung der Konten' })).toBeVisible();
  const email = `neu-${Date.now()}@example.org`;
  await page.getByLabel('Name').fill('Nele Neu');
  await page.getByLabel('E-Mail-Adresse').fill(email);
  await page.getByLabel('Rolle', { exact: true }).selectOption('member');
  await page.getByRole('button', { name: 'Einladungslink erstellen' }).click();
  const note = page.getByRole('status').filter({ hasText: 'Einladung erstellt' });
  await expect(note).toBeVisible();
  const path = ((await note.textContent()) ?? '').match(/\/einladung\/[0-9a-f]+/)?.[0];
  expect(path).toBeTruthy();
  await expect(page.locator('tr', { hasText: email })).toContainText('eingeladen');

  const invitee = await browser.newPage();
  await invitee.goto(path!);
  await expect(invitee.getByText('Willkommen, Nele Neu!')).toBeVisible();
  await invitee.getByLabel('Neues Passwort', { exact: true }).fill('kurz');
  await invitee.getByLabel('Neues Passwort wiederholen').fill('kurz');
  await invitee.getByRole('button', { name: 'Passwort speichern' }).click();
  // The browser's own minlength check or the server's German reason keeps the short password out.
  await expect(invitee).toHaveURL(new RegExp(path!));
  await invitee.getByLabel('Neues Passwort', { exact: true }).fill('mein langes Passwort');
  await invitee.getByLabel('Neues Passwort wiederholen').fill('mein langes Passwort');
  await invitee.getByRole('button', { name: 'Passwort speichern' }).click();
  await expect(invitee).toHaveURL(/\/anmelden/);
  await expect(invitee.getByRole('status').filter({ hasText: 'Passwort ist gespeichert' })).toBeVisible();
  await invitee.getByLabel('E-Mail-Adresse').fill(email);
  await invitee.getByLabel('Passwort', { exact: true }).fill('mein langes Passwort');
  await invitee.getByRole('button', { name: 'Anmelden' }).click();
  await expect(invitee.getByText('angemeldet als')).toBeVisible();
  await invitee.close();
});
