import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import { SummaryView } from './ClassSummaryPage';
import type { ClassSummary } from './homeroom';
import { qualityCodes } from './qualities';

const allGood = Object.fromEntries(qualityCodes.map((c) => [c, 'T']));

function row(id: string, name: string, extra: Partial<ClassSummary['items'][number]>): ClassSummary['items'][number] {
  return {
    student_id: id,
    student_code: `HS${id}`,
    full_name: name,
    subjects: { TOAN: 'HTT', DAODUC: 'HTT' },
    learning: 'Hoàn thành xuất sắc',
    conduct: '',
    absences: 0,
    outcome: 'promoted',
    award: 'Học sinh Xuất sắc',
    rank: 0,
    reassess_subjects: [],
    retained_for_absences: false,
    reassessment_blocked_by_conduct: false,
    after_summer: null,
    missing: [],
    explanation: [],
    tests: { TOAN: '9.0' },
    qualities: allGood,
    outstanding: false,
    ...extra,
  };
}

const summary: ClassSummary = {
  class_id: '401',
  class_name: '4A1',
  year: '2026-2027',
  regulation: 'tt27',
  period: 'year',
  subjects: [
    { code: 'TOAN', name: 'Toán', scored: true },
    { code: 'DAODUC', name: 'Đạo đức', scored: true },
  ],
  items: [
    row('1', 'Lê Thị An', {}),
    row('2', 'Trần Văn Bình', {
      subjects: { TOAN: 'HTT', DAODUC: 'CHT' },
      learning: 'Chưa hoàn thành',
      outcome: 'principal_decision',
      award: '',
      qualities: { ...allGood, trung_thuc: 'C' },
    }),
  ],
  counts: { learning: {}, conduct: {}, outcome: { promoted: 1, principal_decision: 1 }, award: {} },
};

afterEach(() => vi.restoreAllMocks());

describe('Tổng kết lớp of a primary (TT27) class', { timeout: 30_000 }, () => {
  it('shows levels with tests, ratings, completion and titles, and no conduct or rank', async () => {
    vi.spyOn(globalThis, 'fetch').mockImplementation(async () => jsonResponse(summary));
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    const router = createMemoryRouter([{ path: '/tong-ket', element: <SummaryView classId="401" /> }], {
      initialEntries: ['/tong-ket?ky=year'],
    });
    render(
      <QueryClientProvider client={client}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const table = await screen.findByTestId('class-summary');
    await within(table).findByText('Lê Thị An');
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toContain('PC, NL');
    expect(headers).toContain('Đánh giá');
    expect(headers).not.toContain('Rèn luyện');
    expect(headers).not.toContain('Hạng');
    expect(within(table).getAllByText('HTT · 9.0')).toHaveLength(2);
    expect(within(table).getByText('15 T')).toBeTruthy();
    expect(within(table).getByText('14 T · 1 C')).toBeTruthy();
    expect(screen.getByTestId('outcome-0').textContent).toBe('Hoàn thành chương trình lớp học');
    expect(screen.getByTestId('outcome-1').textContent).toBe('Chưa hoàn thành — Hiệu trưởng quyết định');
    const counts = screen.getByTestId('summary-counts').textContent ?? '';
    expect(counts).toContain('Hoàn thành chương trình lớp học 1');
    expect(counts).not.toContain('Rèn luyện');
  });
});
