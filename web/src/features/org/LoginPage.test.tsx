import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp } from '../../test/render';

const user = {
  id: '1',
  username: 'toannv.thptchuvanan',
  full_name: 'Nguyễn Văn Toàn',
  must_change_password: false,
  totp_enabled: false,
  totp_enrolment_required: false,
  unit: { id: '2', name: 'Trường THPT Chu Văn An', code: 'thptchuvanan', kind: 'school' },
  roles: [],
  permissions: ['unit.read'],
};

function problem(status: number, code: string, title: string) {
  return jsonResponse({ type: 'about:blank', title, status, code }, status, 'application/problem+json');
}

async function fillAndSubmit(username: string, password: string) {
  fireEvent.change(screen.getByLabelText('Tên đăng nhập'), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('Mật khẩu'), { target: { value: password } });
  await userEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));
}

// Ant Design forms are slow to render in jsdom on a busy machine.
const SLOW = 30_000;
const WAIT = { timeout: 10_000 };

describe('sign-in page', () => {
  it(
    'signs in, keeps the CSRF token and goes home',
    async () => {
      const fetchMock = vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ csrf_token: 'tok', user }));
      const { router } = renderApp('/dang-nhap');
      expect(screen.getByRole('heading', { name: 'Đăng nhập' })).toBeTruthy();
      await fillAndSubmit('toannv.thptchuvanan', 'Hocvu-Demo-2026');
      await vi.waitFor(() => expect(router.state.location.pathname).toBe('/'), WAIT);
      const [path, init] = fetchMock.mock.calls[0]!;
      expect(path).toBe('/api/v1/auth/login');
      expect(JSON.parse(String((init as RequestInit).body))).toEqual({
        username: 'toannv.thptchuvanan',
        password: 'Hocvu-Demo-2026',
      });
      expect(sessionStorage.getItem('hocvu.csrf')).toBe('tok');
    },
    SLOW,
  );

  it(
    'says in Vietnamese when the password is wrong',
    async () => {
      vi.spyOn(globalThis, 'fetch').mockResolvedValue(
        problem(401, 'auth.invalid_credentials', 'Tên đăng nhập hoặc mật khẩu không đúng'),
      );
      renderApp('/dang-nhap');
      await fillAndSubmit('toannv.thptchuvanan', 'sai-mat-khau');
      expect((await screen.findByRole('alert', {}, WAIT)).textContent).toContain(
        'Tên đăng nhập hoặc mật khẩu không đúng.',
      );
    },
    SLOW,
  );

  it(
    'asks for the second-factor code when the account has one',
    async () => {
      vi.spyOn(globalThis, 'fetch').mockResolvedValue(problem(401, 'auth.totp_required', 'Cần mã xác thực hai lớp'));
      renderApp('/dang-nhap');
      await fillAndSubmit('gianghia_thptchuvanan', 'Hocvu-Demo-2026');
      expect(await screen.findByLabelText('Mã xác thực (6 số)', {}, WAIT)).toBeTruthy();
    },
    SLOW,
  );

  it(
    'forces a password change after an admin-issued password',
    async () => {
      const fetchMock = vi
        .spyOn(globalThis, 'fetch')
        .mockResolvedValueOnce(jsonResponse({ csrf_token: 'one', user: { ...user, must_change_password: true } }))
        .mockResolvedValueOnce(jsonResponse({ csrf_token: 'two', user }));
      const { router } = renderApp('/dang-nhap');
      await fillAndSubmit('toannv.thptchuvanan', 'Cap-Boi-Admin-1');
      expect(await screen.findByRole('heading', { name: 'Đổi mật khẩu' }, WAIT)).toBeTruthy();
      fireEvent.change(screen.getByLabelText('Mật khẩu mới'), { target: { value: 'Mat-Khau-Rieng-2026' } });
      fireEvent.change(screen.getByLabelText('Nhập lại mật khẩu mới'), { target: { value: 'Mat-Khau-Rieng-2026' } });
      await userEvent.click(screen.getByRole('button', { name: 'Đổi mật khẩu và tiếp tục' }));
      await vi.waitFor(() => expect(router.state.location.pathname).toBe('/'), WAIT);
      const [path, init] = fetchMock.mock.calls[1]!;
      expect(path).toBe('/api/v1/auth/password');
      expect(new Headers((init as RequestInit).headers).get('X-CSRF-Token')).toBe('one');
      expect(sessionStorage.getItem('hocvu.csrf')).toBe('two');
    },
    SLOW,
  );
});
