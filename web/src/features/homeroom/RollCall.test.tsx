import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import type { Attendance, Mark } from './homeroom';
import { RollCall } from './RollCall';

function mark(status: Mark['status'], version: number, by: string): Mark {
  return {
    session: 'morning',
    period: 0,
    status,
    note: '',
    version,
    updated_by_name: by,
    updated_at: '2026-11-27T01:00:00Z',
  };
}

function day(version: number, marks: Record<string, Mark[]>, extra: Partial<Attendance> = {}): Attendance {
  return {
    class_id: '101',
    class_name: '10A1',
    date: '2026-11-27',
    main_session: 'morning',
    sessions: ['morning', 'afternoon'],
    version,
    may_edit: true,
    reason_required: false,
    students: [
      { student_id: '7', student_code: 'HS7', full_name: 'Nguyễn Văn An', marks: marks['7'] ?? [] },
      { student_id: '8', student_code: 'HS8', full_name: 'Trần Thị Bình', marks: marks['8'] ?? [] },
    ],
    ...extra,
  };
}

function renderRollCall(attendance: Attendance) {
  return render(
    <QueryClientProvider client={new QueryClient()}>
      <RollCall attendance={attendance} />
    </QueryClientProvider>,
  );
}

const problem = (status: number, code: string, title: string) =>
  jsonResponse({ type: 'about:blank', title, status, code }, status, 'application/problem+json');

afterEach(() => vi.restoreAllMocks());

describe('RollCall (GB-3)', { timeout: 30_000 }, () => {
  it('cycles a student present → P → K → muộn → present with one tap each, counting as it goes', async () => {
    renderRollCall(day(0, {}));
    const an = screen.getByTestId('student-0');
    const seen: (string | null)[] = [an.getAttribute('data-status')];
    for (let i = 0; i < 4; i += 1) {
      await userEvent.click(an);
      seen.push(an.getAttribute('data-status'));
    }
    expect(seen).toEqual(['present', 'excused', 'unexcused', 'late', 'present']);
    await userEvent.click(an);
    expect(an.getAttribute('aria-label')).toBe('Nguyễn Văn An: Vắng có phép');
    expect(screen.getByTestId('roll-call-counts').textContent).toBe('Có mặt 1 · P 1 · K 0 · Muộn 0');
  });

  it('saves only what changed, shows it saved, and saves the next change on the new version', async () => {
    const bodies: unknown[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
      bodies.push(JSON.parse(String(init?.body)));
      if (bodies.length === 1) return jsonResponse(day(1, { '7': [mark('unexcused', 1, 'Lê Văn Tám')] }));
      return jsonResponse(day(2, { '7': [mark('late', 2, 'Lê Văn Tám')] }));
    });
    renderRollCall(day(0, {}));
    expect(screen.getByTestId('save-state').textContent).toBe('Chưa điểm danh ngày này');
    await userEvent.click(screen.getByTestId('student-0'));
    await userEvent.click(screen.getByTestId('student-0'));
    expect(screen.getByTestId('save-state').textContent).toBe('Chưa lưu 1 thay đổi');
    await userEvent.click(screen.getByTestId('save-attendance'));
    await screen.findByText(/^Đã lưu lúc/);
    expect(bodies[0]).toEqual({
      base_version: 0,
      changes: [{ student_id: '7', session: 'morning', period: 0, status: 'unexcused' }],
    });
    expect(screen.getByTestId('student-0').getAttribute('data-status')).toBe('unexcused');
    expect((screen.getByTestId('save-attendance') as HTMLButtonElement).disabled).toBe(true);

    await userEvent.click(screen.getByTestId('student-0'));
    expect(screen.getByTestId('save-state').textContent).toBe('Chưa lưu 1 thay đổi');
    await userEvent.click(screen.getByTestId('save-attendance'));
    await screen.findByText(/^Đã lưu lúc/);
    expect(bodies[1]).toEqual({
      base_version: 1,
      changes: [{ student_id: '7', session: 'morning', period: 0, status: 'late' }],
    });
  });

  it('lets the first save of a day say the whole class is present', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockImplementation(async () => jsonResponse(day(1, {})));
    renderRollCall(day(0, {}));
    await userEvent.click(screen.getByTestId('save-attendance'));
    await screen.findByText(/^Đã lưu lúc/);
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({
      base_version: 0,
      changes: [
        { student_id: '7', session: 'morning', period: 0, status: 'present' },
        { student_id: '8', session: 'morning', period: 0, status: 'present' },
      ],
    });
    expect((screen.getByTestId('save-attendance') as HTMLButtonElement).disabled).toBe(true);
  });

  it('names the other person’s change when a save conflicts, and takes it instead of overwriting', async () => {
    const opened = day(1, { '7': [mark('present', 1, 'Lê Văn Tám')], '8': [mark('present', 1, 'Lê Văn Tám')] });
    const theirs = day(2, { '7': [mark('excused', 2, 'Phạm Thị Hoa')], '8': [mark('present', 1, 'Lê Văn Tám')] });
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async (_input, init) =>
        init?.method === 'PUT'
          ? problem(409, 'homeroom.conflict', 'Điểm danh đã được người khác thay đổi')
          : jsonResponse(theirs),
      );
    renderRollCall(opened);
    await userEvent.click(screen.getByTestId('student-0'));
    await userEvent.click(screen.getByTestId('student-0'));
    await userEvent.click(screen.getByTestId('student-1'));
    await userEvent.click(screen.getByTestId('save-attendance'));
    const conflict = await screen.findByTestId('conflict');
    expect(conflict.textContent).toContain(
      'Nguyễn Văn An (buổi sáng): bạn chọn vắng không phép, Phạm Thị Hoa đã lưu vắng có phép',
    );
    expect(conflict.textContent).not.toContain('Trần Thị Bình');
    expect(screen.getByTestId('student-0').getAttribute('data-status')).toBe('excused');
    // The change nobody else touched stays, ready to save again on the new version.
    expect(screen.getByTestId('student-1').getAttribute('data-status')).toBe('excused');
    expect(screen.getByTestId('save-state').textContent).toBe('Chưa lưu 1 thay đổi');
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('asks for a reason before saving a change to a past day', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () =>
        jsonResponse(day(2, { '7': [mark('excused', 2, 'Lê Văn Tám')], '8': [mark('present', 1, 'Lê Văn Tám')] })),
      );
    renderRollCall(
      day(
        1,
        { '7': [mark('present', 1, 'Lê Văn Tám')], '8': [mark('present', 1, 'Lê Văn Tám')] },
        { reason_required: true },
      ),
    );
    expect(screen.queryByTestId('roll-call-reason')).toBeNull();
    await userEvent.click(screen.getByTestId('student-0'));
    expect((screen.getByTestId('save-attendance') as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByTestId('roll-call-reason'));
    await userEvent.paste('Phụ huynh gửi giấy phép');
    await userEvent.click(screen.getByTestId('save-attendance'));
    await screen.findByText(/^Đã lưu lúc/);
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toMatchObject({ reason: 'Phụ huynh gửi giấy phép' });
  });

  it('keeps each session apart', async () => {
    renderRollCall(day(1, { '7': [mark('late', 1, 'Lê Văn Tám')] }));
    expect(screen.getByTestId('student-0').getAttribute('data-status')).toBe('late');
    await userEvent.click(screen.getByText('Buổi chiều'));
    expect(screen.getByTestId('student-0').getAttribute('data-status')).toBe('present');
    expect(screen.getByTestId('save-state').textContent).toBe('Đã lưu điểm danh');
    await userEvent.click(screen.getByTestId('student-0'));
    expect(screen.getByTestId('student-0').getAttribute('data-status')).toBe('excused');
    await userEvent.click(screen.getByText('Buổi sáng'));
    expect(screen.getByTestId('student-0').getAttribute('data-status')).toBe('late');
    expect(screen.getByTestId('save-state').textContent).toBe('Chưa lưu 1 thay đổi');
  });
});
