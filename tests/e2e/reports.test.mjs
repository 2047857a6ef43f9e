// The principal board's reports (issue 7, GB-5): the principal opens Báo cáo → Tỉ lệ xếp loại, sees the rates of
// the school by subject and by grade (table and chart) with the figures the API gives, and downloads the Excel file
// under its Vietnamese name. Runs against the server of run-with-server.sh (demo data).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, openPage, requireServer, screenshot } from './browser.mjs';

const timeout = { timeout: 180_000 };
let browser;

before(async () => {
  await requireServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/// Signs in through the API in the page (the cookie and the tab's CSRF token), as the sign-in page does.
async function signIn(page, username) {
  await page.goto('/trang-thai');
  const status = await page.evaluate(async (name) => {
    const r = await fetch('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: name, password: 'Hocvu-Demo-2026' }),
    });
    const body = await r.json();
    sessionStorage.setItem('hocvu.csrf', body.csrf_token);
    return r.status;
  }, username);
  assert.equal(status, 200);
}

describe('reports', () => {
  test('the principal opens the classification rates and downloads the Excel file', timeout, async () => {
    const { context, page, problems } = await openPage(browser, {
      baseURL: baseUrl,
      viewport: { width: 1400, height: 1000 },
      acceptDownloads: true,
    });
    try {
      await signIn(page, 'toannv.thptchuvanan');
      // Three Toán results in 10A2, HK I: 8.5 (Tốt), 7.0 (Khá), 4.5 (Chưa đạt). Not 10A1: the homeroom test closes
      // its year (book lock). The principal first reopens the regular-assessment window, which the correction test
      // closed.
      const saved = await page.evaluate(async () => {
        const csrf = sessionStorage.getItem('hocvu.csrf');
        const send = (method, url, body) =>
          fetch(url, {
            method,
            headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
            body: JSON.stringify(body),
          });
        const unit = (await (await fetch('/api/v1/me')).json()).unit.id;
        const classes = await (await fetch(`/api/v1/schools/${unit}/classes?year=2026-2027`)).json();
        const cls = classes.items.find((c) => c.name === '10A2');
        const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
        const window = await send('PUT', `/api/v1/schools/${unit}/entry-windows`, {
          year_id: cls.year_id,
          semester: 1,
          item_kind: 'tx',
          opens_at: day(-30),
          closes_at: day(30),
        });
        if (window.status !== 200) return window.status;
        const path = `/api/v1/classes/${cls.id}/subjects/TOAN/scores?semester=1`;
        const sheet = await (await fetch(path)).json();
        const changes = [];
        sheet.rows.slice(0, 3).forEach((row, i) => {
          for (const col of sheet.columns) {
            changes.push({ student_id: row.student_id, item: col.item, value: ['8.5', '7', '4.5'][i] });
          }
        });
        const r = await send('PUT', path, { base_version: sheet.version, changes });
        return r.status;
      });
      assert.equal(saved, 200);

      await page.goto('/');
      await page.getByRole('menuitem', { name: 'Báo cáo' }).click();
      await page.waitForURL(/\/bao-cao/);
      await page.getByRole('tab', { name: 'Tỉ lệ xếp loại' }).waitFor();
      await page.getByLabel('Kỳ').click();
      await page.getByTitle('Học kỳ I', { exact: true }).click();

      const unit = await page.evaluate(async () => (await (await fetch('/api/v1/me')).json()).unit.id);
      const api = await page.evaluate(
        async (u) => (await fetch(`/api/v1/reports/schools/${u}/classification-rates?period=hk1`)).json(),
        unit,
      );
      const toan = api.subjects.find((s) => s.code === 'TOAN' && s.grade === 0);
      assert.ok(
        toan.distribution.counts[0] >= 1 && toan.distribution.counts[1] >= 1 && toan.distribution.counts[3] >= 1,
      );

      // The table row of Toán shows the API's counts and percentages.
      const row = page.getByTestId('rates-subjects').locator('tr', { hasText: 'Toán' }).first();
      await row.getByText(`(${toan.distribution.percent[0]}%)`).first().waitFor();
      const cells = await row.locator('td').allInnerTexts();
      assert.equal(cells[0], 'Toán');
      assert.equal(cells[1], String(toan.distribution.assessed));
      for (let k = 0; k < 4; k += 1) {
        assert.equal(
          cells[2 + k].replace(/\s+/g, ' ').trim(),
          `${toan.distribution.counts[k]} (${toan.distribution.percent[k]}%)`,
        );
      }
      assert.equal((await page.getByTestId('rates-chart').count()) >= 2, true);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('xlsx-download').click()]);
      assert.equal(download.suggestedFilename(), `Tỉ lệ xếp loại Học kỳ I - ${api.year}.xlsx`);
      const file = await download.path();
      const bytes = readFileSync(file);
      assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
      assert.ok(bytes.includes(Buffer.from('xl/worksheets/sheet2.xml')), 'both sheets (by subject, by grade)');
      // A query cancelled by changing the period, and the download itself, show as aborted requests: not problems.
      assert.deepEqual(
        problems.filter((p) => !p.endsWith('net::ERR_ABORTED')),
        [],
        'the page reported problems',
      );
    } catch (error) {
      error.message += `\n(screenshot: ${await screenshot(page, 'reports')})`;
      throw error;
    } finally {
      await context.close();
    }
  });
});
