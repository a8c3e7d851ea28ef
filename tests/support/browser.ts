import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// Debian's Chromium, headless, with everything that would reach outside this machine turned off.
export async function launchBrowser(): Promise<{ browser: BrowserContext; close: () => Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'pingjia-chromium-'));
  const browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 390, height: 844 },
    locale: 'zh-CN',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** An API answer that is part of the flow under test: a path (404 only), or a status and a path. */
export type ExpectedAnswer = RegExp | { status: number; path: RegExp };

/**
 * Collects page errors, console errors and failed loads so a test can fail on them. An API answer
 * that is part of the flow (404 for "no rating yet") is not an error; any other 4xx/5xx is.
 */
export function watchErrors(page: Page, expected: ExpectedAnswer[] = [/\/my-rating$/]): string[] {
  const errors: string[] = [];
  const isExpected = (status: number, path: string) =>
    expected.some((e) => (e instanceof RegExp ? status === 404 && e.test(path) : status === e.status && e.path.test(path)));
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // The browser's own "Failed to load resource" lines are judged by the response check below.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
  });
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.status() >= 400 && !isExpected(r.status(), path)) errors.push(`${r.status()} ${path}`);
  });
  return errors;
}

export type { Page };
