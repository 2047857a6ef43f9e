import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp } from '../../test/render';
import { problemsCsv, rowsWithProblems, type ImportReport } from './importing';
import { mockRoutes, problem, schoolAdmin, schoolClass, year2026 } from './testApi';

const WAIT = { timeout: 10_000 };

const columns = [
  { column: 'A (STT)', field: 'stt' },
  { column: 'B (Mã học sinh)', field: 'code' },
  { column: 'C (Họ và tên)', field: 'full_name' },
  { column: 'D (Ngày sinh)', field: 'birth_date' },
  { column: 'H (Lớp)', field: 'class' },
];

const broken: ImportReport = {
  sheet: 'Học sinh',
  header_row: 3,
  columns,
  rows: 4,
  ok: false,
  committed: false,
  created: [],
  problems: [
    {
      sheet: 'Học sinh',
      row: 4,
      column: 'D',
      header: 'Ngày sinh',
      message: 'ngày không hợp lệ (cần dd/mm/yyyy): 30/02/2014',
    },
    { sheet: 'Học sinh', row: 5, column: 'B', header: 'Mã học sinh', message: 'mã học sinh trùng với dòng 4' },
    { sheet: 'Học sinh', row: 5, column: 'H', header: 'Lớp', message: 'không có lớp 6Z9 trong năm học 2026-2027' },
  ],
};

const good: ImportReport = { ...broken, ok: true, problems: [] };

function xlsx(name = 'danh-sach.xlsx') {
  return new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
}

const base = {
  '/api/v1/me': schoolAdmin,
  '/api/v1/schools/2/years': { items: [year2026] },
  '/api/v1/schools/2/classes': { items: [schoolClass('101', '10A1', 10), schoolClass('102', '10A2', 10)] },
};

function fileInput(): HTMLInputElement {
  return screen.getByTestId('import-file').querySelector('input[type=file]') as HTMLInputElement;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('import with preview (SCH-3, SCH-1)', () => {
  it('SCH-3: shows every row problem the server reports, offers the CSV report and keeps "Nhập" disabled', async () => {
    const sent = mockRoutes({ ...base, 'POST /api/v1/schools/2/students/import/preview': broken });
    renderApp('/nhap-du-lieu');
    await screen.findByText('2026-2027', {}, WAIT);
    await userEvent.upload(fileInput(), xlsx());
    const status = await screen.findByTestId('import-status', {}, WAIT);
    expect(status.textContent).toContain('Có 3 lỗi ở 2 trên 4 dòng');
    expect(screen.getByTestId('header-row').textContent).toBe('3');
    expect(screen.getByTestId('column-mapping').textContent).toContain('B (Mã học sinh) → Mã học sinh');
    const rows = within(screen.getByTestId('import-problems')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Học sinh4D (Ngày sinh)ngày không hợp lệ (cần dd/mm/yyyy): 30/02/2014',
      'Học sinh5B (Mã học sinh)mã học sinh trùng với dòng 4',
      'Học sinh5H (Lớp)không có lớp 6Z9 trong năm học 2026-2027',
    ]);
    expect(screen.getByRole('button', { name: 'Nhập' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('button', { name: /Tải báo cáo lỗi/ })).toBeTruthy();

    const upload = sent.find((r) => r.method === 'POST')!;
    expect(upload.path).toBe('/api/v1/schools/2/students/import/preview');
    expect(upload.query.get('year')).toBe('2026-2027');
    expect(upload.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(upload.body).toBeInstanceOf(Blob);
    expect(sent.some((r) => r.path.endsWith('/commit'))).toBe(false);
  }, 150_000);

  it('SCH-3: a clean preview enables "Nhập"; the commit shows what was created', async () => {
    const sent = mockRoutes({
      ...base,
      'POST /api/v1/schools/2/students/import/preview': good,
      'POST /api/v1/schools/2/students/import/commit': () =>
        jsonResponse(
          {
            ...good,
            committed: true,
            created: [
              { id: '51', code: '6801009001', full_name: 'Đặng Thị Ánh', class_name: '10A1' },
              { id: '52', code: '6801009002', full_name: 'Lê Văn Ân', class_name: '10A1' },
            ],
          },
          201,
        ),
    });
    renderApp('/nhap-du-lieu');
    await screen.findByText('2026-2027', {}, WAIT);
    await userEvent.upload(fileInput(), xlsx());
    expect((await screen.findByTestId('import-status', {}, WAIT)).textContent).toContain('Tệp hợp lệ: 4 dòng');
    const commit = screen.getByRole('button', { name: 'Nhập' });
    await waitFor(() => expect(commit.hasAttribute('disabled')).toBe(false));
    fireEvent.click(commit);
    expect(await screen.findByText('Đã nhập 2 học sinh', {}, WAIT)).toBeTruthy();
    const created = within(screen.getByTestId('import-created')).getAllByRole('row').slice(1);
    expect(created.map((r) => r.textContent)).toEqual(['6801009001Đặng Thị Ánh10A1', '6801009002Lê Văn Ân10A1']);
    expect(sent.filter((r) => r.path.endsWith('/commit'))).toHaveLength(1);
  }, 150_000);

  it('SCH-3: a commit refused because the school changed since the preview shows the new problems', async () => {
    mockRoutes({
      ...base,
      'POST /api/v1/schools/2/students/import/preview': good,
      'POST /api/v1/schools/2/students/import/commit': () =>
        jsonResponse(
          {
            ...good,
            ok: false,
            problems: [
              {
                sheet: 'Học sinh',
                row: 4,
                column: 'B',
                header: 'Mã học sinh',
                message: 'mã học sinh đã có trong trường',
              },
            ],
          },
          422,
        ),
    });
    renderApp('/nhap-du-lieu');
    await screen.findByText('2026-2027', {}, WAIT);
    await userEvent.upload(fileInput(), xlsx());
    const commit = await screen.findByRole('button', { name: 'Nhập' }, WAIT);
    await waitFor(() => expect(commit.hasAttribute('disabled')).toBe(false));
    fireEvent.click(commit);
    expect(await screen.findByText('mã học sinh đã có trong trường', {}, WAIT)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Nhập' }).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByText(/Đã nhập/)).toBeNull();
  }, 150_000);

  it("SCH-3: a refused file (no header row) shows the server's Vietnamese reason; other file types are refused", async () => {
    mockRoutes({
      ...base,
      'POST /api/v1/schools/2/students/import/preview': () =>
        problem(422, 'request.validation', 'Dữ liệu không hợp lệ', 'không tìm thấy dòng tiêu đề'),
    });
    renderApp('/nhap-du-lieu');
    await screen.findByText('2026-2027', {}, WAIT);
    await userEvent.upload(fileInput(), new File(['a,b\n1,2\n'], 'sai.csv', { type: 'text/csv' }));
    expect((await screen.findByTestId('import-error', {}, WAIT)).textContent).toContain(
      'Dữ liệu không hợp lệ: không tìm thấy dòng tiêu đề',
    );
    expect(screen.queryByRole('button', { name: 'Nhập' })).toBeNull();
    fireEvent.change(fileInput(), { target: { files: [new File(['x'], 'anh.png', { type: 'image/png' })] } });
    expect(await screen.findByText('Chỉ nhận tệp Excel (.xlsx) hoặc .csv.', {}, WAIT)).toBeTruthy();
  }, 150_000);

  it('SCH-1: staff import shows each new account and its one-time password', async () => {
    const sent = mockRoutes({
      ...base,
      'POST /api/v1/schools/2/staff/import/preview': {
        ...good,
        columns: [{ column: 'B (Họ và tên)', field: 'full_name' }],
      },
      'POST /api/v1/schools/2/staff/import/commit': () =>
        jsonResponse(
          {
            ...good,
            committed: true,
            created: [
              { id: '7', full_name: 'Trần Thị Thu Hiền', username: 'hienttt.thptchuvanan', password: 'Abc-123-xyz' },
            ],
          },
          201,
        ),
    });
    renderApp('/nhap-du-lieu');
    await screen.findByText('2026-2027', {}, WAIT);
    fireEvent.click(screen.getByText('Danh sách cán bộ, giáo viên'));
    await userEvent.upload(fileInput(), new File(['x'], 'giao-vien.csv', { type: 'text/csv' }));
    const commit = await screen.findByRole('button', { name: 'Nhập' }, WAIT);
    await waitFor(() => expect(commit.hasAttribute('disabled')).toBe(false));
    fireEvent.click(commit);
    expect(await screen.findByText('Đã nhập 1 cán bộ, giáo viên', {}, WAIT)).toBeTruthy();
    expect(screen.getByText('hienttt.thptchuvanan')).toBeTruthy();
    expect(screen.getByText('Abc-123-xyz')).toBeTruthy();
    const staffUpload = sent.find((r) => r.path.endsWith('/staff/import/preview'))!;
    expect(staffUpload.contentType).toBe('text/csv');
    expect([...staffUpload.query.keys()]).toEqual([]);
  }, 150_000);
});

describe('the error report', () => {
  it('SCH-3: is CSV with a BOM, one line per problem, quoting and neutralising formula-looking cells', () => {
    const csv = problemsCsv([
      ...broken.problems,
      { sheet: 'CSV', row: 6, column: 'C', header: 'Họ và tên', message: '=cmd, "lạ"' },
    ]);
    expect(csv.startsWith('\uFEFFTrang tính,Dòng,Cột,Tiêu đề cột,Lỗi\r\n')).toBe(true);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe('Học sinh,4,D,Ngày sinh,ngày không hợp lệ (cần dd/mm/yyyy): 30/02/2014');
    expect(lines[4]).toBe('CSV,6,C,Họ và tên,"\'=cmd, ""lạ"""');
    expect(rowsWithProblems(broken.problems)).toBe(2);
  });
});
