// What the browser tests share: where screenshots go, the demo accounts the server creates in
// demo mode, and signing in through the real login form.
import { expect, Page } from '@playwright/test';
import * as fs from 'fs';

export const artifacts = process.env.E2E_ARTIFACTS ?? 'artifacts';
fs.mkdirSync(artifacts, { recursive: true });

export type Account = { email: string; password: string };

/** A demo account with the password this server start gave it (demo passwords are random per
 * start and printed in the server's log, which scripts/e2e.sh names in E2E_SERVER_LOG). */
function demoAccount(email: string): Account {
  return {
    email,
    get password() {
      const log = fs.readFileSync(process.env.E2E_SERVER_LOG ?? 'no E2E_SERVER_LOG', 'utf8');
      const marker = `${email} / Passwort: `;
      const line = log.split('\n').find((l) => l.startsWith('Demo-Konto') && l.includes(marker));
      if (!line) throw new Error(`no demo password for ${email} in the server log`);
      return line.slice(line.indexOf(marker) + marker.length).trim();
    },
  };
}

export const MEMBER: Account = demoAccount('mitglied@demo.chancenkarte.invalid');
export const EDITOR: Account = demoAccount('redaktion@demo.chancenkarte.invalid');
export const ADMIN: Account = demoAccount('verwaltung@demo.chancenkarte.invalid');

/** Fills in and sends the login form, whatever the answer. */
export async function submitLogin(page: Page, account: Account) {
  await page.goto('/anmelden');
  await page.getByLabel('E-Mail-Adresse').fill(account.email);
  await page.getByLabel('Passwort', { exact: true }).fill(account.password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
}

/** Signs in and waits until the page says so. */
export async function signIn(page: Page, account: Account) {
  await submitLogin(page, account);
  await expect(page.getByText('angemeldet als')).toBeVisible();
}
