import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUser, renderApp } from '../../test/render';
import { mockRoutes, schoolClass } from '../school/testApi';
import type { ClassificationRates, ClassSummary, ReportCard } from './reports';

const WAIT = { timeout: 30_000 };
const principal = demoUser([{ role: 'principal' }]);

afterEach(() => {
  vi.restoreAllMocks();
});

const classRef = {
  id: '101',
  unit_id: '2',
  name: '10A1',
  grade: 10,
  year: '2026-2027',
  school_name: 'Trường THPT Chu Văn An',
  homeroom_name: 'Ngô Văn Toàn',
  regulation: 'tt22',
};

const distribution = (counts: number[], percent: string[], incomplete = 0) => ({
  counts,
  percent,
  assessed: counts.reduce((a, b) => a + b, 0),
  incomplete,
});

const rates: ClassificationRates = {
  unit_id: '2',
  school_name: 'Trường THPT Chu Văn An',
  year: '2026-2027',
  period: 'year',
  scored_levels: ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'],
  comment_levels: ['Đạt', 'Chưa đạt'],
  learning_levels: ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'],
  skipped_classes: ['4A1: tiểu học chưa có tỉ lệ'],
  subjects: [
    {
      code: 'TOAN',
      name: 'Toán',
      grade: 0,
      scored: true,
      distribution: distribution([1, 1, 0, 1], ['33.3', '33.3', '0.0', '33.3'], 2),
    },
    {
      code: 'GDTC',
      name: 'Giáo dục thể chất',
      grade: 0,
      scored: false,
      distribution: distribution([3, 0], ['100.0', '0.0']),
    },
    {
      code: 'TOAN',
      name: 'Toán',
      grade: 10,
      scored: true,
      distribution: distribution([1, 0, 0, 0], ['100.0', '0.0', '0.0', '0.0']),
    },
  ],
  grades: [
    {
      grade: 0,
      classes: 2,
      students: 5,
      learning: distribution([1, 2, 0, 0], ['33.3', '66.7', '0.0', '0.0'], 2),
      conduct: distribution([3, 0, 0, 0], ['100.0', '0.0', '0.0', '0.0']),
    },
  ],
};

function cells(row: HTMLElement): string[] {
  return [...row.querySelectorAll('td')].map((td) => (td.textContent ?? '').replace(/\s+/g, ' ').trim());
}

describe('Báo cáo (GB-5)', { timeout: 120_000 }, () => {
  it('shows the school rates by subject and by grade as the API gives them, with the Excel link of the view', async () => {
    const sent = mockRoutes({
      '/api/v1/me': principal,
      '/api/v1/reports/schools/2/classification-rates': rates,
    });
    renderApp('/bao-cao');
    const subjects = await screen.findByTestId('rates-subjects', {}, WAIT);
    await within(subjects).findByText('Giáo dục thể chất', {}, WAIT);
    const rows = within(subjects).getAllByRole('row').slice(1);
    // The whole school: Toán with its four levels, the comment subject in Đạt / Chưa đạt only.
    expect(rows.map(cells)).toEqual([
      ['Toán', '3', '1 (33.3%)', '1 (33.3%)', '0 (0.0%)', '1 (33.3%)', '2'],
      ['Giáo dục thể chất', '3', '', '', '3 (100.0%)', '0 (0.0%)', '0'],
    ]);
    expect(screen.getByText('Chưa tính: 4A1: tiểu học chưa có tỉ lệ')).toBeTruthy();
    const grades = screen.getByTestId('rates-grades');
    expect(cells(within(grades).getAllByRole('row').at(-1)!)).toEqual([
      'Toàn trường',
      '2',
      '5',
      '1 (33.3%)',
      '2 (66.7%)',
      '0 (0.0%)',
      '0 (0.0%)',
      '2',
      '3 (100.0%)',
      '0 (0.0%)',
      '0 (0.0%)',
      '0 (0.0%)',
    ]);
    expect(screen.getByTestId('xlsx-download').getAttribute('href')).toBe(
      '/api/v1/reports/schools/2/classification-rates?period=year&format=xlsx',
    );
    expect(sent.find((r) => r.path.endsWith('classification-rates'))!.query.get('period')).toBe('year');

    // Khối 10 shows that grade's rows only.
    await userEvent.click(screen.getByRole('combobox', { name: 'Khối' }));
    await userEvent.click(await screen.findByTitle('Khối 10', {}, WAIT));
    await waitFor(() => expect(within(subjects).queryByText('Giáo dục thể chất')).toBeNull(), WAIT);
    expect(cells(within(subjects).getAllByRole('row')[1]!)).toEqual([
      'Toán',
      '1',
      '1 (100.0%)',
      '0 (0.0%)',
      '0 (0.0%)',
      '0 (0.0%)',
      '0',
    ]);
  });

  it("shows a class's summary for the chosen class with the counts of each level", async () => {
    const summary: ClassSummary = {
      class: classRef,
      period: 'hk1',
      subjects: [
        { code: 'TOAN', name: 'Toán', scored: true, regular_labels: ['TX1'] },
        { code: 'GDTC', name: 'Giáo dục thể chất', scored: false, regular_labels: ['TX1'] },
      ],
      rows: [
        {
          student: { id: '7', code: 'HS7', full_name: 'Nguyễn Văn An', birth_date: '2010-04-19', gender: 'male' },
          averages: ['8.5', 'Đ'],
          standing: { learning: 'Tốt', conduct: 'Tốt', absences: 1, outcome: '', award: '', rank: null },
          explanation: [],
        },
        {
          student: { id: '8', code: 'HS8', full_name: 'Trần Thị Bình', birth_date: '2010-05-02', gender: 'female' },
          averages: ['', 'CĐ'],
          standing: { learning: 'incomplete', conduct: '', absences: null, outcome: '', award: '', rank: null },
          explanation: [],
        },
      ],
      levels: ['Tốt', 'Khá', 'Đạt', 'Chưa đạt'],
      learning_counts: [1, 0, 0, 0, 1],
      conduct_counts: [1, 0, 0, 0, 1],
      has_conduct: true,
    };
    const sent = mockRoutes({
      '/api/v1/me': principal,
      '/api/v1/schools/2/classes': { items: [schoolClass('101', '10A1', 10), schoolClass('102', '10A2', 10)] },
      '/api/v1/reports/classes/101/summary': summary,
    });
    renderApp('/bao-cao/tong-hop-lop');
    await userEvent.click(await screen.findByRole('combobox', { name: 'Lớp' }, WAIT));
    await userEvent.click(await screen.findByTitle('10A1', {}, WAIT));
    const table = await screen.findByTestId('class-summary', {}, WAIT);
    await within(table).findByText('Nguyễn Văn An', {}, WAIT);
    const rows = within(table).getAllByRole('row').slice(1).map(cells);
    expect(rows).toEqual([
      ['1', 'Nguyễn Văn An', '8.5', 'Đ', 'Tốt', 'Tốt', '1', ''],
      ['2', 'Trần Thị Bình', '—', 'CĐ', 'Chưa đủ điểm', '—', '—', ''],
    ]);
    const counts = screen.getByTestId('summary-counts');
    expect(cells(within(counts).getAllByRole('row')[1]!)).toEqual(['Tốt', '1', '1']);
    expect(cells(within(counts).getAllByRole('row')[5]!)).toEqual(['Chưa đủ dữ liệu', '1', '1']);
    expect(sent.find((r) => r.path.endsWith('/summary'))!.query.get('period')).toBe('hk1');
    expect(screen.getByTestId('xlsx-download').getAttribute('href')).toBe(
      '/api/v1/reports/classes/101/summary?period=hk1&format=xlsx',
    );
  });
});

describe('Phiếu báo điểm (GB-5)', { timeout: 120_000 }, () => {
  const card: ReportCard = {
    class: classRef,
    student: { id: '7', code: 'HS7', full_name: 'Nguyễn Văn An', birth_date: '2010-04-19', gender: 'male' },
    period: 'year',
    subjects: [
      { code: 'TOAN', name: 'Toán', hk1: '8.0', hk2: '9.0', year: '8.7' },
      { code: 'GDTC', name: 'Giáo dục thể chất', hk1: 'Đ', hk2: 'Đ', year: 'Đ' },
    ],
    standing: { learning: 'Tốt', conduct: 'Tốt', absences: 2, outcome: 'promoted', award: 'Học sinh Giỏi', rank: 3 },
    homeroom_comment: 'Chăm ngoan, học tốt',
    explanation: ['Học tập Tốt: 6 môn từ 8,0 trở lên.'],
  };

  it("lays out a student's year card from the API: subjects by semester, standing, comment and explanation", async () => {
    const sent = mockRoutes({
      '/api/v1/me': demoUser([{ role: 'parent', student_id: '7' }]),
      '/api/v1/reports/students/7/report-card': card,
    });
    renderApp('/phieu-bao-diem/7?period=year');
    const page = await screen.findByTestId('report-card', {}, WAIT);
    expect(within(page).getByText('PHIẾU BÁO ĐIỂM CẢ NĂM — NĂM HỌC 2026-2027')).toBeTruthy();
    const subjects = within(page).getByTestId('report-card-subjects');
    expect(within(subjects).getAllByRole('row').slice(1).map(cells)).toEqual([
      ['1', 'Toán', '8.0', '9.0', '8.7'],
      ['2', 'Giáo dục thể chất', 'Đ', 'Đ', 'Đ'],
    ]);
    const text = page.textContent ?? '';
    expect(text).toContain('Kết quả cuối nămLên lớp');
    expect(text).toContain('Danh hiệuHọc sinh Giỏi');
    expect(text).toContain('Nhận xét của GVCNChăm ngoan, học tốt');
    expect(text).toContain('Ngày sinh19/04/2010');
    expect(within(page).getByText('Học tập Tốt: 6 môn từ 8,0 trở lên.')).toBeTruthy();
    expect(within(page).getByTestId('xlsx-download').getAttribute('href')).toBe(
      '/api/v1/reports/students/7/report-card?period=year&format=xlsx',
    );
    expect(sent.find((r) => r.path.endsWith('report-card'))!.query.get('period')).toBe('year');
  });

  it('shows one semester without the year outcome, and the server’s refusal in Vietnamese', async () => {
    mockRoutes({
      '/api/v1/me': principal,
      '/api/v1/reports/students/7/report-card': ({ query }: { query: URLSearchParams }) =>
        query.get('period') === 'hk1'
          ? { ...card, period: 'hk1' }
          : new Response(
              JSON.stringify({ type: 'about:blank', title: 'Không có quyền', status: 403, code: 'auth.forbidden' }),
              { status: 403, headers: { 'Content-Type': 'application/problem+json' } },
            ),
    });
    const { router } = renderApp('/phieu-bao-diem/7?period=hk1');
    const page = await screen.findByTestId('report-card', {}, WAIT);
    const subjects = within(page).getByTestId('report-card-subjects');
    expect(
      within(subjects)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['STT', 'Môn học', 'Học kỳ I']);
    expect(page.textContent).not.toContain('Kết quả cuối năm');
    await router.navigate('/phieu-bao-diem/7?period=year');
    expect(await screen.findByText(/Không có quyền/, {}, WAIT)).toBeTruthy();
  });

  it('lets the Sở choose a school below it and shows that school’s rates, keeping it in the address', async () => {
    const leader = {
      ...demoUser([{ role: 'authority_leader' }]),
      username: 'hunglv.sgddt',
      unit: { id: '1', name: 'Sở Giáo dục và Đào tạo tỉnh Đắk Nông (demo)', code: 'sgddt', kind: 'province' },
    };
    const school = (id: string, name: string) => ({
      id,
      parent_id: '1',
      kind: 'school',
      code: id,
      name,
      district_code: 'gianghia',
      levels: ['thpt'],
      status: 'active',
      totp_required: false,
    });
    const sent = mockRoutes({
      '/api/v1/me': leader,
      '/api/v1/units': { items: [school('2', 'Trường THPT Chu Văn An'), school('3', 'Trường THPT Trần Phú')] },
      '/api/v1/reports/schools/2/classification-rates': rates,
    });
    const { router } = renderApp('/bao-cao');
    expect(await screen.findByText('Chọn trường để xem báo cáo', {}, WAIT)).toBeTruthy();
    expect(sent.some((r) => r.path.includes('/reports/'))).toBe(false);
    await userEvent.click(screen.getByRole('combobox', { name: 'Trường' }));
    await userEvent.click(await screen.findByTitle('Trường THPT Chu Văn An', {}, WAIT));
    const subjects = await screen.findByTestId('rates-subjects', {}, WAIT);
    await within(subjects).findByText('Giáo dục thể chất', {}, WAIT);
    expect(sent.find((r) => r.path.endsWith('units'))!.query.get('kind')).toBe('school');
    expect(router.state.location.search).toBe('?truong=2');
    expect(screen.getByTestId('xlsx-download').getAttribute('href')).toBe(
      '/api/v1/reports/schools/2/classification-rates?period=year&format=xlsx',
    );
    // Another tab keeps the chosen school.
    await userEvent.click(screen.getByRole('tab', { name: 'Tổng hợp kết quả lớp' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/bao-cao/tong-hop-lop'), WAIT);
    expect(router.state.location.search).toBe('?truong=2');
  });
});
