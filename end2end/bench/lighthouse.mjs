// Lighthouse's mobile performance run on one page, as scripts/bench.sh uses it: Slow 4G and 4×
// CPU applied by DevTools (not simulated: the simulation counts the preloaded Wasm as blocking
// the first paint, which the page does not wait for), in Debian's Chromium. Prints the figures,
// asserts nothing. Usage: node end2end/bench/lighthouse.mjs URL
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.argv[2];
if (!url) {
  console.error('usage: lighthouse.mjs URL');
  process.exit(2);
}
const report = join(mkdtempSync(join(tmpdir(), 'lighthouse-')), 'report.json');
execFileSync('bench/lighthouse/node_modules/.bin/lighthouse', [
  url,
  '--only-categories=performance',
  '--form-factor=mobile',
  '--throttling-method=devtools',
  '--output=json',
  `--output-path=${report}`,
  '--quiet',
  '--chrome-flags=--headless=new --no-sandbox --disable-gpu',
], { env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, stdio: ['ignore', 'ignore', 'inherit'] });
const audits = JSON.parse(readFileSync(report, 'utf8')).audits;
const ms = (id) => Math.round(audits[id].numericValue);
console.log(`LIGHTHOUSE fcp_ms=${ms('first-contentful-paint')} lcp_ms=${ms('largest-contentful-paint')} `
  + `tti_ms=${ms('interactive')} tbt_ms=${ms('total-blocking-time')} bytes=${ms('total-byte-weight')}`);
