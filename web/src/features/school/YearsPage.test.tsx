import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp } from '../../test/render';
import { nextYearName } from './YearsPage';
import { mockRoutes, problem, schoolAdmin, schoolClass, year2026 } from './testApi';

const WAIT = { timeout: 30_000 };

afterEach(() => {
  vi.restoreAllMocks();
});

const preview = {
  to_year_id: '4',
  to_year: '2027-2028',
  promoted: 58,
  retained: 2,
  graduated: 60,
  classes_created: ['10A1', '11A1', '12A1'],
  class_sizes: { '11A1': 29, '12A1': 30, '10A1': 1 },
  applied: false,
};

const routes = {
  '/api/v1/me': schoolAdmin,
  '/api/v1/schools/2/years': { items: [year2026] },
  '/api/v1/schools/2/classes': {
    items: [
      schoolClass('101', '10A1', 10, { student_count: 30 }),
      schoolClass('102', '10A2', 10, { student_count: 28 }),
      schoolClass('111', '11A1', 11, { student_count: 31 }),
    ],
  },
};

describe('school years (SCH-14) and carry-over (SCH-7)', () => {
  it('SCH-14: names the next year', () => {
    expect(nextYearName('2026-2027')).toBe('2027-2028');
    expect(nextYearName('2099-2100')).toBe('2100-2101');
  });

  it('SCH-14: lists years with semesters and classes by grade; creates a year copying the last one', async () => {
    const sent = mockRoutes({
      ...routes,
      'POST /api/v1/schools/2/years': () => jsonResponse({ ...year2026, id: '4', name: '2027-2028' }, 201),
    });
    renderApp('/nam-hoc');
    await screen.findByText('05/09/2026 – 15/01/2027', {}, WAIT);
    await waitFor(() =>
      expect(
        within(screen.getByTestId('classes-by-grade'))
          .getAllByRole('row')
          .slice(1)
          .map((r) => r.textContent),
      ).toEqual(['1010A1 · 3010A2 · 2858', '1111A1 · 3131']),
    );
    expect((document.querySelector('#new-year_name') as HTMLInputElement).value).toBe('2027-2028');
    fireEvent.click(screen.getByRole('button', { name: 'Tạo năm học' }));
    await waitFor(() => expect(sent.some((r) => r.method === 'POST')).toBe(true), WAIT);
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ name: '2027-2028', copy_from: '3' });
  }, 150_000);

  it('SCH-7: shows the carry-over summary before it runs; "Kết chuyển" only after a preview', async () => {
    const sent = mockRoutes({
      ...routes,
      'POST /api/v1/years/3/carry-over': (r: { body: unknown }) =>
        (r.body as { dry_run: boolean }).dry_run ? preview : jsonResponse({ ...preview, applied: true }, 201),
    });
    renderApp('/nam-hoc');
    const run = await screen.findByRole('button', { name: 'Kết chuyển' }, WAIT);
    expect(run.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Xem trước' }));
    const summary = await screen.findByTestId('carry-over-summary', {}, WAIT);
    expect(summary.textContent).toContain('Lên lớp58');
    expect(summary.textContent).toContain('Ở lại lớp2');
    expect(summary.textContent).toContain('Tốt nghiệp / hoàn thành cấp học60');
    expect(
      within(screen.getByTestId('carry-over-classes'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['11A129', '12A130', '10A11']);
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { to_year: '2027-2028', dry_run: true },
    ]);
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Kết chuyển' }).hasAttribute('disabled')).toBe(false),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Kết chuyển' }));
    await waitFor(() => expect(document.querySelector('.ant-popover')).not.toBeNull(), WAIT);
    fireEvent.click(
      within(document.querySelector('.ant-popover') as HTMLElement).getByRole('button', { name: 'Kết chuyển' }),
    );
    expect(await screen.findByText('Đã kết chuyển sang năm học 2027-2028.', {}, WAIT)).toBeTruthy();
    expect(sent.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { to_year: '2027-2028', dry_run: true },
      { to_year: '2027-2028', dry_run: false },
    ]);
  }, 150_000);

  it("SCH-7: a refused carry-over (lists not approved) shows the server's reason and runs nothing", async () => {
    mockRoutes({
      ...routes,
      'POST /api/v1/years/3/carry-over': () =>
        problem(409, 'homeroom.not_approved', 'Danh sách cuối năm chưa được duyệt', 'lớp 10A2 chưa được duyệt'),
    });
    renderApp('/nam-hoc');
    fireEvent.click(await screen.findByRole('button', { name: 'Xem trước' }, WAIT));
    expect((await screen.findByTestId('carry-over-error', {}, WAIT)).textContent).toContain(
      'Danh sách cuối năm chưa được duyệt: lớp 10A2 chưa được duyệt',
    );
    expect(screen.getByRole('button', { name: 'Kết chuyển' }).hasAttribute('disabled')).toBe(true);
    expect(screen.queryByTestId('carry-over-summary')).toBeNull();
  }, 150_000);
});
