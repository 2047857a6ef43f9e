// Late score corrections (issue 6, GB-7, SCH-13): the principal board closes the regular-assessment window, the
// subject teacher's change is refused in the grid and filed as a correction request with a reason, the principal
// approves it, and the grid shows the new value with its history naming the approval. Runs against the server of
// run-with-server.sh (demo data) on row 5 of 10A1's Toán sheet, semester I (gradebook.test.mjs writes rows 0–2), and
// puts the window back as it was, whatever happens, for the tests after it.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  apiSignIn,
  baseUrl,
  day,
  launchBrowser,
  openPage,
  pageCall,
  requireServer,
  screenshot,
  signIn,
  withEntryWindow,
} from './browser.mjs';

const timeout = { timeout: 180_000 };
let browser;

before(async () => {
  await requireServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

describe('late score corrections', () => {
  test(
    'GB-7: a closed window refuses the change, the teacher files a correction, the principal approves',
    timeout,
    async () => {
      const teacher = await openPage(browser, { baseURL: baseUrl, viewport: { width: 1400, height: 900 } });
      const page = teacher.page;
      try {
        const principal = await apiSignIn('toannv.thptchuvanan');
        const cls = await principal.call('GET', '/api/v1/classes/101');
        const sheetPath = '/api/v1/classes/101/subjects/TOAN/scores?semester=1';
        const start = await principal.call('GET', sheetPath);
        assert.deepEqual(Object.keys(start.rows[5].cells), [], 'row 5 starts empty');
        // The regular-assessment window of semester 1 closed yesterday.
        const window = { unit: cls.unit_id, year_id: cls.year_id, semester: 1, item_kind: 'tx' };
        await withEntryWindow(principal, { ...window, opens_at: day(-30), closes_at: day(-1) }, async () => {
          await signIn(page, 'haptt.thptchuvanan');
          await page.goto('/nhap-diem/101/TOAN?hk=1');
          await page.getByTestId('score-grid').waitFor();
          await page.getByTestId('cell-5-tx1').fill('8');
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
          assert.equal(await page.getByTestId('cell-5-tx1').inputValue(), '');

          const pending = await principal.call('GET', `/api/v1/schools/${cls.unit_id}/corrections?status=pending`);
          const mine = pending.items.filter((c) => c.student_id === start.rows[5].student_id);
          assert.equal(mine.length, 1);
          assert.equal(mine[0].new_value, '8.0');
          // Still closed: the teacher cannot write the cell directly, even through the API.
          const direct = await pageCall(page, 'PUT', sheetPath, {
            base_version: start.version,
            changes: [{ student_id: start.rows[5].student_id, item: 'tx1', value: '9' }],
          });
          assert.equal(direct.status, 403);
          assert.equal(direct.body.code, 'gradebook.window_closed');
          await principal.call('POST', `/api/v1/corrections/${mine[0].id}/decision`, {
            decision: 'approve',
            note: 'Đã xem giấy xác nhận',
            witnesses: ['Trần Thị Hồng Nhung'],
          });
        });

        await page.reload();
        await page.getByTestId('score-grid').waitFor();
        assert.equal(await page.getByTestId('cell-5-tx1').inputValue(), '8,0');
        await page.getByTestId('cell-5-tx1').click();
        await page.getByTestId('cell-history').click();
        const dialog = page.getByRole('dialog');
        await dialog.waitFor();
        assert.match(await dialog.innerText(), /Phạm Thị Thu Hà|Nguyễn Văn Toàn/);
        assert.match(await dialog.innerText(), /Bài kiểm tra nộp muộn/);
        assert.match(await dialog.innerText(), /Điều chỉnh đã duyệt/);
        // The refused save and the refused direct PUT (403 gradebook.window_closed, each seen as a console error and
        // as an HTTP 403 of the sheet) are expected; nothing else may go wrong.
        const refused = teacher.problems.filter((p) => /403/.test(p));
        assert.ok(refused.length >= 2, refused.join('\n'));
        for (const p of refused) assert.match(p, /status of 403|HTTP 403: .*\/subjects\/TOAN\/scores/);
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
      }
    },
  );
});
