// Shared set-up for the end-to-end tests: the server under test, and a
// headless Debian Chromium driven through playwright-core (no downloaded
// browser). playwright-core is a dev dependency of web/, resolved from there.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const webDir = path.resolve(here, '../../web');
const { chromium } = createRequire(path.join(webDir, 'package.json'))('playwright-core');

/// Where the server under test answers, e.g. http://127.0.0.1:18080.
export const baseUrl = (process.env.HOCVU_URL ?? 'http://127.0.0.1:18080').replace(/\/+$/, '');

/// Screenshots of failed tests go here (ignored by git).
export const resultsDir = process.env.HOCVU_E2E_RESULTS ?? path.join(webDir, 'test-results');

const chromiumPath = process.env.HOCVU_CHROMIUM ?? '/usr/bin/chromium';

// Chromium as root on a closed network: no sandbox, and no background
// traffic to Google's hosts. Playwright gives every launch a fresh profile
// directory of its own.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    timeout: 60_000,
  });
}

/// Fails fast, with a clear message, when nothing answers at `baseUrl`.
export async function requireServer() {
  try {
    const response = await fetch(`${baseUrl}/healthz`, {
      signal: AbortSignal.timeout(5_000),
    });
    return response;
  } catch (cause) {
    throw new Error(`No hocvu server answers at ${baseUrl} (set HOCVU_URL): ${cause.message}`);
  }
}

/// Opens a page that records every problem a person would not see but a test
/// must: script errors, console errors (CSP refusals are logged there),
/// CSP violation events, and failed same-origin requests.
export async function openPage(browser, contextOptions = {}) {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: 'vi-VN',
    ...contextOptions,
  });
  const page = await context.newPage();
  const problems = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`);
    });
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on('requestfailed', (request) => {
    if (request.url().startsWith(baseUrl)) {
      problems.push(`request failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
    }
  });
  page.on('response', (response) => {
    if (response.url().startsWith(baseUrl) && response.status() >= 400) {
      problems.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  return { context, page, problems };
}

/// Saves a screenshot named after the test, for looking at a failure.
export async function screenshot(page, name) {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, `${name.replace(/[^\w-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true }).catch(() => {});
  return file;
}
