import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import { QualitiesTable } from './QualitiesPanel';
import { qualityChanges, qualityCodes, ratingCounts, type QualitySheet } from './qualities';

function sheet(extra: Partial<QualitySheet> = {}): QualitySheet {
  return {
    class_id: '401',
    class_name: '4A1',
    semester: 2,
    version: 7,
    may_edit: true,
    locked: false,
    item_codes: qualityCodes,
    items: [
      {
        student_id: '11',
        student_code: 'HS11',
        full_name: 'Lê Thị An',
        gk: {},
        ck: { yeu_nuoc: 'Đ' },
        outstanding: false,
      },
      { student_id: '12', student_code: 'HS12', full_name: 'Trần Văn Bình', gk: {}, ck: {}, outstanding: false },
    ],
    ...extra,
  };
}

function renderTable(data: QualitySheet) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <QualitiesTable sheet={data} />
    </QueryClientProvider>,
  );
}

const problem = (status: number, code: string, title: string) =>
  jsonResponse({ type: 'about:blank', title, status, code }, status, 'application/problem+json');

afterEach(() => vi.restoreAllMocks());

describe('TT27 ratings (phẩm chất, năng lực)', { timeout: 30_000 }, () => {
  it('counts a student’s ratings and names what is missing', () => {
    expect(ratingCounts(Object.fromEntries(qualityCodes.map((c) => [c, 'T'])))).toBe('15 T');
    expect(ratingCounts({ yeu_nuoc: 'Đ', nhan_ai: 'C', cham_chi: 'T' })).toBe('1 T · 1 Đ · 1 C · thiếu 12');
    expect(qualityCodes).toHaveLength(15);
  });

  it('sends only what changed, with the recognition’s note', () => {
    const changes = qualityChanges(sheet(), {
      'ck/11/yeu_nuoc': { rating: 'Đ' }, // unchanged
      'ck/11/nhan_ai': { rating: 'T' },
      'ck/12/tieu_bieu': { rating: 'x', note: '  Giải nhất vẽ tranh ' },
      'gk/12/the_chat': { rating: '' }, // unchanged (empty)
    });
    expect(changes).toEqual([
      { student_id: '11', point: 'ck', item: 'nhan_ai', rating: 'T' },
      { student_id: '12', point: 'ck', item: 'tieu_bieu', rating: 'x', note: 'Giải nhất vẽ tranh' },
    ]);
  });

  it('fills the empty cells with Tốt, keeps the entered Đạt, and saves the batch on the read version', async () => {
    const bodies: { base_version: number; changes: { student_id: string; item: string; rating: string }[] }[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
      const body = JSON.parse(String(init?.body)) as (typeof bodies)[number];
      bodies.push(body);
      const ck = Object.fromEntries(qualityCodes.map((c) => [c, 'T']));
      return jsonResponse(
        sheet({
          version: 8,
          items: [
            { student_id: '11', student_code: 'HS11', full_name: 'Lê Thị An', gk: {}, ck: { ...ck, yeu_nuoc: 'Đ' } },
            { student_id: '12', student_code: 'HS12', full_name: 'Trần Văn Bình', gk: {}, ck: { ...ck, nhan_ai: 'C' } },
          ],
        }),
      );
    });
    renderTable(sheet());
    await userEvent.click(screen.getByRole('button', { name: 'Điền Tốt vào ô trống' }));
    fireEvent.change(screen.getByTestId('quality-12-nhan_ai'), { target: { value: 'C' } });
    expect(screen.getByTestId('qualities-state').textContent).toBe('Chưa lưu 29 ô');
    expect((screen.getByTestId('quality-11-yeu_nuoc') as HTMLSelectElement).value).toBe('Đ');
    await userEvent.click(screen.getByTestId('save-qualities'));
    await waitFor(() => expect(screen.getByTestId('qualities-state').textContent).toMatch(/^Đã lưu lúc/));
    expect(bodies).toHaveLength(1);
    expect(bodies[0]?.base_version).toBe(7);
    expect(bodies[0]?.changes).toHaveLength(29);
    expect(bodies[0]?.changes).toContainEqual({ student_id: '12', point: 'ck', item: 'nhan_ai', rating: 'C' });
    expect(bodies[0]?.changes.some((c) => c.student_id === '11' && c.item === 'yeu_nuoc')).toBe(false);
    expect((screen.getByTestId('quality-12-nhan_ai') as HTMLSelectElement).value).toBe('C');
  });

  it('on a conflict takes the other person’s rating and keeps the rest of the drafts', async () => {
    const calls: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
      calls.push(init?.method ?? 'GET');
      if (init?.method === 'PUT') return problem(409, 'homeroom.conflict', 'Xung đột');
      return jsonResponse(
        sheet({
          version: 9,
          items: [
            { student_id: '11', student_code: 'HS11', full_name: 'Lê Thị An', gk: {}, ck: { yeu_nuoc: 'C' } },
            { student_id: '12', student_code: 'HS12', full_name: 'Trần Văn Bình', gk: {}, ck: {} },
          ],
        }),
      );
    });
    renderTable(sheet());
    fireEvent.change(screen.getByTestId('quality-11-yeu_nuoc'), { target: { value: 'T' } });
    fireEvent.change(screen.getByTestId('quality-12-tham_mi'), { target: { value: 'T' } });
    await userEvent.click(screen.getByTestId('save-qualities'));
    await screen.findByText(/Người khác đã lưu phẩm chất, năng lực.*Lê Thị An/);
    expect(calls).toEqual(['PUT', 'GET']);
    expect((screen.getByTestId('quality-11-yeu_nuoc') as HTMLSelectElement).value).toBe('C');
    expect((screen.getByTestId('quality-12-tham_mi') as HTMLSelectElement).value).toBe('T');
    expect(screen.getByTestId('qualities-state').textContent).toBe('Chưa lưu 1 ô');
  });

  it('is read-only once the lists are submitted', () => {
    renderTable(sheet({ locked: true }));
    expect((screen.getByTestId('quality-11-yeu_nuoc') as HTMLSelectElement).disabled).toBe(true);
    expect(screen.getByText('Đã khóa sau khi gửi danh sách cuối năm')).toBeTruthy();
  });
});
