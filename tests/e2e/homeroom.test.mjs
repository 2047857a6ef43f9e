// The homeroom teacher's and the principal's pages (issue 7, GB-3, GB-4): roll-call on a phone-sized touch screen,
// saved and still there after a reload; and a class's year-close lists proposed by the homeroom teacher and approved
// by the principal in the browser. Needs a server on the demo province (tests/e2e/run-with-server.sh); the second
// test first completes class 10A1's year through the API (every sheet filled by the principal board and confirmed by
// its teacher, conduct of both semesters), since the demo year has only just begun.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  apiSignIn,
  DEMO_PASSWORD as PASSWORD,
  launchBrowser,
  openPage,
  requireServer,
  screenshot,
} from './browser.mjs';

const HOMEROOM = 'toannv2.thptchuvanan';
const PRINCIPAL = 'toannv.thptchuvanan';
const CLASS_ID = '101'; // 10A1
const timeout = { timeout: 300_000 };
const phone = { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true, deviceScaleFactor: 2 };
const desktop = { viewport: { width: 1400, height: 900 } };

let browser;

before(async () => {
  await requireServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function withPage(name, options, body) {
  const { context, page, problems } = await openPage(browser, options);
  try {
    await body(page, problems);
  } catch (error) {
    error.message += `\n(screenshot: ${await screenshot(page, name)})`;
    throw error;
  } finally {
    await context.close();
  }
}

/// Signs in on the sign-in page, as a person would (tapping on a touch screen).
async function signIn(page, username, { touch = false } = {}) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(PASSWORD);
  const button = page.getByRole('button', { name: 'Đăng nhập' });
  if (touch) await button.tap();
  else await button.click();
  await page.getByTestId('signed-in-name').waitFor();
}

/// Marks every cell of every sheet of the class for both semesters (as the principal board may), then has each
/// subject's teacher confirm the sheet (GB-8), so that the year's results are complete.
async function completeYear(principal, homeroom) {
  const unit = principal.user.unit.id;
  const teaching = (await principal.call('GET', `/api/v1/schools/${unit}/teaching?year=2026-2027`)).items.filter(
    (t) => String(t.class_id) === CLASS_ID,
  );
  const staff = new Map((await principal.call('GET', `/api/v1/schools/${unit}/staff`)).items.map((s) => [s.id, s]));
  const teachers = new Map();
  // The subjects with a score sheet (chuyên đề are columns of their subject's sheet, not sheets of their own).
  const subjects = (await principal.call('GET', `/api/v1/classes/${CLASS_ID}/summary?period=year`)).subjects.map(
    (x) => x.code,
  );
  assert.ok(subjects.length >= 8, `10A1 has its subjects (${subjects.join(', ')})`);
  for (const subject of subjects) {
    for (const semester of [1, 2]) {
      const path = `/api/v1/classes/${CLASS_ID}/subjects/${subject}/scores?semester=${semester}`;
      const sheet = await principal.call('GET', path);
      const changes = [];
      sheet.rows.forEach((row, i) => {
        if (row.exempt) return;
        sheet.columns.forEach((column, j) => {
          if (row.cells[column.item]) return;
          // Varied, all passing: 6.0 to 9.5, so that levels, awards and ranks differ between students.
          const value = sheet.scored ? `${6 + ((i + j + semester) % 4)}.${(i * 5) % 10 < 5 ? 0 : 5}` : 'Đ';
          changes.push({ student_id: row.student_id, item: column.item, value });
        });
      });
      if (changes.length > 0) await principal.call('PUT', path, { base_version: sheet.version, changes });
      if (!sheet.confirmed) {
        const assignment = teaching.find((t) => t.subject === subject && (t.semester === semester || !t.semester));
        assert.ok(assignment, `${subject} has a teacher in semester ${semester}`);
        const username = staff.get(assignment.staff_id)?.username;
        assert.ok(username, `the teacher of ${subject} has an account`);
        if (!teachers.has(username)) teachers.set(username, await apiSignIn(username));
        await teachers
          .get(username)
          .call('POST', `/api/v1/classes/${CLASS_ID}/subjects/${subject}/confirmation?semester=${semester}`);
      }
    }
  }
  const conduct = await homeroom.call('GET', `/api/v1/classes/${CLASS_ID}/conduct`);
  const changes = conduct.items.flatMap((s, i) =>
    ['hk1', 'hk2'].map((period) => ({
      student_id: s.student_id,
      period,
      level: i % 5 === 4 && period === 'hk1' ? 'kha' : 'tot',
      comment: 'Ngoan, chăm chỉ, thực hiện tốt nội quy.',
    })),
  );
  await homeroom.call('PUT', `/api/v1/classes/${CLASS_ID}/conduct`, { base_version: conduct.version, changes });
}

describe('homeroom pages', () => {
  test(
    'roll-call on a phone: tap to mark, save, and the marks are still there after a reload (GB-3)',
    timeout,
    async () => {
      await withPage('homeroom-roll-call', phone, async (page, problems) => {
        await signIn(page, HOMEROOM, { touch: true });
        await page.goto('/diem-danh');
        await page.getByRole('heading', { name: 'Điểm danh' }).waitFor();
        const list = page.getByTestId('roll-call');
        await list.getByRole('button').first().waitFor();

        // Nothing wider than the screen, and every target a thumb can hit (≥ 44 px high).
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= 375, `no horizontal scroll (page is ${width} px wide)`);
        const targets = [
          ...(await list.getByRole('button').all()),
          page.getByTestId('save-attendance'),
          page.getByTestId('session-switch').getByText('Buổi chiều'),
        ];
        for (const target of targets) {
          const box = await target.boundingBox();
          assert.ok(
            box && box.height >= 44 && box.x >= 0 && box.x + box.width <= 375,
            `tap target ${JSON.stringify(box)}`,
          );
        }

        // The day as the server has it, to tap from there: first student twice (→ two steps on), second once.
        const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
        const first = page.getByTestId('student-0');
        const second = page.getByTestId('student-1');
        const order = ['present', 'excused', 'unexcused', 'late'];
        const step = (status, n) => order[(order.indexOf(status) + n) % order.length];
        const want0 = step(await first.getAttribute('data-status'), 2);
        const want1 = step(await second.getAttribute('data-status'), 1);
        await first.tap();
        await first.tap();
        await second.tap();
        assert.equal(await first.getAttribute('data-status'), want0);
        assert.equal(await second.getAttribute('data-status'), want1);
        await page.getByTestId('save-attendance').tap();
        await page
          .getByTestId('save-state')
          .getByText(/^Đã lưu/)
          .waitFor();

        await page.reload();
        await page.getByTestId('student-0').waitFor();
        assert.equal(await page.getByTestId('student-0').getAttribute('data-status'), want0);
        assert.equal(await page.getByTestId('student-1').getAttribute('data-status'), want1);

        // The server holds exactly what the page shows.
        const day = await page.evaluate(
          async ([id, date]) => (await fetch(`/api/v1/classes/${id}/attendance?date=${date}`)).json(),
          [CLASS_ID, today],
        );
        // A student with no mark is present: the register keeps only the marks that say otherwise.
        const status = (i) =>
          day.students[i].marks.find((m) => m.session === day.main_session && m.period === 0)?.status ?? 'present';
        assert.equal(status(0), want0);
        assert.equal(status(1), want1);
        assert.ok(day.version > 0, 'the day is on the register');

        // The month's totals count the day.
        await page.getByRole('tab', { name: 'Tổng hợp' }).tap();
        await page.getByTestId('attendance-totals').locator('.ant-table-row').first().waitFor();
        const totals = await page.evaluate(
          async ([id, month]) => (await fetch(`/api/v1/classes/${id}/attendance/totals?period=${month}`)).json(),
          [CLASS_ID, today.slice(0, 7)],
        );
        const firstRow = page.getByTestId('attendance-totals').locator('.ant-table-row').first().locator('td');
        const t0 = totals.items.find((t) => t.student_id === day.students[0].student_id);
        assert.equal(await firstRow.nth(2).innerText(), String(t0.excused));
        assert.equal(await firstRow.nth(3).innerText(), String(t0.unexcused));
        assert.equal(await firstRow.nth(4).innerText(), String(t0.late));
        assert.deepEqual(problems, [], 'the page reported problems');
      });
    },
  );

  test("the homeroom teacher proposes the year's lists and the principal approves them (GB-4)", timeout, async () => {
    const principal = await apiSignIn(PRINCIPAL);
    const homeroom = await apiSignIn(HOMEROOM);
    await completeYear(principal, homeroom);
    const engine = await homeroom.call('GET', `/api/v1/classes/${CLASS_ID}/year-close`);
    assert.equal(engine.status, 'draft');
    assert.deepEqual(engine.unconfirmed_sheets, []);

    await withPage('homeroom-propose', desktop, async (page, problems) => {
      await signIn(page, HOMEROOM);
      await page.getByTestId('side-nav').getByRole('link', { name: 'Xét lên lớp', exact: true }).click();
      await page.getByRole('heading', { name: 'Xét lên lớp' }).waitFor();
      await page.getByTestId('year-close-table').locator('.ant-table-row').first().waitFor();
      assert.equal(await page.getByTestId('year-close-status').innerText(), 'Chưa gửi');
      // Every list as the engine prefilled it.
      assert.match(
        await page.getByTestId('list-promoted').innerText(),
        new RegExp(`Lên lớp \\(${engine.lists.promoted.length}\\)`),
      );
      await page.getByTestId('proposal-note').fill('Lớp hoàn thành năm học, đề nghị Hiệu trưởng duyệt.');
      await page.getByTestId('submit-proposal').click();
      await page.getByTestId('year-close-status').getByText('Chờ duyệt').waitFor();
      assert.deepEqual(problems, [], 'the page reported problems');
    });

    await withPage('homeroom-approve', desktop, async (page, problems) => {
      await signIn(page, PRINCIPAL);
      await page.getByTestId('side-nav').getByRole('link', { name: 'Duyệt kết quả cuối năm', exact: true }).click();
      await page.getByRole('heading', { name: 'Duyệt kết quả cuối năm' }).waitFor();
      const row = page.getByTestId('year-close-classes').locator('.ant-table-row', { hasText: '10A1' });
      await row.getByText('Chờ duyệt').waitFor();
      await row.getByRole('link', { name: '10A1' }).click();
      await page.getByTestId('decision-title').getByText('Kết quả cuối năm lớp 10A1').waitFor();
      await page.getByTestId('year-close-table').locator('.ant-table-row').first().waitFor();
      assert.match(await page.getByText(/^Gửi bởi/).innerText(), /Lớp hoàn thành năm học/);
      await page.getByTestId('approve').click();
      await page
        .getByRole('dialog')
        .getByText(/Lên lớp \d+, ở lại lớp \d+/)
        .waitFor();
      await page.getByTestId('confirm-decision').click();
      await page.getByTestId('year-close-status').getByText('Đã duyệt').waitFor();
      await page
        .getByTestId('decision')
        .getByText(/^Phê duyệt bởi/)
        .waitFor();
      assert.deepEqual(problems, [], 'the page reported problems');
    });

    const approved = await homeroom.call('GET', `/api/v1/classes/${CLASS_ID}/year-close`);
    assert.equal(approved.status, 'approved');
    assert.equal(approved.locked, true);
    assert.deepEqual(approved.lists, engine.lists, 'the approved lists are the ones proposed');
    assert.equal(approved.decided_by_name, principal.user.full_name);
  });
});
