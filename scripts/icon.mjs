// Renders images/icon.svg to the Marketplace icon, images/icon.png (128×128), with the chromium the e2e tests use.
import { chromium } from 'playwright-core';
import { CHROMIUM } from './e2e/provision.mjs';

const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
await page.goto(new URL('../images/icon.svg', import.meta.url).href);
await page.screenshot({ path: new URL('../images/icon.png', import.meta.url).pathname, omitBackground: true });
await browser.close();
