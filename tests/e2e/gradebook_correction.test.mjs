// Late score corrections (issue 6, GB-7, SCH-13): the principal board closes the regular-assessment window, the
// subject teacher's change is refused in the grid and filed as a correction request with a reason, the principal
// approves it, and the grid shows the new value with its history naming the approval. Starts its own server on demo
// data like gradebook.test.mjs (HOCVU_GRADEBOOK_BIN, HOCVU_WEB_ROOT; port HOCVU_CORRECTION_PORT, default 18192).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, screenshot } from './browser.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin =
  process.env.HOCVU_GRADEBOOK_BIN ??
  ['build/h-gb', 'build/debug', 'build/release']
    .map((d) => path.join(repo, d, 'src/app/hocvu'))
    .find((p) => existsSync(p));
const webRoot = process.env.HOCVU_WEB_ROOT ?? path.join(repo, 'web/dist');
const port = Number(process.env.HOCVU_CORRECTION_PORT ?? 18192);
const url = `http://127.0.0.1:${port}`;
const timeout = { timeout: 180_000 };

let server;
let data;
let browser;

async function answers() {
  try {
    return (await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

before(async () => {
  assert.ok(bin, 'no hocvu binary: build one or set HOCVU_GRADEBOOK_BIN');
  assert.ok(existsSync(path.join(webRoot, 'index.html')), `${webRoot}/index.html is missing`);
  assert.equal(await answers(), false, `something already answers at ${url}`);
  data = mkdtempSync(path.join(os.tmpdir(), 'hocvu-gb7-e2e-'));
  const demo = spawnSync(bin, ['demo', '--data', data], { encoding: 'utf8' });
  assert.equal(demo.status, 0, demo.stderr);
  server = spawn(bin, ['serve', '--listen', `127.0.0.1:${port}`, '--data', data, '--web-root', webRoot], {
    stdio: 'ignore',
  });
  for (let i = 0; i < 300 && !(await answers()); i += 1) await new Promise((r) => setTimeout(r, 100));
  assert.ok(await answers(), 'the server did not start');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  if (server) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  if (data) rmSync(data, { recursive: true, force: true });
});
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

/// A JSON API call from a signed-in page, with the tab's CSRF token.
async function call(page, method, target, body) {
  return page.evaluate(
    async ([m, t, b]) => {
      const r = await fetch(t, {
        method: m,
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': sessionStorage.getItem('hocvu.csrf') ?? '' },
        ...(b === undefined ? {} : { body: JSON.stringify(b) }),
      });
      return { status: r.status, body: await r.json() };
    },
    [method, target, body],
  );
}

describe('late score corrections', () => {
  test(
    'GB-7: a closed window refuses the change, the teacher files a correction, the principal approves',
    timeout,
    async () => {
      const teacher = await openPage(browser, { baseURL: url, viewport: { width: 1400, height: 900 } });
      const principal = await openPage(browser, { baseURL: url });
      const page = teacher.page;
      try {
        await signIn(principal.page, 'toannv.thptchuvanan');
        const cls = await call(principal.page, 'GET', '/api/v1/classes/101');
        assert.equal(cls.status, 200, JSON.stringify(cls.body));
        const school = cls.body.unit_id;
        // The regular-assessment window of semester 1 closed yesterday.
        const day = (offset) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
        const set = await call(principal.page, 'PUT', `/api/v1/schools/${school}/entry-windows`, {
          year_id: cls.body.year_id,
          semester: 1,
          item_kind: 'tx',
          opens_at: day(-30),
          closes_at: day(-1),
        });
        assert.equal(set.status, 200, JSON.stringify(set.body));

        await signIn(page, 'haptt.thptchuvanan');
        await page.goto('/nhap-diem/101/TOAN?hk=1');
        await page.getByTestId('score-grid').waitFor();
        await page.getByTestId('cell-0-tx1').fill('8');
        await page.getByTestId('save-scores').click();
        const cells = page.getByTestId('correction-cells');
        await cells.waitFor();
        assert.match(await cells.innerText(), /TX1: \(trống\) → 8,0/);
        await page.getByLabel('Lý do sửa điểm').fill('Bài kiểm tra nộp muộn do ốm, có giấy xác nhận');
        await page.getByRole('button', { name: 'Gửi yêu cầu sửa điểm' }).click();
        await page
          .getByTestId('notice')
          .getByText(/Đã gửi 1 yêu cầu sửa điểm/)
          .waitFor();
        assert.equal(await page.getByTestId('cell-0-tx1').inputValue(), '');

        const pending = await call(principal.page, 'GET', `/api/v1/schools/${school}/corrections?status=pending`);
        assert.equal(pending.body.items.length, 1);
        assert.equal(pending.body.items[0].new_value, '8.0');
        const decided = await call(principal.page, 'POST', `/api/v1/corrections/${pending.body.items[0].id}/decision`, {
          decision: 'approve',
          note: 'Đã xem giấy xác nhận',
          witnesses: ['Trần Thị Hồng Nhung'],
        });
        assert.equal(decided.status, 200, JSON.stringify(decided.body));

        await page.reload();
        await page.getByTestId('score-grid').waitFor();
        assert.equal(await page.getByTestId('cell-0-tx1').inputValue(), '8,0');
        await page.getByTestId('cell-0-tx1').click();
        await page.getByTestId('cell-history').click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        assert.match(await dialog.innerText(), /Phạm Thị Thu Hà|Nguyễn Văn Toàn/);
        assert.match(await dialog.innerText(), /Bài kiểm tra nộp muộn/);
        assert.match(await dialog.innerText(), /Điều chỉnh đã duyệt/);
        // The one refused save (403 gradebook.window_closed) is expected; nothing else may go wrong.
        const refused = teacher.problems.filter((p) => /status of 403/.test(p));
        assert.equal(refused.length, 1);
        assert.deepEqual(
          teacher.problems.filter((p) => !refused.includes(p)),
          [],
          'the page reported problems',
        );
      } catch (error) {
        error.message += `\n(screenshot: ${await screenshot(page, 'gradebook-correction')})`;
        throw error;
      } finally {
        await teacher.context.close();
        await principal.context.close();
      }
    },
  );
});
