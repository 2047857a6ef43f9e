import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUser, renderApp } from '../../test/render';
import { mockRoutes, problem, schoolClass, year2026, type SentRequest } from '../school/testApi';
import { itemLabel, nextDay, vietnamDay, type Correction, type ProgressRow } from './admin';

const WAIT = { timeout: 30_000 };
const principal = demoUser([{ role: 'principal' }]);

afterEach(() => {
  vi.restoreAllMocks();
});

function progressRow(extra: Partial<ProgressRow>): ProgressRow {
  return {
    class_id: '101',
    class_name: '10A1',
    subject_code: 'TOAN',
    subject_name: 'Toán',
    semester: 1,
    teacher_id: '31',
    teacher_name: 'Phạm Thị Thu Hà',
    required: 210,
    entered: 150,
    percent: 71,
    confirmed: false,
    late: false,
    kinds: [
      { item_kind: 'tx', required: 150, entered: 150, closes_at: '2026-10-31T17:00:00Z', late: false },
      { item_kind: 'gk', required: 30, entered: 0, closes_at: null, late: false },
      { item_kind: 'ck', required: 30, entered: 0, closes_at: null, late: false },
    ],
    by_month: [
      { month: '2026-09', entered: 60, cumulative: 60, percent: 28 },
      { month: '2026-10', entered: 90, cumulative: 150, percent: 71 },
    ],
    ...extra,
  };
}

const progress = {
  items: [
    progressRow({}),
    progressRow({
      subject_code: 'VAN',
      subject_name: 'Ngữ văn',
      teacher_name: 'Cao Thị Yến',
      entered: 20,
      percent: 9,
      late: true,
      kinds: [
        { item_kind: 'tx', required: 150, entered: 20, closes_at: '2026-10-31T17:00:00Z', late: true },
        { item_kind: 'gk', required: 30, entered: 0, closes_at: null, late: false },
        { item_kind: 'ck', required: 30, entered: 0, closes_at: null, late: false },
      ],
      by_month: [{ month: '2026-09', entered: 20, cumulative: 20, percent: 9 }],
    }),
    progressRow({ semester: 2, entered: 0, percent: 0, by_month: [], kinds: [] }),
  ],
};

function correction(id: string, status: Correction['status'], requested_at: string): Correction {
  return {
    id,
    class_id: '101',
    class_name: '10A1',
    subject_code: 'TOAN',
    subject_name: 'Toán',
    semester: 1,
    student_id: '9001',
    student_name: id === '71' ? 'Nguyễn Hoàng Nam' : 'Lê Thị Bình',
    item: 'tx2',
    old_value: '6.0',
    new_value: '7.5',
    reason: 'chấm nhầm bài',
    status,
    requested_by_name: 'Phạm Thị Thu Hà',
    requested_at,
    decided_by_name: status === 'pending' ? '' : 'Nguyễn Văn Toàn',
    decided_at: status === 'pending' ? null : '2026-11-03T02:00:00Z',
    decision_note: '',
    witnesses: [],
  };
}

const bodies = (sent: SentRequest[], method: string, path: string) =>
  sent.filter((r) => r.method === method && r.path === path).map((r) => r.body);

describe('principal board gradebook pages', { timeout: 120_000 }, () => {
  it('helpers: Vietnam days, the day after, column labels', () => {
    expect(vietnamDay('2026-08-31T17:00:00Z')).toBe('2026-09-01');
    expect(vietnamDay('2026-11-01T17:00:00Z', true)).toBe('2026-11-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect([itemLabel('tx2'), itemLabel('ck'), itemLabel('gk_muc'), itemLabel('ck_kt')]).toEqual([
      'TX2',
      'CK',
      'Mức GK',
      'KT CK',
    ]);
  });

  it('Tiến độ nhập điểm highlights late rows and filters them (SCH-10)', async () => {
    mockRoutes({
      '/api/v1/me': principal,
      '/api/v1/schools/2/years': { items: [year2026] },
      '/api/v1/schools/2/gradebook-progress': progress,
    });
    renderApp('/tien-do-nhap-diem');
    const table = await screen.findByTestId('progress');
    await within(table).findByText('Cao Thị Yến', {}, WAIT);
    expect(screen.getByTestId('late-count').textContent).toBe('1 môn chậm tiến độ');
    const rows = table.querySelectorAll('tbody tr.ant-table-row');
    expect(rows).toHaveLength(2);
    const late = [...rows].filter((r) => r.classList.contains('gradebook-admin-late'));
    expect(late).toHaveLength(1);
    expect(late[0]!.textContent).toContain('Ngữ văn');
    expect(late[0]!.textContent).toContain('Chậm tiến độ');
    expect(late[0]!.textContent).toContain('TX 20/150 · hạn 31/10/2026 · quá hạn');
    expect(rows[0]!.textContent).toContain('10/2026: +90 → 71%');

    fireEvent.click(screen.getByTestId('late-only'));
    await waitFor(() => expect(table.querySelectorAll('tbody tr.ant-table-row')).toHaveLength(1));
    expect(within(table).queryByText('Phạm Thị Thu Hà')).toBeNull();
  });

  it('Thời hạn nhập điểm validates the days in Vietnamese and sets a window to the end of its last day', async () => {
    const sent = mockRoutes({
      '/api/v1/me': principal,
      '/api/v1/schools/2/years': { items: [year2026] },
      '/api/v1/schools/2/entry-windows': {
        items: [
          {
            year_id: '3',
            semester: 1,
            item_kind: 'tx',
            opens_at: '2026-09-04T17:00:00Z',
            closes_at: '2026-11-01T17:00:00Z',
          },
        ],
      },
      'PUT /api/v1/schools/2/entry-windows': (r: SentRequest) => r.body,
    });
    renderApp('/thoi-han-nhap-diem');
    const table = await screen.findByTestId('entry-windows');
    await within(table).findByText('05/09/2026', {}, WAIT);
    expect(within(table).getByText('01/11/2026')).toBeTruthy();
    expect(within(table).getAllByText('Không giới hạn')).toHaveLength(5);

    fireEvent.click(screen.getByTestId('edit-window-1-ck'));
    const opens = await screen.findByTestId('window-opens');
    fireEvent.change(opens, { target: { value: '2027-01-10' } });
    fireEvent.change(screen.getByTestId('window-closes'), { target: { value: '2027-01-05' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thời hạn' }));
    await screen.findByText('Ngày cuối không được trước ngày mở', {}, WAIT);
    expect(bodies(sent, 'PUT', '/api/v1/schools/2/entry-windows')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('window-closes'), { target: { value: '2027-01-14' } });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu thời hạn' }));
    await waitFor(() => expect(bodies(sent, 'PUT', '/api/v1/schools/2/entry-windows')).toHaveLength(1));
    expect(bodies(sent, 'PUT', '/api/v1/schools/2/entry-windows')[0]).toEqual({
      year_id: '3',
      semester: 1,
      item_kind: 'ck',
      opens_at: '2027-01-10',
      closes_at: '2027-01-15',
    });
  });

  it('Khóa sổ điểm locks a subject with the reason and shows the book lock of the year', async () => {
    let locks = [
      {
        class_id: '101',
        subject_code: '*',
        semester: 0,
        locked_by: '1',
        locked_at: '2027-06-01T02:00:00Z',
        reason: '',
      },
    ];
    const sent = mockRoutes({
      '/api/v1/me': principal,
      '/api/v1/schools/2/years': { items: [year2026] },
      '/api/v1/schools/2/classes': { items: [schoolClass('101', '10A1', 10)] },
      '/api/v1/schools/2/gradebook-progress': progress,
      '/api/v1/classes/101/score-locks': () => ({ items: locks }),
      'PUT /api/v1/classes/101/score-locks': (r: SentRequest) => {
        const body = r.body as { subject_code: string; semester: number; reason?: string };
        locks = [
          ...locks,
          { ...locks[0]!, subject_code: body.subject_code, semester: body.semester, reason: body.reason ?? '' },
        ];
        return { items: locks };
      },
    });
    renderApp('/khoa-so-diem');
    const subjects = await screen.findByTestId('subject-locks');
    await within(subjects).findByText('Ngữ văn', {}, WAIT);
    await waitFor(() => expect(screen.getByTestId('lock-*-0').getAttribute('aria-checked')).toBe('true'));
    expect(screen.getByTestId('lock-*-1').getAttribute('aria-checked')).toBe('false');
    expect(screen.getByTestId('lock-TOAN-2').getAttribute('aria-checked')).toBe('false');

    fireEvent.change(screen.getByTestId('lock-reason'), { target: { value: 'Đã xong học kì II' } });
    fireEvent.click(screen.getByTestId('lock-TOAN-2'));
    await waitFor(() => expect(screen.getByTestId('lock-TOAN-2').getAttribute('aria-checked')).toBe('true'));
    expect(bodies(sent, 'PUT', '/api/v1/classes/101/score-locks')).toEqual([
      { subject_code: 'TOAN', semester: 2, locked: true, reason: 'Đã xong học kì II' },
    ]);
    expect(within(subjects).getByText(/Đã xong học kì II/)).toBeTruthy();
  });

  it('Duyệt sửa điểm lists pending requests first and asks for the TOTP code when the server wants a step-up', async () => {
    let items = [
      correction('70', 'approved', '2026-11-02T02:00:00Z'),
      correction('71', 'pending', '2026-11-01T02:00:00Z'),
    ];
    const sent = mockRoutes({
      '/api/v1/me': principal,
      '/api/v1/schools/2/corrections': () => ({ items }),
      'POST /api/v1/corrections/71/decision': (r: SentRequest) => {
        const body = r.body as { totp?: string };
        if (!body.totp) return problem(403, 'auth.step_up_required', 'Cần xác thực thêm');
        if (body.totp !== '123456') return problem(401, 'auth.totp_invalid', 'Mã không đúng');
        items = items.map((c) => (c.id === '71' ? { ...c, status: 'approved' as const } : c));
        return items[1];
      },
    });
    renderApp('/duyet-sua-diem');
    const table = await screen.findByTestId('corrections');
    await within(table).findByText('Nguyễn Hoàng Nam', {}, WAIT);
    expect(screen.getByTestId('pending-count').textContent).toBe('1 yêu cầu đang chờ duyệt');
    expect(within(table).queryByText('Lê Thị Bình')).toBeNull(); // decided: only under "Tất cả"
    fireEvent.click(screen.getByText('Tất cả'));
    await within(table).findByText('Lê Thị Bình');
    const rows = table.querySelectorAll('tbody tr.ant-table-row');
    expect(rows[0]!.textContent).toContain('Nguyễn Hoàng Nam'); // pending first, though older
    expect(rows[0]!.textContent).toContain('6.0 → 7.5');
    expect(rows[0]!.textContent).toContain('TX2');
    expect(rows[0]!.textContent).toContain('10A1 · Toán · Học kì I');
    expect(rows[0]!.textContent).toContain('chấm nhầm bài');
    expect(rows[0]!.textContent).toContain('Phạm Thị Thu Hà');

    fireEvent.click(screen.getByTestId('approve-71'));
    expect(screen.queryByTestId('correction-totp')).toBeNull();
    fireEvent.click(await screen.findByTestId('confirm-correction'));
    const code = await screen.findByTestId('correction-totp', {}, WAIT);
    expect(screen.getByTestId('correction-error').textContent).toContain('Nhập mã 6 số');
    await userEvent.type(code, '111111');
    fireEvent.click(screen.getByTestId('confirm-correction'));
    await waitFor(() => expect(screen.getByTestId('correction-error').textContent).toContain('không đúng'), WAIT);
    await userEvent.type(screen.getByTestId('correction-totp'), '123456');
    fireEvent.click(screen.getByTestId('confirm-correction'));
    await waitFor(() => expect(screen.getByTestId('pending-count').textContent).toContain('Không có yêu cầu'), WAIT);
    expect(bodies(sent, 'POST', '/api/v1/corrections/71/decision')).toEqual([
      { decision: 'approve' },
      { decision: 'approve', totp: '111111' },
      { decision: 'approve', totp: '123456' },
    ]);
  });

  it('Duyệt sửa điểm will not reject without a reason', async () => {
    const sent = mockRoutes({
      '/api/v1/me': principal,
      '/api/v1/schools/2/corrections': { items: [correction('71', 'pending', '2026-11-01T02:00:00Z')] },
      'POST /api/v1/corrections/71/decision': (r: SentRequest) => ({
        ...correction('71', 'rejected', ''),
        ...(r.body as object),
      }),
    });
    renderApp('/duyet-sua-diem');
    fireEvent.click(await screen.findByTestId('reject-71', {}, WAIT));
    fireEvent.click(await screen.findByTestId('confirm-correction'));
    await screen.findByText('Nhập lý do từ chối', {}, WAIT);
    expect(bodies(sent, 'POST', '/api/v1/corrections/71/decision')).toHaveLength(0);
    fireEvent.change(screen.getByTestId('correction-note'), { target: { value: 'Không có biên bản chấm lại' } });
    fireEvent.click(screen.getByTestId('confirm-correction'));
    await waitFor(() => expect(bodies(sent, 'POST', '/api/v1/corrections/71/decision')).toHaveLength(1), WAIT);
    expect(bodies(sent, 'POST', '/api/v1/corrections/71/decision')[0]).toEqual({
      decision: 'reject',
      note: 'Không có biên bản chấm lại',
    });
  });
});
