// The score entry grid (issue 6, GB-1): a subject teacher enters a sheet by keyboard and by pasting a block copied
// from Excel, saves, and sees the averages the assessment engine gives. Starts its own server on demo data
// (`hocvu demo`), since the shared e2e server has none: HOCVU_GRADEBOOK_BIN (default: the first of build/h-gb,
// build/debug, build/release that exists) and HOCVU_WEB_ROOT (default web/dist).
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
const port = Number(process.env.HOCVU_GRADEBOOK_PORT ?? 18090);
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
  data = mkdtempSync(path.join(os.tmpdir(), 'hocvu-gb-e2e-'));
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

async function engineSheet(page) {
  return page.evaluate(async () => (await fetch('/api/v1/classes/101/subjects/TOAN/scores?semester=1')).json());
}

describe('score entry grid', () => {
  test('enters a sheet by keyboard and by paste and shows the engine averages', timeout, async () => {
    const { context, page, problems } = await openPage(browser, {
      baseURL: url,
      viewport: { width: 1400, height: 900 },
    });
    try {
      await signIn(page, 'haptt.thptchuvanan');
      await page.goto('/nhap-diem/101/TOAN?hk=1');
      await page.getByTestId('score-grid').waitFor();
      assert.match(await page.getByTestId('sheet-title').innerText(), /Toán/);

      // Keyboard: one row, moving right after each value; the average is computed as the teacher types.
      await page.getByTestId('cell-0-tx1').click();
      for (const value of ['8', '7', '9', '6', '8', '7', '8,5']) {
        await page.keyboard.type(value);
        await page.keyboard.press('ArrowRight');
      }
      assert.equal(await page.getByTestId('avg-0').innerText(), '7,8');
      // Enter moves down; an invalid value is marked and blocks saving.
      await page.getByTestId('cell-0-tx1').click();
      await page.keyboard.press('Enter');
      await page.keyboard.type('11');
      assert.equal(await page.getByTestId('cell-1-tx1').getAttribute('aria-invalid'), 'true');
      assert.equal(await page.getByTestId('save-scores').isDisabled(), true);
      await page.keyboard.press('Backspace');
      await page.keyboard.press('Backspace');

      // Paste: two rows of seven values copied from Excel, from the focused cell.
      await page.getByTestId('cell-1-tx1').click();
      await page.getByTestId('cell-1-tx1').evaluate((el) => {
        const data = new DataTransfer();
        data.setData('text/plain', '5\t6\t7\t8\t9\t6\t7\r\n4,5\t4\t4\t4\t4\t3,5\t4\r\n');
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
      });
      assert.equal(await page.getByTestId('cell-2-ck').inputValue(), '4');
      assert.match(await page.getByTestId('save-state').innerText(), /Chưa lưu 21 ô/);

      await page.keyboard.press('Control+s');
      await page
        .getByTestId('save-state')
        .getByText(/Đã lưu/)
        .waitFor();
      const sheet = await engineSheet(page);
      assert.equal(sheet.version, 1);
      for (const row of [0, 1, 2]) {
        const engine = sheet.rows[row].average;
        assert.notEqual(engine, '');
        assert.equal(await page.getByTestId(`avg-${row}`).innerText(), engine.replace('.', ','));
      }
      assert.equal(sheet.rows[0].average, '7.8');
      assert.equal(sheet.rows[1].average, '6.8'); // (5+6+7+8+9 + 2×6 + 3×7) / 10
      assert.equal(sheet.rows[2].average, '4.0');
      assert.deepEqual(problems, [], 'the page reported problems'); // (4,5+4+4+4+4 + 2×3,5 + 3×4) / 10 = 3,95 → 4,0 (A1)
    } catch (error) {
      error.message += `\n(screenshot: ${await screenshot(page, 'gradebook')})`;
      throw error;
    } finally {
      await context.close();
    }
  });
});
