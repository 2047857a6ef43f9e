import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { App } from 'antd';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../../test/render';
import type { YearClose } from './homeroom';
import { DecisionDialog } from './YearCloseApprovalPage';

function yearClose(extra: Partial<YearClose> = {}): YearClose {
  return {
    class_id: '101',
    class_name: '10A1',
    year: '2026-2027',
    regulation: 'tt22',
    status: 'submitted',
    version: 4,
    submitted_by_name: 'Nguyễn Văn Toàn',
    submitted_at: '2027-05-25T02:00:00Z',
    note: null,
    decided_by_name: null,
    decided_at: null,
    decision_note: null,
    locked: false,
    unconfirmed_sheets: [],
    may_propose: false,
    may_decide: true,
    totp_required: false,
    lists: { promoted: ['7', '8'], retained: [], reassessment: ['9'], summer_training: [], awards: {} },
    items: [],
    ...extra,
  };
}

const problem = (status: number, code: string, title: string) =>
  jsonResponse({ type: 'about:blank', title, status, code }, status, 'application/problem+json');

function renderDialog(data: YearClose, decision: 'approve' | 'reject', onDone = vi.fn()) {
  render(
    <App>
      <DecisionDialog yearClose={data} decision={decision} onClose={() => {}} onDone={onDone} />
    </App>,
  );
  return onDone;
}

afterEach(() => vi.restoreAllMocks());

// A loaded machine types slowly into Ant Design's inputs; these tests wait for the answers, not the clock.
describe('DecisionDialog (GB-4)', { timeout: 30_000 }, () => {
  it('asks for the authenticator code when the server wants a step-up, then approves with it', async () => {
    const bodies: Record<string, unknown>[] = [];
    vi.spyOn(globalThis, 'fetch').mockImplementation(async (_input, init) => {
      const body = JSON.parse(String(init?.body)) as Record<string, unknown>;
      bodies.push(body);
      if (!body.totp) return problem(403, 'auth.step_up_required', 'Cần nhập mã xác thực hai lớp');
      if (body.totp === '111111') return problem(401, 'auth.totp_invalid', 'Mã xác thực hai lớp không đúng');
      return jsonResponse(yearClose({ status: 'approved', locked: true, decided_by_name: 'Nguyễn Văn Toàn' }));
    });
    const onDone = renderDialog(yearClose(), 'approve');
    expect(screen.getByText(/Lên lớp 2, ở lại lớp 0, kiểm tra lại 1, rèn luyện hè 0/)).toBeTruthy();
    expect(screen.queryByTestId('decision-totp')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Phê duyệt' }));
    const code = await screen.findByTestId('decision-totp');
    expect(screen.getByTestId('decision-error').textContent).toContain('Nhập mã 6 số');
    expect(bodies[0]).toEqual({ decision: 'approve', base_version: 4 });

    await userEvent.type(code, '111111');
    await userEvent.click(screen.getByRole('button', { name: 'Phê duyệt' }));
    await waitFor(() => expect(screen.getByTestId('decision-error').textContent).toContain('không đúng'));
    expect(onDone).not.toHaveBeenCalled();

    await userEvent.type(screen.getByTestId('decision-totp'), '123456');
    await userEvent.click(screen.getByRole('button', { name: 'Phê duyệt' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(bodies[2]).toEqual({ decision: 'approve', base_version: 4, totp: '123456' });
    expect((onDone.mock.calls[0]?.[0] as YearClose).status).toBe('approved');
  });

  it('shows the code field at once for an approver with a second factor', () => {
    renderDialog(yearClose({ totp_required: true }), 'approve');
    expect(screen.getByTestId('decision-totp')).toBeTruthy();
  });

  it('will not send a rejection without a reason', async () => {
    const fetch = vi
      .spyOn(globalThis, 'fetch')
      .mockImplementation(async () => jsonResponse(yearClose({ status: 'rejected', decision_note: 'Thiếu điểm' })));
    const onDone = renderDialog(yearClose(), 'reject');
    await userEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
    await screen.findByText('Nhập lý do trả lại');
    expect(fetch).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('decision-note'));
    await userEvent.paste('Thiếu điểm Tin học của em Bình');
    await userEvent.click(screen.getByRole('button', { name: 'Trả lại' }));
    await waitFor(() => expect(onDone).toHaveBeenCalledTimes(1));
    expect(JSON.parse(String(fetch.mock.calls[0]?.[1]?.body))).toEqual({
      decision: 'reject',
      base_version: 4,
      note: 'Thiếu điểm Tin học của em Bình',
    });
  });
});
