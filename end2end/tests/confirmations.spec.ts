// An institution keeps its offers right from the link in a delivered mail: an editor enters the
// institution's address and sends the link; the mail arrives at the SMTP sink; on a phone,
// without an account, the institution confirms one offer and changes another; the editor
// applies the change from the queue, shown as a diff; the public pages show the new date and
// the new phone number.
import { test, expect, Browser, Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { simpleParser } from 'mailparser';
import { artifacts, EDITOR, signIn } from './support';

type PublicOffer = { id: number; name: string; organization: { name: string }; last_checked: string };

const todayIso = new Date().toISOString().slice(0, 10);

function daysAgoIso(days: number): string {
  return new Date(Date.now() - days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** An organisation with at least two public offers (from the open-data API): one not checked
 * today (to confirm) and another (to change). */
async function organizationWithTwoOffers(page: Page): Promise<[string, PublicOffer, PublicOffer]> {
  const listing = await (await page.request.get('/api/v1/offers?pro_seite=200')).json();
  const byOrganization = new Map<string, PublicOffer[]>();
  for (const offer of listing.items as PublicOffer[]) {
    const offers = byOrganization.get(offer.organization.name) ?? [];
    offers.push(offer);
    byOrganization.set(offer.organization.name, offers);
  }
  for (const [name, offers] of byOrganization) {
    const unchecked = offers.find((offer) => offer.last_checked !== todayIso);
    // The one to change was checked long ago: its other fields then show their older date.
    const other = offers.find((offer) => offer !== unchecked && offer.last_checked < daysAgoIso(60));
    if (unchecked && other) return [name, unchecked, other];
  }
  throw new Error('the demo data has no organisation with two offers');
}

/** The newest message the SMTP sink holds for `to`, parsed as a mail program would. */
async function mailTo(to: string) {
  const folder = path.join(process.env.E2E_MAILDIR ?? 'no E2E_MAILDIR', 'new');
  for (let attempt = 0; attempt < 50; attempt++) {
    const files = fs.existsSync(folder) ? fs.readdirSync(folder) : [];
    for (const file of files) {
      const mail = await simpleParser(fs.readFileSync(path.join(folder, file)));
      const recipients = [mail.to].flat().flatMap((address) => address?.value ?? []);
      if (recipients.some((address) => address.address === to)) return mail;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no mail to ${to} in ${folder}`);
}

async function phone(browser: Browser): Promise<Page> {
  return (await browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
}

test('an institution confirms one offer and changes another from its mail; the editor applies the change', async ({ browser }) => {
  const editor = await phone(browser);
  await signIn(editor, EDITOR);
  const [organization, confirmed, changed] = await organizationWithTwoOffers(editor);
  const address = `leitung-${Date.now()}@example.org`;

  // The editor enters the institution's address and sends its link.
  await editor.goto('/redaktion');
  await editor.getByRole('link', { name: 'Einrichtungen: Angaben bestätigen lassen' }).click();
  await editor.getByLabel('Name enthält').fill(organization);
  await editor.getByRole('button', { name: 'Suchen' }).click();
  await editor.getByRole('link', { name: organization, exact: true }).click();
  await expect(editor.getByRole('heading', { level: 1 })).toHaveText(organization);
  await editor.getByLabel('E-Mail-Adresse').fill(address);
  await editor.getByRole('button', { name: 'Eintragen' }).click();
  await expect(editor.getByRole('status')).toContainText('Die Adresse ist eingetragen.');
  await editor.getByRole('button', { name: 'Link per E-Mail senden' }).click();
  await expect(editor.getByRole('status')).toContainText('E-Mail(s) mit Bestätigungslink gesendet');
  await expect(editor.locator('.confirmation-log')).toContainText(address);

  // The mail, as delivered: the organisation's name and its link.
  const mail = await mailTo(address);
  expect(mail.subject).toContain(organization);
  const link = (mail.text ?? '').match(/https?:\/\/\S+\/bestaetigen\?token=\S+/)?.[0];
  expect(link, mail.text).toBeTruthy();

  // The institution, on a phone, without an account.
  const institution = await phone(browser);
  await institution.goto(link!);
  await expect(institution.getByRole('heading', { name: 'Angaben prüfen' })).toBeVisible();
  await expect(institution.getByText(organization).first()).toBeVisible();
  await institution.screenshot({ path: `${artifacts}/confirmation-page-390.png`, fullPage: false });

  const first = institution.locator(`#angebot-${confirmed.id}`);
  await first.getByRole('button', { name: 'Stimmt noch' }).click();
  // The answer stands beside the offer, where the page opens again.
  await expect(first.getByRole('status')).toContainText(`„${confirmed.name}“ ist als geprüft vermerkt`);
  await expect(first.getByRole('status')).toBeInViewport();

  const second = institution.locator(`#angebot-${changed.id}`);
  const newPhone = `02541 ${String(Date.now()).slice(-6)}`;
  await second.getByText('Ändern', { exact: true }).click();
  await second.getByLabel('Telefon', { exact: true }).fill(newPhone);
  await second.getByRole('button', { name: 'Änderung an die Redaktion senden' }).click();
  await expect(second.getByRole('status')).toContainText('Ihre Änderung an');
  await expect(second.getByRole('status')).toBeInViewport();
  await institution.screenshot({ path: `${artifacts}/confirmation-sent-390.png` });

  // The editor sees the change as a diff and applies it.
  await editor.goto('/redaktion#anfragen');
  const request = editor.locator('.request', { has: editor.locator('.proposal-diff', { hasText: newPhone }) });
  await expect(request.locator('del')).toHaveCount(1);
  await expect(request.locator('ins')).toHaveText(newPhone);
  await request.getByRole('button', { name: 'Änderung übernehmen' }).click();
  await expect(editor.getByRole('status')).toContainText('Entscheidung gespeichert');

  // The public pages: the new phone number, and today's date on the confirmed offer.
  const visitor = await phone(browser);
  await visitor.goto(`/angebot/${changed.id}`);
  await expect(visitor.locator('article.offer .phone-link')).toHaveText(newPhone);
  // The phone is confirmed now; the opening hours and the cost keep their older date, quietly.
  const month = new Date().toLocaleDateString('de-DE', { month: 'long', year: 'numeric' });
  await expect(visitor.locator('article.offer .last-checked')).toHaveText(`Angaben bestätigt im ${month}`);
  const checked = changed.last_checked;
  const older = `Stand: ${checked.slice(5, 7)}/${checked.slice(0, 4)}`;
  await expect(visitor.locator('article.offer .field-age')).toHaveText([older, older]);
  await visitor.goto(`/angebot/${confirmed.id}`);
  await expect(visitor.locator('article.offer .last-checked')).toHaveText(`Angaben bestätigt im ${month}`);
  const api = await (await visitor.request.get(`/api/v1/offers/${confirmed.id}`)).json();
  expect(api.last_checked).toBe(todayIso);

  // And the editor's log of the organisation says what happened.
  await editor.goto('/redaktion/einrichtungen?suche=' + encodeURIComponent(organization));
  await editor.getByRole('link', { name: organization, exact: true }).click();
  const log = editor.locator('.confirmation-log');
  await expect(log).toContainText('Link geöffnet');
  await expect(log).toContainText('Angebot bestätigt');
  await expect(log).toContainText('Änderung gewünscht');
});
