// The principal board's gradebook pages (issue 6: SCH-10, SCH-11, SCH-13, GB-7), against the shared server of
// run-with-server.sh. The principal sees the late sheets of HK II once the mid-term window has closed, sets and
// clears an entry window, locks and unlocks a sheet, and approves a correction a teacher filed through the API.
// Uses 12A1's Sinh học, which no other e2e test touches; every window and lock changed is put back in `finally`.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  apiSignIn,
  baseUrl,
  day,
  launchBrowser,
  openPage,
  requireServer,
  screenshot,
  signIn,
  withEntryWindow,
} from './browser.mjs';

const timeout = { timeout: 300_000 };
const PRINCIPAL = 'toannv.thptchuvanan';
const SUBJECT = 'SINH';
let browser;

before(async () => {
  await requireServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

/// 12A1, its year and the account of the teacher of its Sinh học in HK II.
async function setting(principal) {
  const unit = principal.user.unit.id;
  const cls = (await principal.call('GET', `/api/v1/schools/${unit}/classes?year=2026-2027`)).items.find(
    (c) => c.name === '12A1',
  );
  const teaching = (await principal.call('GET', `/api/v1/schools/${unit}/teaching?year=2026-2027`)).items.find(
    (a) => a.class_id === cls.id && a.subject === SUBJECT && a.semester === 2,
  );
  const staff = (await principal.call('GET', `/api/v1/schools/${unit}/staff`)).items.find(
    (s) => s.id === teaching.staff_id,
  );
  return { unit, cls, teacherName: teaching.staff_name, teacherUser: staff.username };
}

describe('principal board gradebook pages', () => {
  test('progress with late rows, a window, a lock and a correction', timeout, async () => {
    const { context, page, problems } = await openPage(browser, {
      baseURL: baseUrl,
      viewport: { width: 1400, height: 1000 },
    });
    const principal = await apiSignIn(PRINCIPAL);
    const { unit, cls, teacherName, teacherUser } = await setting(principal);
    const teacher = await apiSignIn(teacherUser);
    const windows = `/api/v1/schools/${unit}/entry-windows`;
    const locks = `/api/v1/classes/${cls.id}/score-locks`;
    const windowOf = async (semester, kind) =>
      (await principal.call('GET', `${windows}?year_id=${cls.year_id}`)).items.find(
        (w) => w.semester === semester && w.item_kind === kind,
      );
    const ckBefore = await windowOf(2, 'ck');
    try {
      // The teacher gives the first student a mid-term score of HK II while its window is open.
      const sheetPath = `/api/v1/classes/${cls.id}/subjects/${SUBJECT}/scores?semester=2`;
      const sheet = await teacher.call('GET', sheetPath);
      const student = sheet.rows[0];
      await teacher.call('PUT', sheetPath, {
        base_version: sheet.version,
        changes: [{ student_id: student.student_id, item: 'gk', value: '6' }],
      });
      await signIn(page, PRINCIPAL);

      const closed = {
        unit,
        year_id: cls.year_id,
        semester: 2,
        item_kind: 'gk',
        opens_at: day(-40),
        closes_at: day(-1),
      };
      await withEntryWindow(principal, closed, async () => {
        // Tiến độ nhập điểm: HK II's mid-term window has closed, so every sheet missing a GK score is late.
        const api = (await principal.call('GET', `/api/v1/schools/${unit}/gradebook-progress?year=2026-2027`)).items;
        const lateApi = api.filter((r) => r.semester === 2 && r.late);
        const mine = api.find((r) => r.class_id === cls.id && r.subject_code === SUBJECT && r.semester === 2);
        assert.ok(mine.late, 'one GK score of 30 entered: late');
        assert.equal(mine.kinds.find((k) => k.item_kind === 'gk').entered, 1);

        await page.goto('/');
        await page.getByRole('menuitem', { name: 'Tiến độ nhập điểm' }).click();
        await page.waitForURL(/\/tien-do-nhap-diem/);
        await page.getByText('Học kì II', { exact: true }).click();
        await page.getByTestId('late-count').getByText(`${lateApi.length} môn chậm tiến độ`).waitFor();
        await page.getByTestId('late-only').click();
        const row = page
          .getByTestId('progress')
          .locator('tr.gradebook-admin-late', { hasText: teacherName })
          .filter({ hasText: '12A1' })
          .filter({ hasText: mine.subject_name });
        await row.waitFor();
        const text = await row.innerText();
        assert.match(text, /Chậm tiến độ/);
        assert.match(text, new RegExp(`GK 1/${mine.kinds.find((k) => k.item_kind === 'gk').required}`));
        assert.equal(
          await page.getByTestId('progress').locator('tbody tr.ant-table-row').count(),
          Math.min(lateApi.length, 100),
        );

        // Duyệt sửa điểm: the teacher asks to change the closed GK score; the principal approves it on the page.
        const filed = await teacher.call('POST', '/api/v1/corrections', {
          class_id: cls.id,
          subject_code: SUBJECT,
          semester: 2,
          student_id: student.student_id,
          item: 'gk',
          new_value: '8,5',
          reason: 'Cộng sót điểm câu 3',
        });
        await page.getByRole('menuitem', { name: 'Duyệt sửa điểm' }).click();
        await page.waitForURL(/\/duyet-sua-diem/);
        const request = page.getByTestId('corrections').locator('tr', { hasText: 'Cộng sót điểm câu 3' });
        await request.waitFor();
        assert.match(await request.innerText(), /6\.0\s*→\s*8\.5/);
        assert.match(await request.innerText(), new RegExp(student.full_name));
        assert.match(await request.innerText(), new RegExp(`12A1 · ${mine.subject_name} · Học kì II`));
        await page.getByTestId(`approve-${filed.id}`).click();
        await page.getByTestId('correction-witnesses').fill('Nguyễn Thị Thư ký');
        await page.getByTestId('confirm-correction').click();
        await page.getByText(`Đã duyệt: điểm GK của ${student.full_name} là 8.5`).waitFor();
        const after = await teacher.call('GET', sheetPath);
        assert.equal(after.rows.find((r) => r.student_id === student.student_id).cells.gk.value, '8.5');
        const decided = (await principal.call('GET', `/api/v1/schools/${unit}/corrections`)).items.find(
          (c) => c.id === filed.id,
        );
        assert.equal(decided.status, 'approved');
        assert.deepEqual(decided.witnesses, ['Nguyễn Thị Thư ký']);
      });

      // Thời hạn nhập điểm: the end-of-term window of HK II, set on the page, then cleared.
      await page.getByRole('menuitem', { name: 'Thời hạn nhập điểm' }).click();
      await page.waitForURL(/\/thoi-han-nhap-diem/);
      await page.getByTestId('edit-window-2-ck').click();
      await page.getByTestId('window-opens').fill('2027-05-10');
      await page.getByTestId('window-closes').fill('2027-05-01');
      await page.getByTestId('save-window').click();
      await page.getByText('Ngày cuối không được trước ngày mở').waitFor();
      await page.getByTestId('window-closes').fill('2027-05-20');
      await page.getByTestId('save-window').click();
      const windowRow = page.getByTestId('entry-windows').locator('tr', { hasText: 'Học kì II' }).filter({
        hasText: 'Cuối kì',
      });
      await windowRow.getByText('20/05/2027').waitFor();
      // The dialog is gone before it is opened again (a click while it was still closing was lost once under load).
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      const set = await windowOf(2, 'ck');
      assert.equal(set.opens_at, '2027-05-09T17:00:00Z');
      assert.equal(set.closes_at, '2027-05-20T17:00:00Z');
      await page.getByTestId('edit-window-2-ck').click();
      await page.getByRole('dialog').getByText('Thời hạn nhập điểm: Cuối kì — Học kì II').waitFor();
      const cleared = page.waitForResponse(
        (r) => r.request().method() === 'PUT' && new URL(r.url()).pathname.endsWith('/entry-windows'),
      );
      await page.getByTestId('clear-window').click();
      assert.equal((await cleared).status(), 200);
      await windowRow.getByText('Không giới hạn').waitFor();
      assert.equal(await windowOf(2, 'ck'), undefined);

      // Khóa sổ điểm: 12A1's Sinh học of HK II locked with a reason, then unlocked.
      await page.getByRole('menuitem', { name: 'Khóa sổ điểm' }).click();
      await page.waitForURL(/\/khoa-so-diem/);
      await page.getByTestId('locks-class').click();
      await page.getByTitle('Lớp 12A1', { exact: true }).click();
      await page.getByTestId('lock-reason').fill('Đã chốt điểm học kì II');
      const lockSwitch = page.getByTestId(`lock-${SUBJECT}-2`);
      await lockSwitch.click();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('aria-checked') === 'true',
        `lock-${SUBJECT}-2`,
      );
      const locked = (await principal.call('GET', locks)).items.find(
        (l) => l.subject_code === SUBJECT && l.semester === 2,
      );
      assert.equal(locked.reason, 'Đã chốt điểm học kì II');
      await lockSwitch.click();
      await page.waitForFunction(
        (id) => document.querySelector(`[data-testid="${id}"]`)?.getAttribute('aria-checked') === 'false',
        `lock-${SUBJECT}-2`,
      );
      assert.equal(
        (await principal.call('GET', locks)).items.some((l) => l.subject_code === SUBJECT && l.semester === 2),
        false,
      );

      assert.deepEqual(problems, []);
    } catch (error) {
      await screenshot(page, 'gradebook_admin');
      throw error;
    } finally {
      await principal.call('PUT', locks, { subject_code: SUBJECT, semester: 2, locked: false });
      await principal.call(
        'PUT',
        windows,
        ckBefore
          ? {
              year_id: cls.year_id,
              semester: 2,
              item_kind: 'ck',
              opens_at: ckBefore.opens_at,
              closes_at: ckBefore.closes_at,
            }
          : { year_id: cls.year_id, semester: 2, item_kind: 'ck', clear: true },
      );
      await context.close();
    }
  });
});
