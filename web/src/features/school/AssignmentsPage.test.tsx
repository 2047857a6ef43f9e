import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoUser, jsonResponse, renderApp } from '../../test/render';
import { cellText, matrixSubjects } from './AssignmentsPage';
import { mockRoutes, schoolAdmin, schoolClass, year2026 } from './testApi';

const WAIT = { timeout: 30_000 };

afterEach(() => {
  vi.restoreAllMocks();
});

const assignment = (id: string, classId: string, subject: string, semester: number, staffId: string, name: string) => ({
  id,
  class_id: classId,
  class_name: classId === '101' ? '10A1' : '11A1',
  subject,
  semester,
  staff_id: staffId,
  staff_name: name,
});

const teaching = {
  items: [
    assignment('1', '101', 'TOAN', 1, '31', 'Phạm Thị Thu Hà'),
    assignment('2', '101', 'TOAN', 2, '31', 'Phạm Thị Thu Hà'),
    assignment('3', '111', 'TOAN', 1, '31', 'Phạm Thị Thu Hà'),
    assignment('4', '111', 'TOAN', 2, '32', 'Lê Văn Bình'),
  ],
};

const curriculum = {
  items: [
    { grade: 10, subject: 'TOAN', name: 'Toán', periods_per_year: 105, assessment: 'scored', kind: 'compulsory' },
    { grade: 10, subject: 'VAN', name: 'Ngữ văn', periods_per_year: 105, assessment: 'scored', kind: 'compulsory' },
    { grade: 11, subject: 'TOAN', name: 'Toán', periods_per_year: 105, assessment: 'scored', kind: 'compulsory' },
    { grade: 11, subject: 'CDTOAN', name: 'Chuyên đề Toán', periods_per_year: 35, assessment: 'scored', kind: 'topic' },
  ],
};

const staffMember = (id: string, full_name: string, subjects: string[]) => ({
  id,
  full_name,
  subjects,
  unit_id: '2',
  family_name: '',
  middle_name: '',
  given_name: '',
  birth_date: '',
  gender: 'female',
  ethnicity: 'Kinh',
  phone: '',
  email: '',
  position: 'Giáo viên',
  qualification: '',
  professional_rank: '',
  status: 'active',
  account_id: null,
  username: null,
});

const routes = {
  '/api/v1/me': schoolAdmin,
  '/api/v1/schools/2/years': { items: [year2026] },
  '/api/v1/schools/2/classes': {
    items: [
      schoolClass('101', '10A1', 10, { homeroom_name: 'Ngô Văn Toàn', homeroom_staff_id: '33' }),
      schoolClass('111', '11A1', 11),
    ],
  },
  '/api/v1/years/3/curriculum': curriculum,
  '/api/v1/schools/2/teaching': teaching,
  '/api/v1/schools/2/staff': {
    items: [
      staffMember('33', 'Ngô Văn Toàn', ['VAN']),
      staffMember('32', 'Lê Văn Bình', ['TOAN']),
      staffMember('31', 'Phạm Thị Thu Hà', ['TOAN', 'CDTOAN']),
    ],
  },
};

function matrixRows() {
  return within(screen.getByTestId('assignments-matrix'))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent));
}

describe('assignments matrix (SCH-9)', () => {
  it('SCH-9: folds semesters into one cell and lists subjects once', () => {
    expect(matrixSubjects(curriculum.items).map((s) => s.code)).toEqual(['TOAN', 'VAN', 'CDTOAN']);
    expect(cellText([teaching.items[0]!, teaching.items[1]!])).toBe('Phạm Thị Thu Hà');
    expect(cellText([teaching.items[2]!, teaching.items[3]!])).toBe('HK I: Phạm Thị Thu Hà, HK II: Lê Văn Bình');
    expect(cellText([])).toBe('');
  });

  it('SCH-9: shows classes × subjects with the homeroom teacher, blanks where the grade has no such subject', async () => {
    mockRoutes(routes);
    renderApp('/phan-cong');
    await screen.findByText('Ngô Văn Toàn', {}, WAIT);
    await waitFor(() =>
      expect(matrixRows()).toEqual([
        ['10A1', 'Ngô Văn Toàn', 'Phạm Thị Thu Hà', 'Chưa phân công', ''],
        ['11A1', 'Chưa phân công', 'HK I: Phạm Thị Thu Hà, HK II: Lê Văn Bình', '', 'Chưa phân công'],
      ]),
    );
    expect(screen.getByTestId('assignments-missing').textContent).toBe('Còn 2 ô chưa phân công');
  }, 150_000);

  it('SCH-9: assigns a teacher to a cell for both semesters, subject teachers offered first', async () => {
    const sent = mockRoutes({
      ...routes,
      'POST /api/v1/classes/101/teaching': () => jsonResponse({ items: [] }, 201),
    });
    renderApp('/phan-cong');
    await screen.findByText('Ngô Văn Toàn', {}, WAIT);
    const row = within(screen.getByTestId('assignments-matrix')).getAllByRole('row')[1]!;
    fireEvent.click(within(row).getByRole('button', { name: 'Chưa phân công' }));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    expect(within(dialog).getByText('Ngữ văn — lớp 10A1')).toBeTruthy();
    fireEvent.mouseDown(within(dialog).getByLabelText('Giáo viên'));
    await waitFor(() => expect(document.querySelectorAll('.ant-select-item-option').length).toBe(3), WAIT);
    expect([...document.querySelectorAll('.ant-select-item-option')].map((o) => o.getAttribute('title'))).toEqual([
      'Ngô Văn Toàn (VAN)',
      'Lê Văn Bình (TOAN)',
      'Phạm Thị Thu Hà (TOAN, CDTOAN)',
    ]);
    fireEvent.click(screen.getByTitle('Ngô Văn Toàn (VAN)'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true), WAIT);
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ subject: 'VAN', staff_id: '33', semesters: [1, 2] });
  }, 150_000);

  it("SCH-9: removes a cell's assignments and the homeroom teacher", async () => {
    const sent = mockRoutes({
      ...routes,
      'DELETE /api/v1/teaching-assignments/3': () => new Response(null, { status: 204 }),
      'DELETE /api/v1/teaching-assignments/4': () => new Response(null, { status: 204 }),
    });
    renderApp('/phan-cong');
    fireEvent.click(await screen.findByRole('button', { name: 'HK I: Phạm Thị Thu Hà, HK II: Lê Văn Bình' }, WAIT));
    const dialog = await screen.findByRole('dialog', {}, WAIT);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Bỏ phân công' }));
    await waitFor(
      () =>
        expect(sent.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
          '/api/v1/teaching-assignments/3',
          '/api/v1/teaching-assignments/4',
        ]),
      WAIT,
    );
  }, 150_000);

  it('SCH-9: the board reads the matrix without editing', async () => {
    mockRoutes({ ...routes, '/api/v1/me': demoUser([{ role: 'principal' }]) });
    renderApp('/phan-cong');
    await screen.findByText('Ngô Văn Toàn', {}, WAIT);
    await screen.findByText('Phạm Thị Thu Hà', {}, WAIT);
    expect(within(screen.getByTestId('assignments-matrix')).queryAllByRole('button')).toEqual([]);
  }, 150_000);
});
