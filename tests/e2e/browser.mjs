// Shared set-up for the end-to-end tests: the server under test, and a
// headless Debian Chromium driven through playwright-core (no downloaded
// browser). playwright-core is a dev dependency of web/, resolved from there.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after, before } from 'node:test';
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
/// CSP violation events, and failed same-origin requests (not those cancelled: ERR_ABORTED).
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
    // ERR_ABORTED is the browser or the app cancelling a request it no longer needs (a reload while the favicon
    // loads, a query dropped when its page is left): nobody sees it, and it is not the server failing.
    if (request.url().startsWith(baseUrl) && request.failure()?.errorText !== 'net::ERR_ABORTED') {
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

/// One browser for a test file: checks the server answers and launches the browser before the file's tests, closes
/// it after them. Returns a function giving the browser.
export function browserForFile() {
  let browser;
  before(async () => {
    await requireServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
  });
  return () => browser;
}

/// Runs `body(page)` in a fresh context of `browser` and fails if the page reported any problem (see `openPage`);
/// on failure the error names a screenshot called `name`.
export async function withPage(browser, name, contextOptions, body) {
  const { context, page, problems } = await openPage(browser, contextOptions);
  try {
    await body(page);
    if (problems.length > 0) throw new Error(`the page reported problems:\n${problems.join('\n')}`);
  } catch (error) {
    error.message += `\n(screenshot: ${await screenshot(page, name)})`;
    throw error;
  } finally {
    await context.close();
  }
}

/// The password of every demo account (`hocvu demo`).
export const DEMO_PASSWORD = 'Hocvu-Demo-2026';

/// The date `offset` days from today (UTC), as YYYY-MM-DD.
export function day(offset) {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

/// Signs a page in through the API, as the sign-in page does: the session cookie, and the tab's CSRF token in
/// sessionStorage. Leaves the page on /trang-thai.
export async function signIn(page, username, password = DEMO_PASSWORD) {
  await page.goto('/trang-thai');
  const status = await page.evaluate(
    async ([name, secret]) => {
      const r = await fetch('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: name, password: secret }),
      });
      const body = await r.json();
      sessionStorage.setItem('hocvu.csrf', body.csrf_token);
      return r.status;
    },
    [username, password],
  );
  if (status !== 200) throw new Error(`${username} could not sign in: HTTP ${status}`);
}

/// A JSON API call from a page signed in with `signIn`, with the tab's CSRF token: {status, body}.
export async function pageCall(page, method, target, body) {
  return page.evaluate(
    async ([m, t, b]) => {
      const r = await fetch(t, {
        method: m,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('hocvu.csrf') ?? '' },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      const text = await r.text();
      return { status: r.status, body: text ? JSON.parse(text) : null };
    },
    [method, target, body],
  );
}

/// A signed-in API client outside the browser, for a test's own set-up and checks: `call(method, path, body)`
/// returns the JSON answer and throws on any status other than 2xx; `user` is the signed-in account.
export async function apiSignIn(username, password = DEMO_PASSWORD) {
  const reply = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (reply.status !== 200) throw new Error(`${username} could not sign in: HTTP ${reply.status}`);
  const cookie = reply.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrf_token: csrf, user } = await reply.json();
  const call = async (method, path, body) => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Cookie: cookie,
        'X-CSRF-Token': csrf,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method} ${path} as ${username}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { user, call };
}

/// Sets a school's entry window of one column kind in a semester (SCH-13) for the duration of `body`, then puts
/// back what was there before (or clears it), so that the tests sharing one server's data do not see it. `client`
/// is an `apiSignIn` client of the principal board.
export async function withEntryWindow(client, { unit, year_id, semester, item_kind, opens_at, closes_at }, body) {
  const before = (await client.call('GET', `/api/v1/schools/${unit}/entry-windows?year_id=${year_id}`)).items.find(
    (w) => w.semester === semester && w.item_kind === item_kind,
  );
  const path = `/api/v1/schools/${unit}/entry-windows`;
  await client.call('PUT', path, { year_id, semester, item_kind, opens_at, closes_at });
  try {
    return await body();
  } finally {
    await client.call(
      'PUT',
      path,
      before
        ? { year_id, semester, item_kind, opens_at: before.opens_at, closes_at: before.closes_at }
        : { year_id, semester, item_kind, opens_at, closes_at, clear: true },
    );
  }
}
