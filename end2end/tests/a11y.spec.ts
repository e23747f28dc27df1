// WCAG 2.1 AA checks with axe-core on every kind of page, as a visitor, a member and an editor,
// at phone and desktop size (projects in playwright.config.ts): no violations allowed.
import { test, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { artifacts, MEMBER, EDITOR, signIn } from './support';

/** Runs axe on the page as it is now and fails with every violation and where it is. */
async function expectNoViolations(page: Page, name: string) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  // Guards against a check that ran on nothing.
  expect(results.passes.length, `axe checked rules on ${name}`).toBeGreaterThan(10);
  const found = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(' '))
        .join(' | ')}`,
  );
  await page.screenshot({
    path: `${artifacts}/a11y-${name}-${test.info().project.name}.png`,
    fullPage: true,
  });
  expect(found, `axe violations on ${name}`).toEqual([]);
}

async function mapReady(page: Page) {
  await expect(page.locator('#karte.leaflet-container')).toBeVisible();
  await expect(page.locator('#karte .cluster, #karte .offer-pin').first()).toBeVisible();
}

async function firstOfferId(page: Page): Promise<number> {
  const offers = await (await page.request.get('/api/offers')).json();
  return offers[0].id;
}

test('the check finds a violation where there is one', async ({ page }) => {
  await page.goto('/hilfe');
  await page.evaluate(() => {
    const image = document.createElement('img');
    image.src = '/favicon.svg';
    document.querySelector('main')!.appendChild(image);
  });
  const results = await new AxeBuilder({ page }).withTags(['wcag2a']).analyze();
  expect(results.violations.map((violation) => violation.id)).toContain('image-alt');
});

test('public pages have no axe violations', async ({ page }) => {
  test.slow();
  await page.goto('/');
  await mapReady(page);
  await expectNoViolations(page, 'karte');

  await page.goto('/?alter=4&thema=beratung');
  await mapReady(page);
  await expectNoViolations(page, 'karte-gefiltert');

  const id = await firstOfferId(page);
  await page.goto(`/?angebot=${id}`);
  await expect(page.locator('#detail-panel')).toBeVisible();
  await expectNoViolations(page, 'detailpanel');

  for (const [path, name] of [
    [`/angebot/${id}`, 'angebot'],
    ['/anmelden', 'anmelden'],
    ['/eintragen', 'eintragen'],
    ['/hilfe', 'hilfe'],
    ['/barrierefreiheit', 'barrierefreiheit'],
    ['/impressum', 'impressum'],
    ['/datenschutz', 'datenschutz'],
    ['/daten', 'offene-daten'],
    ['/drucken?alter=4&thema=beratung', 'drucken'],
    [`/auswahl?angebote=${id}`, 'auswahl'],
    ['/gibt-es-nicht', '404'],
  ]) {
    await page.goto(path);
    await expectNoViolations(page, name);
  }
});

test('the Arabic (right-to-left) pages have no axe violations either', async ({ page, context }) => {
  test.slow();
  await context.addCookies([{ name: 'chancenkarte_sprache', value: 'ar', url: test.info().project.use.baseURL! }]);
  await page.goto('/');
  await mapReady(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoViolations(page, 'karte-ar');
  const id = await firstOfferId(page);
  await page.goto(`/?angebot=${id}`);
  await expect(page.locator('#detail-panel')).toBeVisible();
  await expectNoViolations(page, 'detailpanel-ar');
  for (const [path, name] of [
    [`/angebot/${id}`, 'angebot-ar'],
    ['/hilfe', 'hilfe-ar'],
    ['/impressum', 'impressum-ar'],
    ['/gibt-es-nicht', '404-ar'],
  ]) {
    await page.goto(path);
    await expectNoViolations(page, name);
  }
});

test('the member directory has no axe violations', async ({ page }) => {
  // The directory lists every contact with its own buttons: axe takes a while on it, so the
  // other member pages are checked in a test of their own.
  test.slow();
  await signIn(page, MEMBER);
  await page.goto('/netzwerk');
  await expectNoViolations(page, 'netzwerk');
  await page.goto('/netzwerk?q=a');
  await expectNoViolations(page, 'netzwerk-suche');
});

test('member pages have no axe violations', async ({ page }) => {
  test.slow();
  await signIn(page, MEMBER);
  const id = await firstOfferId(page);
  await page.goto(`/angebot/${id}`);
  await expectNoViolations(page, 'angebot-mitglied');
  await page.goto('/konto');
  await expectNoViolations(page, 'konto');
  await page.goto('/planung');
  await expectNoViolations(page, 'planung');
  await page.goto('/planung?ansicht=druck');
  await expectNoViolations(page, 'planung-druck');
});

test('the news by e-mail pages have no axe violations', async ({ page }) => {
  await signIn(page, MEMBER);
  await page.goto('/netzwerk/nachrichten');
  await expect(page.getByRole('group', { name: 'Orte' })).toBeVisible();
  await expectNoViolations(page, 'nachrichten');
  // A refused choice: the group marked, its reason named beside it, what was ticked kept.
  // "Nachrichten bestellen", or "Auswahl speichern" once the other size's run has subscribed.
  const save = page.locator('form.subscription-form button[type=submit]');
  await page.getByRole('checkbox', { name: 'Dülmen' }).check();
  await page.evaluate(() => {
    const form = document.querySelector('form.subscription-form')!;
    const made_up = document.createElement('input');
    made_up.type = 'hidden';
    made_up.name = 'orte[]';
    made_up.value = '99999999';
    form.append(made_up);
  });
  await save.click();
  const towns = page.getByRole('group', { name: 'Orte' });
  await expect(towns).toHaveAttribute('aria-invalid', 'true');
  await expect(towns).toContainText('Den Ort „99999999“ gibt es in dieser Region nicht.');
  await expect(page.getByRole('checkbox', { name: 'Dülmen' })).toBeChecked();
  await expectNoViolations(page, 'nachrichten-fehler');
  // Saved, then the unsubscribe pages a mail leads to (a broken link answers 400).
  await save.click();
  await expect(page.getByText('Sie erhalten wöchentlich Nachrichten.')).toBeVisible();
  await expectNoViolations(page, 'nachrichten-bestellt');
  const broken = await page.goto('/nachrichten/abbestellen?token=1.00');
  expect(broken?.status()).toBe(400);
  await expectNoViolations(page, 'abbestellen-ungueltig');
  await page.goto('/nachrichten/abbestellt');
  await expectNoViolations(page, 'abbestellt');
});

test('editor views have no axe violations', async ({ page }) => {
  await signIn(page, EDITOR);
  await page.goto('/redaktion');
  await expectNoViolations(page, 'redaktion');
  await page.goto('/redaktion/import');
  await expectNoViolations(page, 'redaktion-import');
  const id = await firstOfferId(page);
  await page.goto(`/angebot/${id}`);
  await expectNoViolations(page, 'angebot-redaktion');
  await page.goto(`/angebot/${id}?bearbeiten=themen`);
  await expectNoViolations(page, 'angebot-redaktion-themen');
  await page.goto(`/?angebot=${id}`);
  await expect(page.locator('#detail-panel .panel-fields')).toBeVisible();
  await page.locator('#detail-panel').getByRole('button', { name: 'Kosten bearbeiten', exact: true }).click();
  await expectNoViolations(page, 'kartenfenster-redaktion');
});

test('markers have names, Enter opens the details, Escape closes them and returns the focus', async ({ page }) => {
  await page.goto('/');
  await mapReady(page);
  const cluster = page.locator('#karte .cluster').first();
  await expect(cluster).toHaveAttribute('title', /^\d+ Angebote in \S.* – vergrößern$/);
  const zoom = async () => Number(await page.locator('#karte').getAttribute('data-zoom'));
  const pins = page.locator('#karte .offer-pin');
  for (let step = 0; step < 8 && (await pins.count()) === 0; step++) {
    const before = await zoom();
    // The smallest group splits soonest.
    // (Groups at one address open a list instead: see journey.spec.ts.)
    const smallest = await page.locator('#karte .cluster').evaluateAll((groups) => {
      const counts = groups.map((group) =>
        group.getAttribute('title')?.endsWith('vergrößern') ? Number(group.textContent) : Infinity,
      );
      return counts.indexOf(Math.min(...counts));
    });
    await page.locator('#karte .cluster').nth(smallest).focus();
    await page.keyboard.press('Enter');
    await expect.poll(zoom).toBeGreaterThan(before);
  }
  const pin = pins.first();
  // Name and topics, e.g. "Babytreff Dülmen, Frühe Hilfen".
  await expect(pin).toHaveAttribute('title', /\S, \S/);
  const title = (await pin.getAttribute('title'))!;
  expect(title, 'names are text, not escaped HTML').not.toContain('&amp;');
  await pin.focus();
  await page.keyboard.press('Enter');
  const panel = page.locator('#detail-panel');
  await expect(panel).toBeFocused();
  const name = (await panel.locator('.offer-name').textContent()) ?? '';
  expect(title.startsWith(`${name}, `)).toBe(true);
  await page.keyboard.press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(page).not.toHaveURL(/angebot=/);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.getAttribute('title') ?? document.activeElement?.id))
    .toBe(title);
});
