import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, startPreview } from './src/cli/serve.ts';
const server = await startPreview(process.argv[2]!);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
const page = await browser.newPage();
page.on('console', (m) => console.log('console:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
for (const q of process.argv.slice(3)) {
  await page.goto(`${server.url}/search/${q}`);
  await page.waitForFunction(() => /match|stor|No /.test(document.querySelector('#search-status')?.textContent ?? '') && !/Searching/.test(document.querySelector('#search-status')!.textContent!), null, { timeout: 20000 }).catch(() => {});
  console.log(q, '→', await page.locator('#search-status').textContent());
  const items = await page.locator('#search-results li').evaluateAll((lis) => lis.map((li) => `${li.querySelector('.result-date')?.textContent} | ${li.querySelector('a')?.getAttribute('href')}`));
  console.log(items.slice(0, 12).join('\n'));
}
await browser.close(); await server.stop();
