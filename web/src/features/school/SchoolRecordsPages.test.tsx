import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUser, jsonResponse, renderApp } from '../../test/render';
import { mockRoutes, problem, schoolAdmin, schoolClass, year2026 } from './testApi';

const WAIT = { timeout: 30_000 };

afterEach(() => {
  vi.restoreAllMocks();
});

const staffMember = {
  id: '31',
  unit_id: '2',
  full_name: 'Phạm Thị Thu Hà',
  family_name: 'Phạm',
  middle_name: 'Thị Thu',
  given_name: 'Hà',
  birth_date: '1982-07-16',
  gender: 'female',
  ethnicity: 'Kinh',
  phone: '0913127440',
  email: 'ha@example.vn',
  position: 'Tổ trưởng',
  subjects: ['TOAN', 'CDTOAN'],
  qualification: 'Thạc sĩ',
  professional_rank: 'Hạng II',
  status: 'active',
  account_id: '5',
  username: 'haptt.thptchuvanan',
};

const nam = {
  id: '9001',
  unit_id: '2',
  code: '6801000001',
  full_name: 'Nguyễn Hoàng Nam',
  family_name: 'Nguyễn',
  middle_name: 'Hoàng',
  given_name: 'Nam',
  birth_date: '2010-04-19',
  gender: 'male',
  ethnicity: 'Ê Đê',
  birthplace: 'Đắk Nông',
  address: 'Phường Quảng Thành, Gia Nghĩa',
  priority: 'Dân tộc thiểu số',
  policy: '',
  status: 'studying',
  status_date: '',
  status_reason: '',
  origin_id: null,
  class: { id: '101', name: '10A1', year_id: '3' },
  guardians: [
    {
      id: '71',
      student_id: '9001',
      full_name: 'Nguyễn Quốc Minh',
      relation: 'Cha',
      phone: '0977664426',
      email: '',
      account_id: null,
    },
    {
      id: '72',
      student_id: '9001',
      full_name: 'Bùi Thị Mai',
      relation: 'Mẹ',
      phone: '0366163197',
      email: '',
      account_id: '8',
    },
  ],
  enrolments: [
    {
      id: '81',
      student_id: '9001',
      class_id: '101',
      class_name: '10A1',
      year_id: '3',
      status: 'active',
      started_on: '2026-09-05',
      ended_on: '',
      end_reason: '',
    },
  ],
  exemptions: [
    { id: '91', student_id: '9001', year_id: '3', semester: 2, subject: 'GDTC', reason: 'Giấy của bệnh viện' },
  ],
};

const classes = {
  items: [schoolClass('101', '10A1', 10), schoolClass('102', '10A2', 10), schoolClass('111', '11A1', 11)],
};
const curriculum = {
  items: [
    { grade: 10, subject: 'TOAN', name: 'Toán', periods_per_year: 105, assessment: 'scored', kind: 'compulsory' },
    {
      grade: 10,
      subject: 'GDTC',
      name: 'Giáo dục thể chất',
      periods_per_year: 70,
      assessment: 'comment',
      kind: 'compulsory',
    },
    { grade: 11, subject: 'VAN', name: 'Ngữ văn', periods_per_year: 105, assessment: 'scored', kind: 'compulsory' },
  ],
};

const adminRoutes = {
  '/api/v1/me': schoolAdmin,
  '/api/v1/students/9001': nam,
  '/api/v1/classes/101': schoolClass('101', '10A1', 10),
  '/api/v1/schools/2/classes': classes,
  '/api/v1/schools/2/years': { items: [year2026] },
  '/api/v1/years/3/curriculum': curriculum,
};

/// The options of the open select, as antd shows them.
async function optionTitles() {
  await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option').length).toBeGreaterThan(0), WAIT);
  return [...document.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'));
}

function rowTexts(testId: string) {
  return within(screen.getByTestId(testId))
    .getAllByRole('row')
    .slice(1)
    .map((r) => r.textContent);
}

describe('staff list (SCH-1)', () => {
  it('SCH-1: shows the HR fields and each account, and searches on the server', async () => {
    const sent = mockRoutes({ '/api/v1/me': schoolAdmin, '/api/v1/schools/2/staff': { items: [staffMember] } });
    renderApp('/can-bo');
    await screen.findByText('Phạm Thị Thu Hà', {}, WAIT);
    expect(rowTexts('staff-table')).toEqual([
      '1Phạm Thị Thu Hà16/07/1982NữTổ trưởngTOANCDTOANThạc sĩHạng II0913127440ha@example.vnhaptt.thptchuvananSửa',
    ]);
    fireEvent.change(screen.getByLabelText('Tìm cán bộ'), { target: { value: ' ha ' } });
    fireEvent.click(screen.getByRole('button', { name: /Tìm/ }));
    await waitFor(() => expect(sent.some((r) => r.query.get('q') === 'ha')).toBe(true));
  }, 150_000);
});

const catalogue = {
  items: [
    { code: 'TOAN', name: 'Toán', level: 'THCS', assessment: 'scored', kind: 'compulsory' },
    { code: 'TOAN', name: 'Toán', level: 'THPT', assessment: 'scored', kind: 'compulsory' },
    { code: 'TIN', name: 'Tin học', level: 'THPT', assessment: 'scored', kind: 'compulsory' },
  ],
};

describe('staff records (SCH-1)', () => {
  it('SCH-1: adds a teacher with an account and shows the one-time password once', async () => {
    const sent = mockRoutes({
      '/api/v1/me': schoolAdmin,
      '/api/v1/schools/2/staff': { items: [staffMember] },
      '/api/v1/catalogue/subjects': catalogue,
      'POST /api/v1/schools/2/staff': () =>
        jsonResponse({ ...staffMember, id: '32', username: 'binhtv.thptchuvanan', password: 'Mk-lan-dau-123' }, 201),
    });
    renderApp('/can-bo');
    fireEvent.click(await screen.findByRole('button', { name: /Thêm cán bộ/ }, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.change(within(dialog).getByLabelText('Họ và tên'), { target: { value: ' Trần Văn Bình ' } });
    fireEvent.change(within(dialog).getByLabelText('Điện thoại'), { target: { value: '0905111222' } });
    fireEvent.mouseDown(within(dialog).getByLabelText('Môn dạy'));
    // One option per subject, though the catalogue lists Toán for two levels.
    expect(await optionTitles()).toEqual(['Toán (TOAN)', 'Tin học (TIN)']);
    fireEvent.click(screen.getByTitle('Tin học (TIN)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm cán bộ' }));
    expect(await screen.findByText('Mk-lan-dau-123', {}, WAIT)).toBeTruthy();
    expect(screen.getByText('binhtv.thptchuvanan')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'OK' }));
    await waitFor(() => expect(screen.queryByText('Mk-lan-dau-123')).toBeNull(), WAIT);
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      full_name: 'Trần Văn Bình',
      birth_date: '',
      gender: '',
      ethnicity: '',
      phone: '0905111222',
      email: '',
      position: 'Giáo viên',
      subjects: ['TIN'],
      qualification: '',
      professional_rank: '',
      with_account: true,
    });
  }, 150_000);

  it("SCH-1: corrects a record with every field sent; the server's refusal is shown in Vietnamese", async () => {
    let attempts = 0;
    const sent = mockRoutes({
      '/api/v1/me': schoolAdmin,
      '/api/v1/schools/2/staff': { items: [staffMember] },
      '/api/v1/catalogue/subjects': catalogue,
      'PATCH /api/v1/staff/31': () =>
        ++attempts === 1
          ? problem(422, 'request.validation', 'Dữ liệu không hợp lệ', 'email: email không hợp lệ')
          : jsonResponse({ ...staffMember, qualification: 'Tiến sĩ' }),
    });
    renderApp('/can-bo');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa' }, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    expect(within(dialog).getByText('haptt.thptchuvanan')).toBeTruthy();
    expect((within(dialog).getByLabelText('Ngày sinh') as HTMLInputElement).value).toBe('16/07/1982');
    fireEvent.change(within(dialog).getByLabelText('Trình độ chuyên môn'), { target: { value: 'Tiến sĩ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu hồ sơ' }));
    expect(await within(dialog).findByText('Dữ liệu không hợp lệ: email: email không hợp lệ', {}, WAIT)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu hồ sơ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
    const patches = sent.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1]!.body).toEqual({
      full_name: 'Phạm Thị Thu Hà',
      birth_date: '16/07/1982',
      gender: 'female',
      ethnicity: 'Kinh',
      phone: '0913127440',
      email: 'ha@example.vn',
      position: 'Tổ trưởng',
      subjects: ['TOAN', 'CDTOAN'],
      qualification: 'Tiến sĩ',
      professional_rank: 'Hạng II',
    });
  }, 150_000);

  it('shows the principal the staff without the managers’ buttons', async () => {
    mockRoutes({
      '/api/v1/me': demoUser([{ role: 'principal' }]),
      '/api/v1/schools/2/staff': { items: [staffMember] },
    });
    renderApp('/can-bo');
    await screen.findByText('Phạm Thị Thu Hà', {}, WAIT);
    expect(screen.queryByRole('button', { name: /Thêm cán bộ/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sửa' })).toBeNull();
  }, 150_000);
});

describe('students and the profile (SCH-3, SCH-4, SCH-5, SCH-6, SCH-8)', () => {
  it('OPS-5: searches the school without diacritics and opens a profile with guardians', async () => {
    const sent = mockRoutes({
      ...adminRoutes,
      '/api/v1/schools/2/students': (r: { query: URLSearchParams }) => ({
        items: r.query.get('q') === 'nam' ? [nam] : [],
      }),
    });
    renderApp('/hoc-sinh');
    expect(await screen.findByText('Trường chưa có học sinh', {}, WAIT)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Tìm học sinh'), { target: { value: 'nam' } });
    fireEvent.click(screen.getByRole('button', { name: /Tìm/ }));
    fireEvent.click(await screen.findByRole('link', { name: 'Nguyễn Hoàng Nam' }, WAIT));
    expect(await screen.findByRole('heading', { name: 'Nguyễn Hoàng Nam' }, WAIT)).toBeTruthy();
    expect(rowTexts('guardians')).toEqual([
      'Nguyễn Quốc MinhCha0977664426Tạo tài khoản',
      'Bùi Thị MaiMẹ0366163197Đã có tài khoản',
    ]);
    expect(rowTexts('enrolments')).toEqual(['10A105/09/2026—']);
    await waitFor(() =>
      expect(rowTexts('exemptions')).toEqual(['Giáo dục thể chấtHọc kỳ IIGiấy của bệnh việnBỏ miễn']),
    );
    expect(sent.filter((r) => r.path === '/api/v1/schools/2/students').map((r) => r.query.get('q'))).toEqual([
      null,
      'nam',
    ]);
  }, 150_000);

  it('SCH-4: transfers to another class of the same year, with the date as dd/mm/yyyy', async () => {
    const sent = mockRoutes({
      ...adminRoutes,
      'POST /api/v1/students/9001/class-transfer': () => jsonResponse({ id: '82' }),
    });
    renderApp('/hoc-sinh/9001');
    fireEvent.click(await screen.findByRole('button', { name: 'Chuyển lớp' }, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.mouseDown(within(dialog).getByLabelText('Lớp mới'));
    // Only the other classes of the year are offered, not the student's own.
    expect(await optionTitles()).toEqual(['10A2 (khối 10)', '11A1 (khối 11)']);
    fireEvent.click(screen.getByTitle('10A2 (khối 10)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Chuyển lớp' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true), WAIT);
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.path).toBe('/api/v1/students/9001/class-transfer');
    expect(post.body).toEqual({ class_id: '102' });
  }, 150_000);

  it("SCH-5: a dropout needs a reason; the server's refusal is shown in Vietnamese", async () => {
    const sent = mockRoutes({
      ...adminRoutes,
      'POST /api/v1/students/9001/leave': () =>
        problem(409, 'schooling.not_studying', 'Học sinh không còn đang học', 'đã thôi học'),
    });
    renderApp('/hoc-sinh/9001');
    fireEvent.click(await screen.findByRole('button', { name: 'Chuyển trường / Thôi học' }, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.click(within(dialog).getByLabelText('Thôi học'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận' }));
    expect(await within(dialog).findByText('Nhập lý do', {}, WAIT)).toBeTruthy();
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('Lý do'), { target: { value: ' Hoàn cảnh khó khăn ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Xác nhận' }));
    expect(await within(dialog).findByText('Học sinh không còn đang học: đã thôi học', {}, WAIT)).toBeTruthy();
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ kind: 'dropout', reason: 'Hoàn cảnh khó khăn' });
  }, 150_000);

  it("SCH-8: exempts a subject of the student's grade in a semester", async () => {
    const sent = mockRoutes({
      ...adminRoutes,
      'POST /api/v1/students/9001/exemptions': () => jsonResponse({ id: '92' }, 201),
    });
    renderApp('/hoc-sinh/9001');
    fireEvent.click(await screen.findByRole('button', { name: 'Miễn môn học' }, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.mouseDown(within(dialog).getByLabelText('Môn học'));
    expect(await optionTitles()).toEqual(['Toán', 'Giáo dục thể chất']);
    fireEvent.click(screen.getByTitle('Toán'));
    fireEvent.click(within(dialog).getByLabelText('Học kỳ II'));
    fireEvent.change(within(dialog).getByLabelText('Lý do miễn'), { target: { value: 'Khuyết tật vận động' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Miễn môn' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true), WAIT);
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      subject: 'TOAN',
      semester: 2,
      reason: 'Khuyết tật vận động',
    });
  }, 150_000);

  it('SCH-6: receives a transferred student by code into a class and opens their profile', async () => {
    const sent = mockRoutes({
      ...adminRoutes,
      '/api/v1/schools/2/students': { items: [] },
      'POST /api/v1/schools/2/admissions': () => jsonResponse(nam, 201),
    });
    renderApp('/hoc-sinh');
    fireEvent.click(await screen.findByRole('button', { name: /Nhận học sinh chuyển đến/ }, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.change(within(dialog).getByLabelText('Mã học sinh'), { target: { value: '6801000001' } });
    fireEvent.mouseDown(within(dialog).getByLabelText('Vào lớp'));
    fireEvent.click(await screen.findByTitle('10A1', {}, WAIT));
    await waitFor(() => expect(within(dialog).getByText('10A1')).toBeTruthy(), WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Nhận học sinh' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true), WAIT);
    expect(await screen.findByRole('heading', { name: 'Nguyễn Hoàng Nam' }, WAIT)).toBeTruthy();
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ code: '6801000001', class_id: '101' });
  }, 150_000);

  it('SCH-3: corrects the record with every field sent and the code kept; a wrong field is refused in Vietnamese', async () => {
    let attempts = 0;
    const sent = mockRoutes({
      ...adminRoutes,
      'PATCH /api/v1/students/9001': () =>
        ++attempts === 1
          ? problem(422, 'request.validation', 'Dữ liệu không hợp lệ', 'birth_date: ngày sinh không hợp lệ')
          : jsonResponse({ ...nam, address: 'Phường Nghĩa Tân, Gia Nghĩa' }),
    });
    renderApp('/hoc-sinh/9001');
    fireEvent.click(await screen.findByRole('button', { name: 'Sửa hồ sơ' }, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    expect((within(dialog).getByLabelText('Mã học sinh') as HTMLInputElement).disabled).toBe(true);
    expect((within(dialog).getByLabelText('Họ và tên') as HTMLInputElement).value).toBe('Nguyễn Hoàng Nam');
    expect((within(dialog).getByLabelText('Ngày sinh') as HTMLInputElement).value).toBe('19/04/2010');
    fireEvent.change(within(dialog).getByLabelText('Họ và tên'), { target: { value: ' ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu hồ sơ' }));
    expect(await within(dialog).findByText('Nhập họ và tên', {}, WAIT)).toBeTruthy();
    expect(sent.some((r) => r.method === 'PATCH')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('Họ và tên'), { target: { value: 'Nguyễn Hoàng Nam' } });
    fireEvent.change(within(dialog).getByLabelText('Địa chỉ'), { target: { value: ' Phường Nghĩa Tân, Gia Nghĩa ' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu hồ sơ' }));
    expect(
      await within(dialog).findByText('Dữ liệu không hợp lệ: birth_date: ngày sinh không hợp lệ', {}, WAIT),
    ).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu hồ sơ' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), WAIT);
    const patches = sent.filter((r) => r.method === 'PATCH');
    expect(patches).toHaveLength(2);
    expect(patches[1]!.body).toEqual({
      full_name: 'Nguyễn Hoàng Nam',
      birth_date: '19/04/2010',
      gender: 'male',
      ethnicity: 'Ê Đê',
      birthplace: 'Đắk Nông',
      address: 'Phường Nghĩa Tân, Gia Nghĩa',
      priority: 'Dân tộc thiểu số',
      policy: '',
    });
  }, 150_000);

  it('SCH-3: adds a guardian with relation and phone; a malformed phone is caught before sending', async () => {
    const sent = mockRoutes({
      ...adminRoutes,
      'POST /api/v1/students/9001/guardians': () => jsonResponse({ id: '73' }, 201),
    });
    renderApp('/hoc-sinh/9001');
    fireEvent.click(await screen.findByRole('button', { name: 'Thêm người giám hộ' }, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.change(within(dialog).getByLabelText('Họ và tên người giám hộ'), { target: { value: 'Trần Thị Lan' } });
    fireEvent.change(within(dialog).getByLabelText('Điện thoại'), { target: { value: '09x' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm' }));
    expect(await within(dialog).findByText(/Số điện thoại gồm 10 chữ số/, {}, WAIT)).toBeTruthy();
    expect(sent.some((r) => r.method === 'POST')).toBe(false);
    fireEvent.change(within(dialog).getByLabelText('Điện thoại'), { target: { value: '0912345678' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Thêm' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true), WAIT);
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({
      full_name: 'Trần Thị Lan',
      relation: 'Mẹ',
      phone: '0912345678',
      email: '',
    });
  }, 150_000);

  it("shows the board the record without the managers' actions", async () => {
    mockRoutes({
      '/api/v1/me': demoUser([{ role: 'principal' }]),
      '/api/v1/students/9001': nam,
      '/api/v1/classes/101': schoolClass('101', '10A1', 10),
    });
    renderApp('/hoc-sinh/9001');
    expect(await screen.findByRole('heading', { name: 'Nguyễn Hoàng Nam' }, WAIT)).toBeTruthy();
    await screen.findByText('Nguyễn Quốc Minh', {}, WAIT);
    expect(screen.queryByRole('button', { name: 'Chuyển lớp' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Tạo tài khoản' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Bỏ miễn' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sửa hồ sơ' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Thêm người giám hộ' })).toBeNull();
  }, 150_000);
});
