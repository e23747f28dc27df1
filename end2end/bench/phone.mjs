// The phone the benchmark's browser measurements load pages on: Debian's Chromium (never a
// browser of Playwright's own), as a Pixel 7 at 390×844 in German.
import { chromium, devices } from '@playwright/test';

/** Starts Chromium and opens a phone's browsing context in it: `{ browser, context }`. */
export async function openPhone() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const context = await browser.newContext({
    ...devices['Pixel 7'],
    viewport: { width: 390, height: 844 },
    locale: 'de-DE',
  });
  return { browser, context };
}
