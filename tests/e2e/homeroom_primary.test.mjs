// TT27 quality and competence ratings in the browser (issues 6 and 7): the demo homeroom teacher of 4A1 (TH Kim
// Đồng, the only primary class; no other e2e test uses it) opens Tổng kết lớp → Phẩm chất, năng lực, fills HK II's
// end-of-term ratings with Tốt, lowers one to Đạt, recognises one student, saves, and after a reload sees what the
// server holds. Runs against the server of run-with-server.sh (demo data); every rating it wrote is cleared in
// `finally`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { apiSignIn, launchBrowser, openPage, requireServer, screenshot, signIn } from './browser.mjs';

const HOMEROOM = 'ngocttb.thkimdong';
const CLASS_ID = '401';
const SHEET = `/api/v1/classes/${CLASS_ID}/qualities?semester=2`;
const timeout = { timeout: 300_000 };

let browser;

before(async () => {
  await requireServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('TT27 ratings', () => {
  test('the homeroom teacher rates the class and the server keeps it', timeout, async () => {
    const api = await apiSignIn(HOMEROOM);
    const before = await api.call('GET', SHEET);
    assert.equal(before.items.length, 30);
    const first = before.items[0];
    const second = before.items[1];
    const { context, page, problems } = await openPage(browser, { viewport: { width: 1400, height: 900 } });
    try {
      await signIn(page, HOMEROOM);
      await page.goto('/tong-ket-lop?xem=pham-chat');
      await page.getByRole('tab', { name: 'Phẩm chất, năng lực' }).waitFor();
      await page.getByText('Học kì II (cuối năm)').click();
      await page.getByTestId(`quality-${first.student_id}-yeu_nuoc`).waitFor();
      await page.getByRole('button', { name: 'Điền Tốt vào ô trống' }).click();
      await page.getByTestId(`quality-${first.student_id}-giao_tiep`).selectOption('Đ');
      await page.getByTestId(`outstanding-${second.student_id}`).check();
      await page.getByLabel(`Thành tích của ${second.full_name}`).fill('Tiến bộ rõ rệt môn Toán');
      assert.equal(await page.getByTestId('qualities-state').textContent(), `Chưa lưu ${30 * 15 + 1} ô`);
      await page.getByTestId('save-qualities').click();
      await page.getByText(/^Đã lưu lúc/).waitFor();

      const saved = await api.call('GET', SHEET);
      const one = saved.items.find((r) => r.student_id === first.student_id);
      assert.equal(one.ck.giao_tiep, 'Đ');
      assert.equal(one.ck.yeu_nuoc, 'T');
      assert.equal(Object.keys(one.ck).length, 15);
      const two = saved.items.find((r) => r.student_id === second.student_id);
      assert.equal(two.outstanding, true);
      assert.equal(two.outstanding_note, 'Tiến bộ rõ rệt môn Toán');
      assert.ok(saved.items.every((r) => Object.keys(r.ck).length === 15));

      await page.reload();
      await page.getByText('Học kì II (cuối năm)').click();
      const select = page.getByTestId(`quality-${first.student_id}-giao_tiep`);
      await select.waitFor();
      assert.equal(await select.inputValue(), 'Đ');
      assert.equal(await page.getByTestId(`outstanding-${second.student_id}`).isChecked(), true);
      assert.equal(await page.getByTestId('qualities-state').textContent(), 'Không có thay đổi');
      assert.deepEqual(problems, [], 'the page reported problems');
    } catch (error) {
      error.message += `\n(screenshot: ${await screenshot(page, 'homeroom-primary')})`;
      throw error;
    } finally {
      await context.close();
      const now = await api.call('GET', SHEET);
      const clear = [];
      for (const row of now.items) {
        for (const item of Object.keys(row.ck))
          clear.push({ student_id: row.student_id, point: 'ck', item, rating: '' });
        if (row.outstanding) clear.push({ student_id: row.student_id, point: 'ck', item: 'tieu_bieu', rating: '' });
      }
      if (clear.length > 0) await api.call('PUT', SHEET, { base_version: now.version, changes: clear });
    }
  });
});
