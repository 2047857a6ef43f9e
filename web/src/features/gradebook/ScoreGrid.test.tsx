import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { configure, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ScoreGrid } from './ScoreGrid';
import type { Sheet } from './scores';

function sheet(version: number, tx1: { value: string; version: number; by: string } | null): Sheet {
  return {
    class_id: '101',
    class_name: '10A1',
    subject_code: 'TOAN',
    subject_name: 'Toán',
    semester: 1,
    regulation: 'tt22',
    scored: true,
    version,
    confirmed: false,
    locked: false,
    lock_reason: '',
    closed_items: [],
    may_edit: true,
    columns: [
      { item: 'tx1', kind: 'tx', label: 'TX1', topic: false },
      { item: 'gk', kind: 'gk', label: 'GK', topic: false },
      { item: 'ck', kind: 'ck', label: 'CK', topic: false },
    ],
    rows: [
      {
        student_id: '7',
        student_code: 'HS7',
        full_name: 'Nguyễn Văn An',
        exempt: false,
        cells: tx1
          ? {
              tx1: {
                value: tx1.value,
                status: 'entered',
                version: tx1.version,
                updated_by: tx1.by,
                updated_at: '2026-10-01T01:00:00Z',
              },
            }
          : {},
        average: '',
        missing: [],
        explanation: [],
      },
    ],
  };
}

function json(body: unknown, status = 200, type = 'application/json') {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': type } });
}

afterEach(() => vi.restoreAllMocks());

// A shared 2-core machine can be slow: wait for the grid's answers longer than the defaults.
configure({ asyncUtilTimeout: 10_000 });

describe('ScoreGrid', () => {
  it('shows the other person’s value when a save conflicts, and never overwrites it', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
      if (init?.method === 'PUT') {
        return json(
          { type: 'about:blank', title: 'Điểm đã được người khác thay đổi', status: 409, code: 'gradebook.conflict' },
          409,
          'application/problem+json',
        );
      }
      return json(sheet(1, { value: '6.0', version: 1, by: 'Nguyễn Văn Toàn' }));
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ScoreGrid sheet={sheet(0, null)} />
      </QueryClientProvider>,
    );
    const cell = screen.getByTestId('cell-0-tx1');
    await userEvent.type(cell, '9');
    // The live average needs every column; invalid input is marked as typed.
    expect(screen.getByTestId('save-state').textContent).toBe('Chưa lưu 1 ô');
    await userEvent.click(screen.getByTestId('save-scores'));
    const conflict = await screen.findByTestId('conflict');
    expect(conflict.textContent).toContain('Nguyễn Văn An, TX1: bạn nhập 9,0, Nguyễn Văn Toàn đã lưu 6,0');
    expect((screen.getByTestId('cell-0-tx1') as HTMLInputElement).value).toBe('6,0');
    expect(fetch).toHaveBeenCalledTimes(2);
  }, 30_000);

  it('GB-7: offers a correction request with a reason when the entry window is closed', async () => {
    const posts: unknown[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      if (init?.method === 'PUT') {
        return json(
          {
            type: 'about:blank',
            title: 'Đã hết thời hạn nhập điểm, cần yêu cầu điều chỉnh',
            status: 403,
            code: 'gradebook.window_closed',
          },
          403,
          'application/problem+json',
        );
      }
      if (init?.method === 'POST' && String(input) === '/api/v1/corrections') {
        posts.push(JSON.parse(String(init.body)));
        return json({ id: '1', status: 'pending' }, 201);
      }
      return json({ ...sheet(1, { value: '6.0', version: 1, by: 'Phạm Thị Thu Hà' }), closed_items: ['tx'] });
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ScoreGrid sheet={{ ...sheet(1, { value: '6.0', version: 1, by: 'Phạm Thị Thu Hà' }), closed_items: ['tx'] }} />
      </QueryClientProvider>,
    );
    const cell = screen.getByTestId('cell-0-tx1');
    await userEvent.clear(cell);
    await userEvent.type(cell, '8');
    await userEvent.click(screen.getByTestId('save-scores'));
    const cells = await screen.findByTestId('correction-cells');
    expect(cells.textContent).toContain('Nguyễn Văn An, TX1: 6,0 → 8,0');
    const send = screen.getByRole('button', { name: 'Gửi yêu cầu sửa điểm' });
    expect((send as HTMLButtonElement).disabled).toBe(true); // a reason is required
    await userEvent.type(screen.getByLabelText('Lý do sửa điểm'), 'chấm sót câu 3');
    await userEvent.click(send);
    expect((await screen.findByTestId('notice')).textContent).toContain('Đã gửi 1 yêu cầu sửa điểm');
    expect(posts).toEqual([
      {
        class_id: '101',
        subject_code: 'TOAN',
        semester: 1,
        student_id: '7',
        item: 'tx1',
        new_value: '8.0',
        reason: 'chấm sót câu 3',
      },
    ]);
    // Until the principal approves, the cell shows the saved value.
    expect((screen.getByTestId('cell-0-tx1') as HTMLInputElement).value).toBe('6,0');
  }, 30_000);

  it('GB-8: the teacher confirms the sheet', async () => {
    const calls: string[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
      calls.push(`${init?.method ?? 'GET'} ${String(input)}`);
      if (init?.method === 'POST') return json({ confirmed: true });
      return json({
        ...sheet(1, { value: '6.0', version: 1, by: 'Phạm Thị Thu Hà' }),
        confirmed: true,
        may_edit: false,
      });
    });
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ScoreGrid sheet={sheet(1, { value: '6.0', version: 1, by: 'Phạm Thị Thu Hà' })} />
      </QueryClientProvider>,
    );
    await userEvent.click(screen.getByTestId('confirm-sheet'));
    await userEvent.click(await screen.findByTestId('confirm-sheet-ok'));
    expect(await screen.findByText('Giáo viên đã xác nhận')).toBeTruthy();
    expect(calls[0]).toBe('POST /api/v1/classes/101/subjects/TOAN/confirmation?semester=1');
    expect(screen.queryByTestId('confirm-sheet')).toBeNull();
  }, 30_000);

  it('marks an invalid value and computes the average live', async () => {
    render(
      <QueryClientProvider client={new QueryClient()}>
        <ScoreGrid sheet={sheet(0, null)} />
      </QueryClientProvider>,
    );
    await userEvent.type(screen.getByTestId('cell-0-tx1'), '12');
    expect(screen.getByTestId('cell-0-tx1').getAttribute('aria-invalid')).toBe('true');
    expect((screen.getByTestId('save-scores') as HTMLButtonElement).disabled).toBe(true);
    await userEvent.clear(screen.getByTestId('cell-0-tx1'));
    await userEvent.type(screen.getByTestId('cell-0-tx1'), '8{Enter}');
    await userEvent.type(screen.getByTestId('cell-0-gk'), '7');
    await userEvent.type(screen.getByTestId('cell-0-ck'), '6,5');
    // (8 + 2×7 + 3×6,5) / 6 = 41,5 / 6 = 6,91… → 6,9
    expect(screen.getByTestId('avg-0').textContent).toBe('6,9');
  }, 30_000);
});
