// Protected addresses (Schutzadresse) in the browser: the demo data keeps the pregnancy
// counselling places from the public. Their panel and page say "Adresse auf Anfrage" with the
// public phone and no route; their marker stands at the town centre; members see the address.
// Screenshots in German and Arabic at phone size.
import { test, expect } from '@playwright/test';
import { artifacts, MEMBER, signIn } from './support';

/** The first protected offer of the public payload, with its town's centre. */
async function protectedOffer(request: import('@playwright/test').APIRequestContext) {
  const offers = await (await request.get('/api/offers')).json();
  const offer = offers.find((o: { a?: boolean }) => o.a === true);
  expect(offer, 'the demo data has a protected place').toBeTruthy();
  const towns = await (await request.get('/api/v1/municipalities')).json();
  const town = (towns.items ?? towns).find((t: { ags: string }) => t.ags === offer.m);
  return { offer, town };
}

for (const language of ['de', 'ar']) {
  test(`a protected place shows its town and "address on request" (${language})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
    await context.addCookies([{ name: 'chancenkarte_sprache', value: language, url: test.info().project.use.baseURL! }]);
    const page = await context.newPage();
    const { offer, town } = await protectedOffer(page.request);
    // The public position is the town centre, to the metre.
    expect(Math.abs(offer.y - town.centre_lat)).toBeLessThan(1e-4);
    expect(Math.abs(offer.x - town.centre_lon)).toBeLessThan(1e-4);

    await page.goto(`/?angebot=${offer.id}`);
    await expect(page.locator('#karte.leaflet-container')).toBeVisible();
    const panel = page.locator('#detail-panel');
    await expect(panel.locator('.offer-address-on-request')).toBeVisible();
    await expect(panel.locator('.route-link')).toHaveCount(0);
    await expect(panel.locator('.call-link')).toBeVisible();
    await page.screenshot({ path: `${artifacts}/schutzadresse-karte-${language}.png` });

    await page.goto(`/angebot/${offer.id}`);
    await expect(page.locator('.offer-address-on-request')).toBeVisible();
    await expect(page.locator('.offer-address')).toHaveText(new RegExp(town.name));
    await page.screenshot({ path: `${artifacts}/schutzadresse-seite-${language}.png`, fullPage: true });
    await context.close();
  });
}

test('members see a protected place\'s address beside its contacts', async ({ page }) => {
  const { offer } = await protectedOffer(page.request);
  await signIn(page, MEMBER);
  await page.goto(`/angebot/${offer.id}`);
  const address = page.locator('.member-contacts .protected-address');
  await expect(address).toContainText('Geschützte Adresse (nicht öffentlich)');
  await expect(address).toContainText(/\d{5}/);
});
