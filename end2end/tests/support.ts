// What the browser tests share: where screenshots go, the demo accounts the server creates in
// demo mode, and signing in through the real login form.
import { expect, Page } from '@playwright/test';
import * as fs from 'fs';

export const artifacts = process.env.E2E_ARTIFACTS ?? 'artifacts';
fs.mkdirSync(artifacts, { recursive: true });

export type Account = { email: string; password: string };

export const MEMBER: Account = { email: 'mitglied@demo.chancenkarte.invalid', password: 'demo-mitglied-2026' };
export const EDITOR: Account = { email: 'redaktion@demo.chancenkarte.invalid', password: 'demo-redaktion-2026' };

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
