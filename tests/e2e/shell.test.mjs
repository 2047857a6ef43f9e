// The web shell served by a running hocvu server: HOCVU_URL=http://127.0.0.1:18080 npm --prefix web run e2e
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, openPage, requireServer, screenshot } from './browser.mjs';

const engineNames = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };
const testTimeout = { timeout: 60_000 };

let browser;
let health;

before(async () => {
  const response = await requireServer();
  assert.equal(response.status, 200, `${baseUrl}/healthz answered ${response.status}`);
  health = await response.json();
  console.log(`server at ${baseUrl}: version ${health.version}, database ${health.db}`);
  if (process.env.HOCVU_E2E_EXPECT_DB) {
    assert.equal(health.db, process.env.HOCVU_E2E_EXPECT_DB, 'the server runs on the expected database engine');
  }
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/// Runs `body` on a fresh page; on failure keeps a screenshot, and in every
/// case asserts that the page logged no errors and broke no CSP rule.
async function withPage(name, contextOptions, body, { allowProblem = () => false } = {}) {
  const { context, page, problems } = await openPage(browser, contextOptions);
  try {
    await body(page);
    assert.deepEqual(
      problems.filter((p) => !allowProblem(p)),
      [],
      'the page reported problems',
    );
  } catch (error) {
    const file = await screenshot(page, name);
    error.message += `\n(screenshot: ${file})`;
    throw error;
  } finally {
    await context.close();
  }
}

async function expectHealthShown(page) {
  await page.getByTestId('health-status').waitFor();
  assert.equal(
    await page.getByTestId('health-status').innerText(),
    health.status === 'ok' ? 'Hoạt động bình thường' : health.status,
  );
  assert.equal(await page.getByTestId('health-version').innerText(), health.version);
  assert.equal(await page.getByTestId('health-db').innerText(), engineNames[health.db] ?? health.db);
}

describe('web shell', () => {
  test('the shell loads at / in Vietnamese', testTimeout, async () => {
    await withPage('home', { viewport: { width: 1280, height: 800 } }, async (page) => {
      const response = await page.goto('/');
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'] ?? '', /^text\/html/);
      assert.equal(await page.locator('html').getAttribute('lang'), 'vi');

      await page.getByRole('heading', { name: 'Chào mừng đến với Hocvu' }).waitFor();
      assert.equal(await page.title(), 'Trang chủ · Hocvu');
      assert.ok(await page.getByRole('link', { name: 'Hocvu, về trang chủ' }).isVisible());
      const nav = page.getByTestId('side-nav');
      assert.ok(await nav.isVisible(), 'the side navigation is shown on a wide screen');
      assert.ok(await nav.getByRole('link', { name: 'Trang chủ' }).isVisible());
      assert.ok(await nav.getByRole('link', { name: 'Trạng thái hệ thống' }).isVisible());
      assert.ok(await page.getByTestId('signed-in-user').isVisible());
    });
  });

  test('the navigation leads to the status page with the real /healthz data', testTimeout, async () => {
    await withPage('navigate-status', { viewport: { width: 1280, height: 800 } }, async (page) => {
      await page.goto('/');
      const healthz = page.waitForResponse((r) => new URL(r.url()).pathname === '/healthz');
      await page.getByTestId('side-nav').getByRole('link', { name: 'Trạng thái hệ thống' }).click();
      assert.equal((await healthz).status(), 200);

      assert.equal(new URL(page.url()).pathname, '/trang-thai');
      await page.getByRole('heading', { name: 'Trạng thái hệ thống' }).waitFor();
      await expectHealthShown(page);
      assert.equal(await page.title(), 'Trạng thái hệ thống · Hocvu');

      const again = page.waitForResponse((r) => new URL(r.url()).pathname === '/healthz');
      await page.getByRole('button', { name: /Làm mới/ }).click();
      assert.equal((await again).status(), 200, 'the refresh button asks the server again');
      await expectHealthShown(page);
    });
  });

  test('a deep link to /trang-thai is served by the index.html fallback', testTimeout, async () => {
    await withPage('deep-link', { viewport: { width: 1280, height: 800 } }, async (page) => {
      const response = await page.goto('/trang-thai');
      assert.equal(response.status(), 200);
      assert.match(response.headers()['content-type'] ?? '', /^text\/html/);
      await page.getByRole('heading', { name: 'Trạng thái hệ thống' }).waitFor();
      await expectHealthShown(page);
    });
  });

  test('an unknown page gets the Vietnamese not-found page', testTimeout, async () => {
    await withPage('not-found', { viewport: { width: 1280, height: 800 } }, async (page) => {
      const response = await page.goto('/khong-co-trang-nay');
      assert.equal(response.status(), 200);
      await page.getByText('Không tìm thấy trang').first().waitFor();
    });
  });

  test('on a phone the navigation is collapsed behind a menu button', testTimeout, async () => {
    const phone = {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    };
    await withPage('phone', phone, async (page) => {
      await page.goto('/');
      await page.getByRole('heading', { name: 'Chào mừng đến với Hocvu' }).waitFor();
      const menuButton = page.getByRole('button', {
        name: 'Mở menu điều hướng',
      });
      await menuButton.waitFor();
      assert.equal(await page.getByTestId('side-nav').count(), 0, 'no side navigation on a phone');
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      assert.equal(await nav.isVisible(), false, 'the navigation starts collapsed');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `the page fits the phone's width (scrollWidth ${width})`);

      await menuButton.tap();
      await nav.waitFor({ state: 'visible' });
      await nav.getByRole('link', { name: 'Trạng thái hệ thống' }).tap();
      await page.getByRole('heading', { name: 'Trạng thái hệ thống' }).waitFor();
      assert.equal(new URL(page.url()).pathname, '/trang-thai');
      await nav.waitFor({ state: 'hidden' });
      await expectHealthShown(page);
    });
  });

  test('the status page says so when the server cannot be reached, and recovers', testTimeout, async () => {
    const desktop = { viewport: { width: 1280, height: 800 } };
    // The aborted /healthz request is the point of this test; the browser logs it.
    const allowProblem = (p) => p.includes('/healthz') || p.includes('Failed to load resource');
    await withPage(
      'status-unreachable',
      desktop,
      async (page) => {
        await page.route('**/healthz', (route) => route.abort('connectionrefused'));
        await page.goto('/trang-thai');
        await page.getByText('Không kết nối được máy chủ').waitFor();
        assert.equal(await page.getByTestId('health-version').count(), 0);

        await page.unroute('**/healthz');
        await page.getByRole('button', { name: /Làm mới/ }).click();
        await expectHealthShown(page);
        assert.equal(await page.getByText('Không kết nối được máy chủ').count(), 0);
      },
      { allowProblem },
    );
  });
});
