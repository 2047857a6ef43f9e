// Staff and student records in the browser (SCH-1, SCH-3). The school's administrator adds a teacher with an account
// (the one-time password signs in) and corrects the teacher's record; then opens the
// last student of 12A2 (no other e2e test uses that class), changes the address and the birth date in Sửa hồ sơ,
// tries an impossible date and sees the server's refusal in Vietnamese with nothing saved, then adds a guardian;
// after a reload the server holds exactly that. Runs against the server of run-with-server.sh (demo data); the
// record is put back in `finally` (the added guardian stays: guardians cannot be removed).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { apiSignIn, browserForFile, openPage, screenshot, signIn } from './browser.mjs';

const ADMIN = 'gianghia_thptchuvanan';
const timeout = { timeout: 240_000 };
const browser = browserForFile();

/// Runs `body(page)` in a fresh page; fails on any problem the page reports except the one refusal the test provokes.
async function withPage(name, body, refusals = 0) {
  const { context, page, problems } = await openPage(browser(), { viewport: { width: 1280, height: 900 } });
  try {
    await body(page);
    const unexpected = problems.filter((p) => !/422/.test(p));
    assert.deepEqual(unexpected, [], 'the page reported problems');
    assert.equal(problems.filter((p) => p.startsWith('HTTP 422')).length, refusals, 'refused saves');
  } catch (error) {
    error.message += `\n(screenshot: ${await screenshot(page, name)})`;
    throw error;
  } finally {
    await context.close();
  }
}

/// dd/mm/yyyy of an ISO date, as the date fields show it.
function vn(iso) {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

describe('staff records', () => {
  test('the administrator adds a teacher with an account and corrects the record', timeout, async () => {
    const admin = await apiSignIn(ADMIN);
    const unit = admin.user.unit.id;
    let password = '';
    await withPage('staff-records', async (page) => {
      await signIn(page, ADMIN);
      await page.goto('/can-bo');
      await page.getByRole('button', { name: 'Thêm cán bộ' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Họ và tên').fill('Đinh Thị Thu Thảo');
      await dialog.getByLabel('Điện thoại').fill('0905 222 333');
      await dialog.getByLabel('Môn dạy').click();
      await page.keyboard.type('(HOA)');
      // Enter picks the one option left (a click on it while the list was still sliding in was lost under load).
      await page.locator('.ant-select-item-option-active', { hasText: '(HOA)' }).waitFor();
      await page.keyboard.press('Enter');
      // The choice shows as a tag; a click on the dialog's title closes the list (Escape would close the dialog).
      await dialog.locator('.ant-select-selection-item', { hasText: 'Hóa học (HOA)' }).waitFor();
      await dialog.getByText('Thêm cán bộ, giáo viên').click();
      await dialog.getByRole('button', { name: 'Thêm cán bộ' }).click();
      const shown = page.getByRole('dialog', { name: 'Đã thêm cán bộ và tạo tài khoản' });
      await shown.getByText('thaodtt.thptchuvanan').waitFor();
      password = (await shown.locator('code').nth(1).innerText()).trim();
      await shown.getByRole('button', { name: 'OK' }).click();

      const row = page.getByTestId('staff-table').locator('tr', { hasText: 'Đinh Thị Thu Thảo' });
      await row.getByRole('button', { name: 'Sửa' }).click();
      const edit = page.getByRole('dialog');
      await edit.getByLabel('Trình độ chuyên môn').fill('Thạc sĩ');
      await edit.getByLabel('Hạng chức danh').fill('Hạng III');
      await edit.getByRole('button', { name: 'Lưu hồ sơ' }).click();
      await edit.waitFor({ state: 'hidden' });
      await row.getByText('Hạng III').waitFor();
    });
    const listed = await admin.call('GET', `/api/v1/schools/${unit}/staff?q=${encodeURIComponent('Thu Thảo')}`);
    const thao = listed.items.find((s) => s.full_name === 'Đinh Thị Thu Thảo');
    assert.deepEqual(
      [thao.username, thao.phone, thao.subjects, thao.qualification, thao.professional_rank],
      ['thaodtt.thptchuvanan', '0905222333', ['HOA'], 'Thạc sĩ', 'Hạng III'],
    );
    // The one-time password shown once signs the new teacher in.
    const teacher = await apiSignIn('thaodtt.thptchuvanan', password);
    assert.equal(teacher.user.full_name, 'Đinh Thị Thu Thảo');
  });
});

describe('student records', () => {
  test('the administrator corrects a record and adds a guardian', timeout, async () => {
    const admin = await apiSignIn(ADMIN);
    const unit = admin.user.unit.id;
    const classes = await admin.call('GET', `/api/v1/schools/${unit}/classes?year=2026-2027`);
    const cls = classes.items.find((c) => c.name === '12A2');
    const students = (await admin.call('GET', `/api/v1/classes/${cls.id}/students`)).items;
    const original = await admin.call('GET', `/api/v1/students/${students.at(-1).id}`);
    const address = 'Tổ 3, phường Nghĩa Trung, Gia Nghĩa';
    try {
      await withPage('school-records', async (page) => {
        await signIn(page, ADMIN);
        await page.goto(`/hoc-sinh/${original.id}`);
        await page.getByRole('heading', { name: original.full_name }).waitFor();

        await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
        const dialog = page.getByRole('dialog');
        assert.equal(await dialog.getByLabel('Họ và tên').inputValue(), original.full_name);
        assert.equal(await dialog.getByLabel('Ngày sinh').inputValue(), vn(original.birth_date));
        await dialog.getByLabel('Địa chỉ').fill(address);
        // A birth date in the future: the server refuses it and keeps the record as it was.
        await dialog.getByLabel('Ngày sinh').fill('01/01/2099');
        await dialog.getByLabel('Ngày sinh').press('Enter');
        const refused = page.waitForResponse((r) => r.request().method() === 'PATCH');
        await dialog.getByRole('button', { name: 'Lưu hồ sơ' }).click();
        assert.equal((await refused).status(), 422);
        await dialog.getByRole('alert').filter({ hasText: 'ngày sinh' }).waitFor();
        assert.equal((await admin.call('GET', `/api/v1/students/${original.id}`)).address, original.address);

        await dialog.getByLabel('Ngày sinh').fill('05/09/2008');
        await dialog.getByLabel('Ngày sinh').press('Enter');
        const saved = page.waitForResponse((r) => r.request().method() === 'PATCH');
        await dialog.getByRole('button', { name: 'Lưu hồ sơ' }).click();
        assert.equal((await saved).status(), 200);
        await dialog.waitFor({ state: 'hidden' });
        await page.getByText(address).waitFor();

        await page.getByRole('button', { name: 'Thêm người giám hộ' }).click();
        const guardian = page.getByRole('dialog');
        await guardian.getByLabel('Họ và tên người giám hộ').fill('Lò Thị Hoa');
        await guardian.getByLabel('Quan hệ').fill('Bà ngoại');
        await guardian.getByLabel('Điện thoại').fill('0978123456');
        await guardian.getByRole('button', { name: 'Thêm', exact: true }).click();
        await guardian.waitFor({ state: 'hidden' });
        await page.getByTestId('guardians').getByText('Lò Thị Hoa').waitFor();

        await page.reload();
        await page.getByText(address).waitFor();
        await page.getByTestId('guardians').getByText('Bà ngoại').waitFor();
      }, 1);
      const after = await admin.call('GET', `/api/v1/students/${original.id}`);
      assert.equal(after.address, address);
      assert.equal(after.birth_date, '2008-09-05');
      assert.equal(after.full_name, original.full_name);
      assert.equal(after.code, original.code);
      const added = after.guardians.find((g) => g.full_name === 'Lò Thị Hoa');
      assert.deepEqual([added.relation, added.phone], ['Bà ngoại', '0978123456']);
    } finally {
      const { full_name, birth_date, gender, ethnicity, birthplace, address: a, priority, policy } = original;
      await admin.call('PATCH', `/api/v1/students/${original.id}`, {
        full_name,
        birth_date,
        gender,
        ethnicity,
        birthplace,
        address: a,
        priority,
        policy,
      });
    }
  });
});
