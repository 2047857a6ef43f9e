// Rewards, weekly comments and the parent's view (issue 7, GB-9, GB-3): in class 11A1 (no other e2e test uses it)
// the homeroom teacher records a reward on Khen thưởng, kỷ luật, the Toán teacher writes a weekly comment on Nhận xét
// hằng tuần, the homeroom teacher reads it in the class summary, and a parent of the student sees both on Con của
// tôi. Runs against the server of run-with-server.sh (demo data). For the test, the demo homeroom teacher
// (toannv2) is made 11A1's homeroom teacher and a parent account is linked to the student's new guardian; the
// homeroom assignment, the reward and the comment are put back or removed in `finally`.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiSignIn, browserForFile, signIn, withPage as withBrowserPage } from './browser.mjs';

const ADMIN = 'gianghia_thptchuvanan';
const HOMEROOM = 'toannv2.thptchuvanan';
const TEACHER = 'haptt.thptchuvanan'; // teaches Toán in 11A1
const PRINCIPAL = 'toannv.thptchuvanan';
const PARENT_PASSWORD = 'Phu-huynh-11A1-2026';
const timeout = { timeout: 300_000 };
const browser = browserForFile();
const withPage = (name, body) => withBrowserPage(browser(), name, { viewport: { width: 1400, height: 900 } }, body);

/// Today in Vietnam, YYYY-MM-DD, and the Monday of its week (weekly comments are filed under it).
function todayVn() {
  return new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
}
function mondayOf(date) {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

describe('homeroom records and weekly comments', () => {
  test('a reward and a weekly comment reach the parent', timeout, async () => {
    const admin = await apiSignIn(ADMIN);
    const principal = await apiSignIn(PRINCIPAL);
    const unit = principal.user.unit.id;
    const classes = await principal.call('GET', `/api/v1/schools/${unit}/classes?year=2026-2027`);
    const cls = classes.items.find((c) => c.name === '11A1');
    const original = cls.homeroom_staff_id;
    const staff = await admin.call('GET', `/api/v1/schools/${unit}/staff?q=${encodeURIComponent('Ngô Văn Toàn')}`);
    const me = staff.items.find((s) => s.username === HOMEROOM) ?? staff.items[0];
    const student = (await principal.call('GET', `/api/v1/classes/${cls.id}/students`)).items[0];
    const title = `Khen trước lớp ${Date.now()}`;
    const comment = 'Làm bài tập về nhà đầy đủ, hăng hái phát biểu';
    const week = mondayOf(todayVn());
    const commentsPath = `/api/v1/classes/${cls.id}/comments?kind=week&period=${week}&subject_code=TOAN`;
    const homeroom = await (async () => {
      await admin.call('PUT', `/api/v1/classes/${cls.id}/homeroom`, { staff_id: me.id });
      return apiSignIn(HOMEROOM);
    })();
    try {
      // A guardian of the student with a parent account (a one-time password, changed at first sign-in).
      const guardian = await admin.call('POST', `/api/v1/students/${student.id}/guardians`, {
        full_name: 'Đặng Thị Hồng',
        relation: 'Mẹ',
        phone: '0912110001',
      });
      const linked = await admin.call('POST', `/api/v1/guardians/${guardian.id}/account`);
      const reset = await admin.call('POST', `/api/v1/accounts/${linked.account.id}/reset-password`);
      const first = await apiSignIn(linked.account.username, reset.password);
      await first.call('POST', '/api/v1/auth/password', {
        current_password: reset.password,
        new_password: PARENT_PASSWORD,
      });

      // The homeroom teacher records the reward on the class summary's tab.
      await withPage('homeroom-more-reward', async (page) => {
        await signIn(page, HOMEROOM);
        await page.goto(`/tong-ket-lop?lop=${cls.id}&xem=khen-thuong`);
        await page.getByTestId('homeroom-class').filter({ hasText: '11A1' }).waitFor();
        await page.getByTestId('add-record').click();
        const dialog = page.getByRole('dialog');
        const who = dialog.getByRole('combobox', { name: 'Học sinh' });
        // Search the name, take the first match, and check the select shows it (retrying a lost pick).
        const chosen = dialog.locator('.ant-select').filter({ hasText: student.full_name });
        for (let attempt = 0; attempt < 3 && !(await chosen.isVisible()); attempt += 1) {
          await who.fill(student.full_name);
          await page.locator('.ant-select-item-option', { hasText: student.full_name }).first().waitFor();
          await who.press('Enter');
          await chosen.waitFor({ timeout: 5_000 }).catch(() => {});
        }
        await chosen.waitFor();
        const [y, m, d] = todayVn().split('-');
        const date = dialog.getByRole('textbox', { name: 'Ngày' });
        await date.fill(`${d}/${m}/${y}`);
        await date.press('Enter');
        await dialog.getByTestId('record-title').fill(title);
        const saved = page.waitForResponse(
          (r) => r.request().method() === 'POST' && r.url().endsWith(`/classes/${cls.id}/student-records`),
        );
        await page.getByTestId('save-record').click();
        const reply = await saved;
        assert.equal(reply.status(), 201);
        assert.equal((await reply.json()).student_id, student.id);
        await page.getByTestId('records').getByText(title).waitFor();
      });

      // The Toán teacher writes this week's comment on the student.
      await withPage('homeroom-more-weekly', async (page) => {
        await signIn(page, TEACHER);
        await page.goto('/nhan-xet-tuan');
        await page.getByTestId('weekly-sheet').click();
        await page.getByTitle('Lớp 11A1 · Toán', { exact: true }).click();
        const box = page.getByLabel(new RegExp(`Nhận xét môn Toán, tuần .* về ${student.full_name}$`));
        await box.fill(comment);
        const saved = page.waitForResponse((r) => r.request().method() === 'PUT' && r.url().includes('/comments?'));
        await page.getByTestId('save-comments').click();
        assert.equal((await saved).status(), 200);
        await page.getByText(/Đã lưu lúc/).waitFor();
      });
      const stored = await principal.call('GET', commentsPath);
      assert.equal(stored.items.find((i) => i.student_id === student.id).text, comment);

      // The homeroom teacher reads it among the subject teachers' comments of the week.
      await withPage('homeroom-more-read', async (page) => {
        await signIn(page, HOMEROOM);
        await page.goto(`/tong-ket-lop?lop=${cls.id}&xem=nhan-xet-tuan`);
        const row = page.getByTestId('weekly-comments').locator('tr', { hasText: comment });
        await row.waitFor();
        assert.match(await row.innerText(), new RegExp(`${student.full_name}\\s+Toán`));
      });

      // The parent sees both on Con của tôi.
      await withPage('homeroom-more-parent', async (page) => {
        await signIn(page, linked.account.username, PARENT_PASSWORD);
        await page.goto('/con-cua-toi');
        const view = page.getByTestId('student-homeroom');
        await view.getByTestId('student-records').getByText(title).waitFor();
        await view.getByTestId('student-comments').getByText(comment).waitFor();
        assert.match(await view.getByTestId('student-comments').innerText(), /môn Toán · Phạm Thị Thu Hà/);
      });
    } finally {
      // Put back what the test changed: the comment, the reward, 11A1's homeroom teacher.
      await principal.call('PUT', commentsPath, { items: [{ student_id: student.id, text: '' }] }).catch(() => {});
      const records = await principal.call('GET', `/api/v1/classes/${cls.id}/student-records`);
      for (const r of records.items.filter((i) => i.title === title)) {
        await homeroom.call('DELETE', `/api/v1/student-records/${r.id}`, { reason: 'Dữ liệu kiểm thử' });
      }
      await admin.call('PUT', `/api/v1/classes/${cls.id}/homeroom`, { staff_id: original });
    }
  });
});
