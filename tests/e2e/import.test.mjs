// Importing a student list through the UI (issue 5, SCH-3, OPS-5): the school's administrator uploads the Ministry's
// export as .xlsx, sees the detected header row, the column mapping and every row's problem, cannot commit a broken
// file (and nothing is written), commits a clean one, and finds the new students in the class list in Vietnamese
// order. Needs the demo province (tests/e2e/run-with-server.sh); the files are tests/fixtures/import/*.xlsx, made by
// make_fixtures.py there.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchBrowser, openPage, requireServer, screenshot } from './browser.mjs';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/import');
const timeout = { timeout: 180_000 };
const admin = 'gianghia_thptchuvanan';
const newStudents = ['Lê Văn An', 'Trần Thị Ánh', 'Hoàng Văn Ân', 'Nguyễn Thị Dung', 'Đinh Văn Đức'];

let browser;

before(async () => {
  await requireServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function signIn(page, username) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('Hocvu-Demo-2026');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByTestId('signed-in-name').waitFor();
}

/// The names in class 10A1's list, opened from the menu as a person would; with `count`, once the list (which may
/// first show what the page had loaded before) holds that many.
async function classList(page, count) {
  await page.getByTestId('side-nav').getByRole('link', { name: 'Lớp học', exact: true }).click();
  await page.getByTestId('classes-table').getByRole('link', { name: '10A1' }).click();
  await page.getByRole('heading', { name: 'Lớp 10A1' }).waitFor();
  const rows = page.getByTestId('class-students').locator('.ant-table-row');
  await rows.first().waitFor();
  if (count !== undefined) {
    await rows.nth(count - 1).waitFor();
  }
  return rows.locator('td:nth-child(2)').allInnerTexts();
}

async function openImport(page) {
  await page.getByTestId('side-nav').getByRole('link', { name: 'Nhập dữ liệu', exact: true }).click();
  await page.getByRole('heading', { name: 'Nhập dữ liệu' }).waitFor();
  await page.getByText('2026-2027').waitFor();
}

async function choose(page, file) {
  await page.getByTestId('import-file').locator('input[type=file]').setInputFiles(path.join(fixtures, file));
  await page.getByTestId('import-report').waitFor();
}

/// Vietnamese order (OPS-5): given name, then family name, then middle name, by the `vi` collation.
const collator = new Intl.Collator('vi');
function compareNames(a, b) {
  const key = (name) => {
    const parts = name.trim().split(/\s+/);
    return [parts.at(-1), parts[0], parts.slice(1, -1).join(' ')];
  };
  const [ka, kb] = [key(a), key(b)];
  for (let i = 0; i < 3; i += 1) {
    const c = collator.compare(ka[i], kb[i]);
    if (c !== 0) return c;
  }
  return 0;
}

async function withPage(name, body) {
  const { context, page, problems } = await openPage(browser, { viewport: { width: 1366, height: 900 } });
  try {
    await body(page);
    assert.deepEqual(problems, [], 'the page reported problems');
  } catch (error) {
    const file = await screenshot(page, name);
    error.message += `\n(screenshot: ${file})`;
    throw error;
  } finally {
    await context.close();
  }
}

describe('student import with preview (SCH-3)', () => {
  test('SCH-3: a broken file shows each row problem, cannot be committed and writes nothing', timeout, async () => {
    await withPage('import-broken', async (page) => {
      await signIn(page, admin);
      const before = await classList(page);
      await openImport(page);
      await choose(page, 'students_10a1_broken.xlsx');

      assert.match(await page.getByTestId('import-status').innerText(), /Có 5 lỗi ở 5 trên 6 dòng/);
      assert.equal(await page.getByTestId('header-row').innerText(), '3');
      assert.match(await page.getByTestId('column-mapping').innerText(), /B \(Mã học sinh\) → Mã học sinh/);
      const problems = await page.getByTestId('import-problems').locator('.ant-table-row').allInnerTexts();
      const lines = problems.map((row) => row.replace(/\s+/g, ' ').trim());
      assert.deepEqual(lines, [
        'Danh sách 4 B (Mã học sinh) mã học sinh đã có trong trường',
        'Danh sách 5 D (Ngày sinh) ngày không hợp lệ (cần dd/mm/yyyy): 30/02/2010',
        'Danh sách 7 B (Mã học sinh) mã học sinh trùng với dòng 6',
        'Danh sách 8 H (Lớp) không có lớp 10Z9 trong năm học 2026-2027',
        'Danh sách 9 C (Họ và tên) tên chứa ký tự không hợp lệ',
      ]);
      assert.equal(await page.getByRole('button', { name: 'Nhập', exact: true }).isDisabled(), true);

      // The report downloads as CSV with the same lines.
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /Tải báo cáo lỗi/ }).click();
      const file = await download;
      assert.match(file.suggestedFilename(), /^bao-cao-loi-students_10a1_broken\.csv$/);
      const chunks = [];
      for await (const chunk of await file.createReadStream()) chunks.push(chunk);
      const csv = Buffer.concat(chunks).toString('utf8');
      assert.ok(csv.startsWith('\uFEFFTrang tính,Dòng,Cột,Tiêu đề cột,Lỗi'), csv);
      assert.equal(csv.trim().split('\r\n').length, 6);
      assert.match(csv, /Danh sách,8,H,Lớp,không có lớp 10Z9 trong năm học 2026-2027/);

      assert.deepEqual(await classList(page), before, 'the class list is unchanged');
    });
  });

  test(
    'SCH-3, OPS-5: a clean .xlsx is committed and its students appear in the class list in Vietnamese order',
    timeout,
    async () => {
      await withPage('import-clean', async (page) => {
        await signIn(page, admin);
        const before = await classList(page);
        for (const name of newStudents) assert.ok(!before.includes(name), `${name} is not in 10A1 yet`);
        await openImport(page);
        await choose(page, 'students_10a1.xlsx');
        assert.match(await page.getByTestId('import-status').innerText(), /Tệp hợp lệ: 5 dòng dữ liệu/);
        assert.equal(await page.getByTestId('import-problems').count(), 0);
        const commit = page.getByRole('button', { name: 'Nhập', exact: true });
        assert.equal(await commit.isDisabled(), false);
        await commit.click();
        await page.getByText('Đã nhập 5 học sinh').waitFor();
        const created = await page.getByTestId('import-created').locator('.ant-table-row').allInnerTexts();
        assert.equal(created.length, 5);
        assert.ok(created.every((row) => row.includes('10A1')));

        const after = await classList(page, before.length + 5);
        assert.equal(after.length, before.length + 5);
        // The new students, in the list's order: An < Ánh < Ân, Dung < Đức.
        assert.deepEqual(
          after.filter((name) => newStudents.includes(name)),
          newStudents,
        );
        // And the whole list is in Vietnamese order.
        for (let i = 1; i < after.length; i += 1) {
          assert.ok(compareNames(after[i - 1], after[i]) <= 0, `${after[i - 1]} before ${after[i]}`);
        }
      });
    },
  );
});
