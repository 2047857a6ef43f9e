import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
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
  });

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
  });
});
