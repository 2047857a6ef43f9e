// The score entry grid (issue 6, GB-1): a subject teacher enters a sheet by keyboard and by pasting a block copied
// from Excel, saves, and sees the averages the assessment engine gives. Runs against the server of
// run-with-server.sh (demo data), on rows 0–2 of 10A1's Toán sheet, semester I, which no other test writes before it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { baseUrl, launchBrowser, openPage, requireServer, screenshot, signIn } from './browser.mjs';

const timeout = { timeout: 180_000 };
let browser;

before(async () => {
  await requireServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function engineSheet(page) {
  return page.evaluate(async () => (await fetch('/api/v1/classes/101/subjects/TOAN/scores?semester=1')).json());
}

describe('score entry grid', () => {
  test('enters a sheet by keyboard and by paste and shows the engine averages', timeout, async () => {
    const { context, page, problems } = await openPage(browser, {
      baseURL: baseUrl,
      viewport: { width: 1400, height: 900 },
    });
    try {
      await signIn(page, 'haptt.thptchuvanan');
      const before = await engineSheet(page);
      for (const row of before.rows.slice(0, 3)) {
        assert.deepEqual(Object.keys(row.cells), [], 'rows 0–2 start empty');
      }
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
      assert.equal(sheet.version, before.version + 1);
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
