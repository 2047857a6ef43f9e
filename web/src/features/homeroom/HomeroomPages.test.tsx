import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUser, renderApp } from '../../test/render';
import { mockRoutes, schoolClass } from '../school/testApi';
import type { YearClose, YearCloseItem } from './homeroom';
import { validSummerValue } from './SummerResultsPage';
import { mondayOf, weekLabel } from './WeeklyComments';

const WAIT = { timeout: 30_000 };

afterEach(() => {
  vi.restoreAllMocks();
});

const homeroomTeacher = demoUser([{ role: 'homeroom_teacher', class_id: '101' }]);

function comments(kind: string, period: string, subject: string, texts: Record<string, string>, mayEdit = true) {
  return {
    class_id: '101',
    kind,
    period,
    subject_code: subject,
    may_edit: mayEdit,
    items: [
      ['7', 'Nguyễn Văn An'],
      ['8', 'Trần Thị Bình'],
    ].map(([id, name]) => ({
      student_id: id,
      student_code: `HS${id}`,
      full_name: name,
      text: texts[id!] ?? '',
      author_name: texts[id!] ? 'Phạm Thị Thu Hà' : '',
      updated_at: '',
    })),
  };
}

describe('weeks of the weekly comments (GB-9)', { timeout: 120_000 }, () => {
  it('files a day under its Monday', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23'); // Thursday
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23'); // Sunday belongs to the week before
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(weekLabel('2026-12-28')).toBe('Tuần 28/12/2026 – 03/01/2027');
  });
});

describe('Nhận xét hằng tuần', { timeout: 120_000 }, () => {
  it("a subject teacher writes this week's comments of their subject and only the changed ones are sent", async () => {
    const monday = mondayOf(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10));
    const sent = mockRoutes({
      '/api/v1/me': demoUser([{ role: 'subject_teacher', class_id: '101', subject: 'toan' }]),
      '/api/v1/classes/101': schoolClass('101', '10A1', 10),
      'GET /api/v1/classes/101/comments': comments('week', monday, 'TOAN', { '8': 'Chăm chỉ' }),
      'PUT /api/v1/classes/101/comments': comments('week', monday, 'TOAN', {
        '7': 'Cần tập trung hơn',
        '8': 'Chăm chỉ',
      }),
    });
    renderApp('/nhan-xet-tuan');
    const an = await screen.findByLabelText(/Nhận xét môn TOAN, tuần .* về Nguyễn Văn An/, {}, WAIT);
    expect(screen.getByDisplayValue('Chăm chỉ')).toBeTruthy();
    expect(await screen.findByText('Lớp 10A1 · TOAN', {}, WAIT)).toBeTruthy();
    fireEvent.change(an, { target: { value: 'Cần tập trung hơn' } });
    await userEvent.click(screen.getByTestId('save-comments'));
    await screen.findByText(/Đã lưu lúc/, {}, WAIT);
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.query.get('kind')).toBe('week');
    expect(put.query.get('period')).toBe(monday);
    expect(put.query.get('subject_code')).toBe('TOAN');
    expect(put.body).toEqual({ items: [{ student_id: '7', text: 'Cần tập trung hơn' }] });
  });

  it('the homeroom teacher reads every subject teacher’s comments of the week in the class summary', async () => {
    mockRoutes({
      '/api/v1/me': homeroomTeacher,
      '/api/v1/classes/101': schoolClass('101', '10A1', 10),
      '/api/v1/classes/101/summary': {
        class_id: '101',
        class_name: '10A1',
        year: '2026-2027',
        regulation: 'tt22',
        period: 'hk1',
        subjects: [
          { code: 'TOAN', name: 'Toán', scored: true },
          { code: 'VAN', name: 'Ngữ văn', scored: true },
        ],
        items: [],
        counts: { learning: {}, conduct: {}, outcome: {}, award: {} },
      },
      '/api/v1/classes/101/comments': ({ query }: { query: URLSearchParams }) =>
        query.get('subject_code') === 'TOAN'
          ? comments('week', query.get('period')!, 'TOAN', { '8': 'Làm bài tập đầy đủ' }, false)
          : comments('week', query.get('period')!, 'VAN', { '7': 'Hay nói chuyện riêng', '8': 'Đọc tốt' }, false),
    });
    renderApp('/tong-ket-lop?xem=nhan-xet-tuan');
    const table = await screen.findByTestId('weekly-comments', {}, WAIT);
    await within(table).findByText('Đọc tốt', {}, WAIT);
    const rows = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
    // The class's order of students, then the subjects' order.
    expect(rows).toEqual([
      ['Nguyễn Văn An', 'Ngữ văn', 'Hay nói chuyện riêng', 'Phạm Thị Thu Hà'],
      ['Trần Thị Bình', 'Toán', 'Làm bài tập đầy đủ', 'Phạm Thị Thu Hà'],
      ['Trần Thị Bình', 'Ngữ văn', 'Đọc tốt', 'Phạm Thị Thu Hà'],
    ]);
  });
});

const reward = {
  id: '501',
  class_id: '101',
  student_id: '7',
  full_name: 'Nguyễn Văn An',
  kind: 'reward',
  date: '2026-11-20',
  title: 'Khen trước lớp',
  decision: '',
  note: 'Nhặt được của rơi trả lại',
  created_by_name: 'Ngô Văn Toàn',
  created_at: '2026-11-20T03:00:00Z',
};

describe('Khen thưởng, kỷ luật', { timeout: 120_000 }, () => {
  it('lists the records with the priority categories, adds one and removes one with a reason', async () => {
    let items = [reward];
    const sent = mockRoutes({
      '/api/v1/me': homeroomTeacher,
      '/api/v1/classes/101': schoolClass('101', '10A1', 10),
      'GET /api/v1/classes/101/student-records': () => ({
        class_id: '101',
        may_edit: true,
        items,
        students: [
          { student_id: '7', full_name: 'Nguyễn Văn An', priority: '', policy: '' },
          { student_id: '8', full_name: 'Trần Thị Bình', priority: 'Con thương binh', policy: 'Hộ nghèo' },
        ],
      }),
      'POST /api/v1/classes/101/student-records': ({ body }: { body: Record<string, string> }) => {
        const added = { ...reward, id: '502', ...body, full_name: 'Trần Thị Bình' };
        items = [...items, added];
        return added;
      },
      'DELETE /api/v1/student-records/501': () => {
        items = items.filter((r) => r.id !== '501');
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/tong-ket-lop?xem=khen-thuong');
    const table = await screen.findByTestId('records', {}, WAIT);
    await within(table).findByText('Khen trước lớp', {}, WAIT);
    expect(within(table).getByText('20/11/2026')).toBeTruthy();
    expect(within(table).getByText('Khen thưởng')).toBeTruthy();
    const categories = await screen.findByTestId('categories', {}, WAIT);
    expect(within(categories).getByText('Con thương binh')).toBeTruthy();
    expect(within(categories).queryByText('Nguyễn Văn An')).toBeNull();

    // Add: a discipline for Bình; a missing title is refused in Vietnamese before anything is sent.
    await userEvent.click(screen.getByTestId('add-record'));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    await userEvent.click(within(dialog).getByText('Kỷ luật'));
    await userEvent.click(within(dialog).getByRole('combobox', { name: 'Học sinh' }));
    await userEvent.click(await screen.findByTitle('Trần Thị Bình', {}, WAIT));
    await userEvent.click(within(dialog).getByRole('textbox', { name: 'Ngày' }));
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await userEvent.click(await screen.findByTitle(today, {}, WAIT));
    await userEvent.click(screen.getByTestId('save-record'));
    expect(await within(dialog).findByText('Nhập nội dung, ví dụ "Khen trước lớp"', {}, WAIT)).toBeTruthy();
    fireEvent.change(within(dialog).getByTestId('record-title'), { target: { value: 'Khiển trách' } });
    await userEvent.click(screen.getByTestId('save-record'));
    await within(table).findByText('Khiển trách', {}, WAIT);
    const post = sent.find((r) => r.method === 'POST')!;
    expect(post.body).toEqual({
      student_id: '8',
      kind: 'discipline',
      date: today,
      title: 'Khiển trách',
      decision: '',
      note: '',
    });

    // Remove the reward entered by mistake, with a reason.
    await userEvent.click(within(table).getByRole('button', { name: 'Xóa Khen trước lớp của Nguyễn Văn An' }));
    const confirm = await screen.findByRole('dialog', { name: /Xóa "Khen trước lớp"/ }, WAIT);
    fireEvent.change(within(confirm).getByRole('textbox', { name: 'Lý do xóa' }), {
      target: { value: 'Ghi nhầm học sinh' },
    });
    await userEvent.click(within(confirm).getByRole('button', { name: 'Xóa' }));
    await waitFor(() => expect(within(table).queryByText('Khen trước lớp')).toBeNull(), WAIT);
    expect(sent.find((r) => r.method === 'DELETE')!.body).toEqual({ reason: 'Ghi nhầm học sinh' });
  });
});

function item(id: string, name: string, extra: Partial<YearCloseItem> & Record<string, unknown>): YearCloseItem {
  return {
    student_id: id,
    student_code: `HS${id}`,
    full_name: name,
    learning: 'Đạt',
    conduct: 'Tốt',
    absences: 0,
    engine: { outcome: 'promoted', award: '', reassess_subjects: [] },
    proposed: { outcome: 'promoted', award: '', reassess_subjects: [] },
    override: null,
    final: { outcome: 'promoted', done: true, learning: '', conduct: '' },
    retained_for_absences: false,
    explanation: [],
    ...extra,
  };
}

function yearClose(items: YearCloseItem[], extra: Partial<YearClose> = {}): YearClose {
  return {
    class_id: '101',
    class_name: '10A1',
    year: '2026-2027',
    regulation: 'tt22',
    status: 'approved',
    version: 6,
    submitted_by_name: 'Ngô Văn Toàn',
    submitted_at: '2027-05-25T02:00:00Z',
    note: null,
    decided_by_name: 'Nguyễn Văn Toàn',
    decided_at: '2027-05-27T02:00:00Z',
    decision_note: null,
    locked: true,
    unconfirmed_sheets: [],
    may_propose: false,
    may_decide: false,
    totp_required: false,
    lists: { promoted: ['9'], retained: [], reassessment: ['7'], summer_training: ['8'], awards: {} },
    items,
    ...extra,
  };
}

const pending = [
  item('7', 'Nguyễn Văn An', {
    engine: { outcome: 'reassessment', award: '', reassess_subjects: ['TOAN', 'VAN'] },
    proposed: { outcome: 'reassessment', award: '', reassess_subjects: ['TOAN', 'VAN'] },
    final: { outcome: 'reassessment', done: false, learning: '', conduct: '' },
    summer: { reassessment: {}, conduct: null },
  }),
  item('8', 'Trần Thị Bình', {
    engine: { outcome: 'summer_training', award: '', reassess_subjects: [] },
    proposed: { outcome: 'summer_training', award: '', reassess_subjects: [] },
    final: { outcome: 'summer_training', done: false, learning: '', conduct: '' },
    summer: { reassessment: {}, conduct: null },
  }),
  item('9', 'Lê Văn Cường', {}),
];

describe('Kết quả rèn luyện, kiểm tra lại hè (A17)', { timeout: 120_000 }, () => {
  it('accepts scores 0–10 with one decimal, Đ and CĐ', () => {
    for (const ok of ['', '6', '6,5', '6.5', '10', 'Đ', 'CĐ']) expect(validSummerValue(ok)).toBe(true);
    for (const bad of ['11', '6,55', 'x', '-1', '10,5']) expect(validSummerValue(bad)).toBe(false);
  });

  it('waits for the approval of the lists', async () => {
    mockRoutes({
      '/api/v1/me': homeroomTeacher,
      '/api/v1/classes/101': schoolClass('101', '10A1', 10),
      '/api/v1/classes/101/year-close': yearClose(pending, { status: 'submitted', locked: false }),
    });
    renderApp('/ket-qua-he');
    expect(await screen.findByTestId('summer-not-approved', {}, WAIT)).toBeTruthy();
    expect(screen.queryByTestId('summer-results')).toBeNull();
  });

  it('sends the re-assessment scores and the summer conduct and shows the outcome the server computed', async () => {
    const sent = mockRoutes({
      '/api/v1/me': homeroomTeacher,
      '/api/v1/classes/101': schoolClass('101', '10A1', 10),
      '/api/v1/classes/101/year-close': yearClose(pending),
      'PUT /api/v1/classes/101/summer-results': yearClose([
        item('7', 'Nguyễn Văn An', {
          ...pending[0],
          final: { outcome: 'retained', done: true, learning: 'Chưa đạt', conduct: '' },
          summer: { reassessment: { TOAN: '6.5', VAN: '3.0' }, conduct: null },
        }),
        item('8', 'Trần Thị Bình', {
          ...pending[1],
          final: { outcome: 'promoted', done: true, learning: '', conduct: 'Đạt' },
          summer: { reassessment: {}, conduct: 'dat' },
        }),
        pending[2]!,
      ]),
    });
    renderApp('/ket-qua-he');
    const table = await screen.findByTestId('summer-results', {}, WAIT);
    // Only the students of the summer lists.
    expect(within(table).queryByText('Lê Văn Cường')).toBeNull();
    expect(within(table).getByTestId('final-7').textContent).toBe('Chờ kết quả hè');
    const toan = within(table).getByLabelText('Điểm kiểm tra lại TOAN của Nguyễn Văn An');
    fireEvent.change(toan, { target: { value: '11' } });
    expect(await screen.findByText('Có ô chưa hợp lệ', {}, WAIT)).toBeTruthy();
    expect(screen.getByTestId('save-summer').hasAttribute('disabled')).toBe(true);
    fireEvent.change(toan, { target: { value: '6,5' } });
    fireEvent.change(within(table).getByLabelText('Điểm kiểm tra lại VAN của Nguyễn Văn An'), {
      target: { value: '3' },
    });
    await userEvent.click(within(table).getByRole('combobox', { name: 'Kết quả rèn luyện hè của Trần Thị Bình' }));
    await userEvent.click(await screen.findByTitle('Đạt', {}, WAIT));
    await userEvent.click(screen.getByTestId('save-summer'));
    await waitFor(() => expect(within(table).getByTestId('final-7').textContent).toBe('Ở lại lớp'), WAIT);
    expect(within(table).getByTestId('final-8').textContent).toBe('Lên lớp');
    expect(within(table).getByDisplayValue('6,5')).toBeTruthy();
    const put = sent.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({
      items: [
        { student_id: '7', reassessment: { TOAN: '6,5', VAN: '3' } },
        { student_id: '8', conduct: 'dat' },
      ],
    });
  });
});

describe('Duyệt kết quả cuối năm: the school list (GB-4)', { timeout: 120_000 }, () => {
  it('asks once for the whole school and shows the classes waiting first, with their lists', async () => {
    const row = (id: string, name: string, status: string, extra: Record<string, unknown> = {}) => ({
      class_id: id,
      class_name: name,
      grade: 10,
      homeroom_name: 'Ngô Văn Toàn',
      student_count: 30,
      status,
      version: 3,
      lists: { promoted: 27, retained: 1, reassessment: 1, summer_training: 1 },
      final: { promoted: 27, retained: 1, pending: 2 },
      submitted_by_name: 'Ngô Văn Toàn',
      submitted_at: '2027-05-25T02:00:00Z',
      decided_by_name: '',
      decided_at: null,
      decision_note: '',
      ...extra,
    });
    const sent = mockRoutes({
      '/api/v1/me': demoUser([{ role: 'vice_principal' }]),
      '/api/v1/schools/2/year-close': {
        unit_id: '2',
        school_name: 'Trường THPT Chu Văn An',
        year_id: '3',
        year: '2026-2027',
        may_decide: true,
        items: [
          row('101', '10A1', 'approved', { decided_by_name: 'Nguyễn Văn Toàn', decided_at: '2027-05-27T02:00:00Z' }),
          row('102', '10A2', 'draft', { submitted_at: null, submitted_by_name: '' }),
          row('103', '10A3', 'submitted'),
        ],
      },
    });
    renderApp('/duyet-cuoi-nam');
    const table = await screen.findByTestId('year-close-classes', {}, WAIT);
    await within(table).findByText('10A3', {}, WAIT);
    expect(screen.getByTestId('waiting-count').textContent).toBe(
      'Năm học 2026-2027: 1 lớp đang chờ duyệt, đã duyệt 1/3 lớp',
    );
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelector('td')?.textContent)).toEqual(['10A3', '10A2', '10A1']);
    expect(rows[0]!.textContent).toContain('Chờ duyệt');
    expect(rows[0]!.textContent).toContain('27 / 1 / 1 / 1');
    expect(rows[2]!.textContent).toContain('Còn 2 em chờ kết quả hè');
    expect(rows[2]!.textContent).toContain('Nguyễn Văn Toàn');
    expect(within(rows[0]!).getByRole('link', { name: '10A3' }).getAttribute('href')).toBe('/duyet-cuoi-nam/103');
    // One request for the school, none per class.
    expect(sent.filter((r) => r.path.includes('year-close')).map((r) => r.path)).toEqual([
      '/api/v1/schools/2/year-close',
    ]);
  });
});

describe("Con của tôi: the child's homeroom records", { timeout: 120_000 }, () => {
  it('shows attendance totals, conduct, the teachers’ comments and rewards from the student’s homeroom view', async () => {
    mockRoutes({
      '/api/v1/me': demoUser([{ role: 'parent', student_id: '7' }]),
      '/api/v1/students/7': {
        id: '7',
        code: 'HS7',
        full_name: 'Nguyễn Văn An',
        family_name: 'Nguyễn',
        middle_name: 'Văn',
        given_name: 'An',
        birth_date: '2010-04-19',
        gender: 'male',
        status: 'studying',
        birthplace: 'Hà Nội',
        ethnicity: 'Kinh',
        class: { id: '101', name: '10A1', year_id: '3' },
      },
      '/api/v1/students/7/homeroom': {
        student_id: '7',
        full_name: 'Nguyễn Văn An',
        class_id: '101',
        class_name: '10A1',
        attendance: {
          totals: { excused: 2, unexcused: 1, late: 3, periods_absent: 0, absences: 3 },
          months: [{ month: '2026-11', excused: 2, unexcused: 1, late: 3 }],
          marks: [],
        },
        conduct: {
          hk1: { level: 'tot', level_name: 'Tốt', comment: 'Ngoan, lễ phép' },
          hk2: null,
          year: null,
          summer: null,
        },
        comments: [
          {
            kind: 'week',
            period: '2026-11-23',
            subject_code: 'TOAN',
            text: 'Làm bài đầy đủ',
            author_name: 'Phạm Thị Thu Hà',
          },
          { kind: 'month', period: '2026-11', subject_code: '', text: 'Tiến bộ', author_name: 'Ngô Văn Toàn' },
        ],
        records: [reward],
      },
    });
    renderApp('/con-cua-toi');
    const view = await screen.findByTestId('student-homeroom', {}, WAIT);
    const text = view.textContent ?? '';
    expect(text).toContain('Vắng có phép2');
    expect(text).toContain('Vắng không phép1');
    expect(text).toContain('Số buổi nghỉ cả năm3');
    expect(text).toContain('Tốt — Ngoan, lễ phép');
    expect(text).toContain('Học kì IIChưa đánh giá');
    const comments = within(view).getByTestId('student-comments');
    expect(within(comments).getByText('Làm bài đầy đủ')).toBeTruthy();
    expect(within(comments).getByText(/Tuần 23\/11\/2026 – 29\/11\/2026 · môn TOAN · Phạm Thị Thu Hà/)).toBeTruthy();
    expect(within(comments).getByText(/Tháng 11\/2026 · giáo viên chủ nhiệm · Ngô Văn Toàn/)).toBeTruthy();
    const records = within(view).getByTestId('student-records');
    expect(within(records).getByText('Khen trước lớp')).toBeTruthy();
    expect(within(records).getByText('20/11/2026')).toBeTruthy();
  });
});
