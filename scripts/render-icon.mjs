#!/usr/bin/env node
// Renders images/icon.svg to images/icon.png (256×256), the icon the .vsix and the Marketplace
// show (they take PNG, not SVG), with the Debian Chromium the tests use.
// Usage: node scripts/render-icon.mjs     (run it after editing icon.svg; commit both)
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const svg = readFileSync('images/icon.svg', 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.PUTUSERS_CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 256, height: 256 } });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
  await page.locator('svg').screenshot({ path: 'images/icon.png', omitBackground: true });
  console.log('wrote images/icon.png');
} finally {
  await browser.close();
}
