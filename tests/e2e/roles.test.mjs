// Sign-in as every demo role and the navigation each one sees (issue 3). Needs a server on the demo province and
// its accounts: tests/e2e/run-with-server.sh provides both (HOCVU_DEMO_ACCOUNTS names the file of
// `hocvu demo --accounts` lines); run by hand, set HOCVU_DEMO_ACCOUNTS yourself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { launchBrowser, openPage, requireServer, screenshot } from './browser.mjs';

const testTimeout = { timeout: 90_000 };
const desktop = { viewport: { width: 1280, height: 800 } };

/// What each role's side menu holds, in order. Written out here on purpose, not imported from the app.
const expectedMenus = {
  anonymous: ['Trang chủ', 'Trạng thái hệ thống', 'Đăng nhập'],
  unit_admin: ['Trang chủ', 'Đơn vị', 'Tài khoản', 'Tài khoản của tôi', 'Trạng thái hệ thống'],
  // A unit administrator whose unit is a school also keeps the school's records.
  school_admin: [
    'Trang chủ',
    'Đơn vị',
    'Tài khoản',
    'Lớp học',
    'Học sinh',
    'Cán bộ, giáo viên',
    'Phân công giảng dạy',
    'Năm học',
    'Nhập dữ liệu',
    'Tài khoản của tôi',
    'Trạng thái hệ thống',
  ],
  authority_leader: ['Trang chủ', 'Đơn vị trực thuộc', 'Báo cáo', 'Tài khoản của tôi'],
  authority_staff: ['Trang chủ', 'Đơn vị trực thuộc', 'Báo cáo', 'Tài khoản của tôi'],
  principal: [
    'Trang chủ',
    'Lớp học',
    'Học sinh',
    'Cán bộ, giáo viên',
    'Phân công giảng dạy',
    'Duyệt kết quả cuối năm',
    'Tiến độ nhập điểm',
    'Thời hạn nhập điểm',
    'Khóa sổ điểm',
    'Duyệt sửa điểm',
    'Báo cáo',
    'Tài khoản của tôi',
  ],
  vice_principal: [
    'Trang chủ',
    'Lớp học',
    'Học sinh',
    'Cán bộ, giáo viên',
    'Phân công giảng dạy',
    'Duyệt kết quả cuối năm',
    'Tiến độ nhập điểm',
    'Thời hạn nhập điểm',
    'Khóa sổ điểm',
    'Duyệt sửa điểm',
    'Báo cáo',
    'Tài khoản của tôi',
  ],
  admin_board: ['Trang chủ', 'Lớp học', 'Học sinh', 'Cán bộ, giáo viên', 'Phân công giảng dạy', 'Tài khoản của tôi'],
  office: ['Trang chủ', 'Lớp học', 'Tài khoản của tôi'],
  // Both demo teachers teach a subject and are a class's homeroom teacher.
  homeroom_teacher: [
    'Trang chủ',
    'Lớp của tôi',
    'Nhập điểm',
    'Nhận xét hằng tuần',
    'Điểm danh',
    'Tổng kết lớp',
    'Xét lên lớp',
    'Kết quả hè',
    'Tài khoản của tôi',
  ],
  subject_teacher: [
    'Trang chủ',
    'Lớp của tôi',
    'Nhập điểm',
    'Nhận xét hằng tuần',
    'Điểm danh',
    'Tổng kết lớp',
    'Xét lên lớp',
    'Kết quả hè',
    'Tài khoản của tôi',
  ],
  parent: ['Trang chủ', 'Con của tôi', 'Tài khoản của tôi'],
  student: ['Trang chủ', 'Hồ sơ của em', 'Tài khoản của tôi'],
};

/// Every entry's page: the heading it shows and the real data that must appear on it.
const pages = {
  'Trang chủ': { path: '/', heading: 'Chào mừng đến với Hocvu' },
  'Đơn vị': { path: '/don-vi', heading: 'Đơn vị', data: (page) => page.locator('.ant-table-row').first() },
  'Đơn vị trực thuộc': {
    path: '/don-vi',
    heading: 'Đơn vị',
    data: (page) => page.locator('.ant-table-row').first(),
  },
  'Tài khoản': {
    path: '/tai-khoan',
    heading: 'Tài khoản',
    data: (page) => page.getByTestId('accounts-table').locator('.ant-table-row').first(),
  },
  'Lớp học': {
    path: '/lop-hoc',
    heading: 'Lớp học',
    data: (page) => page.getByTestId('classes-table').getByRole('link', { name: '10A1' }),
  },
  'Lớp của tôi': {
    path: '/lop-cua-toi',
    heading: 'Lớp của tôi',
    data: (page) => page.getByTestId('my-classes').getByRole('link', { name: '10A1' }),
  },
  'Báo cáo': {
    path: '/bao-cao',
    heading: 'Báo cáo',
    // The Sở and Phòng first choose one of their schools (reports.test.mjs goes on from there).
    data: (page, role) =>
      role.startsWith('authority_')
        ? page.getByText('Chọn trường để xem báo cáo')
        : page.getByTestId('rates-grades').getByText('Toàn trường'),
  },
  'Nhập dữ liệu': {
    path: '/nhap-du-lieu',
    heading: 'Nhập dữ liệu',
    data: (page) => page.getByText('Bấm hoặc kéo tệp danh sách học sinh vào đây'),
  },
  'Học sinh': {
    path: '/hoc-sinh',
    heading: 'Học sinh',
    data: (page) => page.getByTestId('students-table').locator('.ant-table-row').first(),
  },
  'Cán bộ, giáo viên': {
    path: '/can-bo',
    heading: 'Cán bộ, giáo viên',
    data: (page) => page.getByTestId('staff-table').locator('.ant-table-row').first(),
  },
  'Phân công giảng dạy': {
    path: '/phan-cong',
    heading: 'Phân công giảng dạy',
    data: (page) => page.getByTestId('assignments-matrix').getByText('10A1'),
  },
  'Năm học': {
    path: '/nam-hoc',
    heading: 'Năm học',
    data: (page) => page.getByTestId('years-table').getByText('2026-2027'),
  },
  'Nhập điểm': {
    path: '/nhap-diem',
    heading: 'Nhập điểm',
    data: (page) => page.getByTestId('score-sheets').getByRole('link', { name: 'Mở bảng điểm' }).first(),
  },
  'Điểm danh': {
    path: '/diem-danh',
    heading: 'Điểm danh',
    data: (page) => page.getByTestId('roll-call').getByRole('button').first(),
  },
  'Tổng kết lớp': {
    path: '/tong-ket-lop',
    heading: 'Tổng kết lớp',
    data: (page) => page.getByTestId('class-summary').locator('.ant-table-row').first(),
  },
  'Xét lên lớp': {
    path: '/xet-len-lop',
    heading: 'Xét lên lớp',
    data: (page) => page.getByTestId('proposal-status'),
  },
  'Nhận xét hằng tuần': {
    path: '/nhan-xet-tuan',
    heading: 'Nhận xét hằng tuần',
    data: (page) => page.locator('.ant-table-row').first(),
  },
  'Kết quả hè': {
    path: '/ket-qua-he',
    heading: 'Kết quả rèn luyện, kiểm tra lại hè',
    data: (page) => page.getByTestId('homeroom-class'),
  },
  'Duyệt kết quả cuối năm': {
    path: '/duyet-cuoi-nam',
    heading: 'Duyệt kết quả cuối năm',
    data: (page) => page.getByTestId('year-close-classes').getByText('10A1'),
  },
  'Tiến độ nhập điểm': {
    path: '/tien-do-nhap-diem',
    heading: 'Tiến độ nhập điểm',
    data: (page) => page.getByTestId('progress').getByText('10A1').first(),
  },
  'Thời hạn nhập điểm': {
    path: '/thoi-han-nhap-diem',
    heading: 'Thời hạn nhập điểm',
    data: (page) => page.getByTestId('edit-window-1-tx'),
  },
  'Khóa sổ điểm': {
    path: '/khoa-so-diem',
    heading: 'Khóa sổ điểm',
    data: (page) => page.getByTestId('subject-locks').locator('.ant-table-row').first(),
  },
  'Duyệt sửa điểm': {
    path: '/duyet-sua-diem',
    heading: 'Duyệt sửa điểm',
    data: (page) => page.getByTestId('pending-count'),
  },
  'Con của tôi': { path: '/con-cua-toi', heading: 'Con của tôi', data: (page) => page.getByText('10A1') },
  'Hồ sơ của em': { path: '/ho-so-cua-em', heading: 'Hồ sơ của em', data: (page) => page.getByText('10A1') },
  'Tài khoản của tôi': {
    path: '/tai-khoan-cua-toi',
    heading: 'Tài khoản của tôi',
    data: (page) => page.getByTestId('me-name'),
  },
  'Trạng thái hệ thống': {
    path: '/trang-thai',
    heading: 'Trạng thái hệ thống',
    data: (page) => page.getByTestId('health-version'),
  },
  'Đăng nhập': { path: '/dang-nhap', heading: 'Đăng nhập' },
};

const accountsFile = process.env.HOCVU_DEMO_ACCOUNTS;
const accounts = accountsFile
  ? readFileSync(accountsFile, 'utf8')
      .split('\n')
      .filter((line) => line.trim().startsWith('{'))
      .map((line) => JSON.parse(line))
  : [];

let browser;

before(async () => {
  await requireServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

async function withPage(name, body) {
  const { context, page, problems } = await openPage(browser, desktop);
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

/// The menu an account should see: its role's, or the school administrator's for a unit administrator of a school.
function menuOf(account) {
  return account.role === 'unit_admin' && account.unit.startsWith('Trường ') ? 'school_admin' : account.role;
}

async function menuLabels(page) {
  const nav = page.getByTestId('side-nav');
  await nav.getByRole('link').first().waitFor();
  return nav.getByRole('link').allInnerTexts();
}

async function signIn(page, account) {
  await page.goto('/dang-nhap');
  await page.getByLabel('Tên đăng nhập').fill(account.username);
  await page.getByLabel('Mật khẩu').fill(account.password);
  const reply = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/auth/login');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const response = await reply;
  assert.equal(response.status(), 200, `${account.username} signs in`);
  const { user } = await response.json();
  await page.getByTestId('signed-in-name').waitFor();
  assert.equal(await page.getByTestId('signed-in-name').innerText(), user.full_name);
  assert.equal(new URL(page.url()).pathname, '/');
  return user;
}

describe('navigation by role', () => {
  test('the demo accounts cover every role', () => {
    assert.ok(accountsFile, 'HOCVU_DEMO_ACCOUNTS names the output of `hocvu demo --accounts`');
    const roles = new Set(accounts.map(menuOf));
    assert.deepEqual(
      [...roles].sort(),
      Object.keys(expectedMenus)
        .filter((r) => r !== 'anonymous')
        .sort(),
    );
  });

  test(
    'a visitor sees only the public menu and is sent to sign in for pages that need a session',
    testTimeout,
    async () => {
      await withPage('roles-anonymous', async (page) => {
        await page.goto('/');
        assert.deepEqual(await menuLabels(page), expectedMenus.anonymous);
        for (const path of ['/lop-hoc', '/don-vi', '/tai-khoan-cua-toi', '/con-cua-toi']) {
          await page.goto(path);
          await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
          assert.equal(new URL(page.url()).pathname, '/dang-nhap', `${path} needs a session`);
        }
      });
    },
  );

  for (const account of accounts) {
    test(
      `${account.role} (${account.username}) sees exactly that role's menu, and each entry works`,
      testTimeout,
      async () => {
        await withPage(`roles-${account.username}`, async (page) => {
          const user = await signIn(page, account);
          const expected = expectedMenus[menuOf(account)];
          assert.ok(expected, `a menu is expected for ${account.role}`);
          assert.deepEqual(await menuLabels(page), expected);

          for (const label of expected) {
            const target = pages[label];
            await page.getByTestId('side-nav').getByRole('link', { name: label, exact: true }).click();
            await page.getByRole('heading', { name: target.heading, exact: true }).waitFor();
            assert.equal(new URL(page.url()).pathname, target.path, `${label} leads to ${target.path}`);
            if (target.data) {
              await target.data(page, menuOf(account)).first().waitFor();
            }
            if (target.path === '/tai-khoan-cua-toi') {
              assert.equal(await page.getByTestId('me-name').innerText(), user.full_name);
            }
            // The menu stays the same on every page.
            assert.deepEqual(await menuLabels(page), expected);
          }

          const classEntry = expected.find((label) => label === 'Lớp của tôi' || label === 'Lớp học');
          if (classEntry) {
            await page.getByTestId('side-nav').getByRole('link', { name: classEntry, exact: true }).click();
            await pages[classEntry].data(page).click();
            await page.getByRole('heading', { name: 'Lớp 10A1' }).waitFor();
            await page.getByTestId('class-students').locator('.ant-table-row').first().waitFor();
          }

          // A reload keeps the session and the menu.
          await page.reload();
          assert.deepEqual(await menuLabels(page), expected);

          await page.getByRole('button', { name: 'Đăng xuất' }).click();
          await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
          assert.equal(new URL(page.url()).pathname, '/dang-nhap');
          assert.equal(await page.getByTestId('signed-in-name').count(), 0);
          assert.deepEqual(await menuLabels(page), expectedMenus.anonymous);
        });
      },
    );
  }
});
