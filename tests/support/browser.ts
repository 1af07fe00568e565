import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
} from 'playwright-core';
import { policyFromHeaders } from '#src/integrations/csp.ts';
import { projectRoot } from './build.ts';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './serve.ts';

/**
 * The Content-Security-Policy header public/_headers ships to static hosts: what a page's own
 * <meta> policy cannot carry.
 */
export const POLICY = policyFromHeaders(
  readFileSync(join(projectRoot, 'public/_headers'), 'utf8'),
)!;

/**
 * Every Content-Security-Policy complaint any page made; browser tests end by checking it is empty.
 */
export const cspViolations: string[] = [];

/**
 * Serves every HTML page with the header policy too, as a real host does, and listens for
 * violations.
 */
async function enforcePolicy(context: BrowserContext): Promise<BrowserContext> {
  await context.route('**/*', async (route) => {
    try {
      const response = await route.fetch();
      const headers = response.headers();
      if ((headers['content-type'] ?? '').includes('text/html'))
        headers['content-security-policy'] = POLICY;
      await route.fulfill({ response, headers });
    } catch {
      // The page was closed, or the request failed, while it was on its way: nothing to serve.
      await route.abort().catch(() => undefined);
    }
  });
  context.on('console', (message) => {
    if (
      /Content Security Policy|Refused to (load|execute|apply|connect|compile|create)/.test(
        message.text(),
      )
    )
      cspViolations.push(`${message.location().url}: ${message.text()}`);
  });
  return context;
}

/**
 * Debian's Chromium, with the flags that work as root in a container. Every page it opens is
 * served with the site's Content-Security-Policy (pass `policy: false` to test a server that
 * sends its own headers).
 */
export async function launchChromium(options: { policy?: boolean } = {}): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS });
  if (options.policy === false) return browser;
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (contextOptions?: BrowserContextOptions) =>
    enforcePolicy(await newContext(contextOptions));
  browser.newPage = async (contextOptions?: BrowserContextOptions) => {
    const context = await browser.newContext(contextOptions);
    const page = await context.newPage();
    page.once('close', () => void context.close().catch(() => undefined));
    return page;
  };
  return browser;
}

/**
 * One Chromium for a test file: launched before its tests, closed after them, and the file
 * ends by checking that no page broke the Content-Security-Policy.
 */
export function useChromium(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    expect(cspViolations).toEqual([]);
  });
  return () => browser!;
}

/** The search page's status line once its search has finished. */
export async function searchStatus(page: Page): Promise<string> {
  // The results come first; the filter counts follow, with the panel busy until then.
  await page.waitForFunction(() => {
    const text = document.querySelector('#search-status')?.textContent ?? '';
    return (
      text !== '' &&
      text !== 'Searching…' &&
      document.querySelector('#search-filters[aria-busy="true"]') === null
    );
  });
  return (await page.locator('#search-status').textContent()) ?? '';
}
