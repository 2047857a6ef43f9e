import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { demoUser, jsonResponse, mockApi, renderApp } from '../test/render';

describe('application shell', () => {
  it('shows the product, the home page and a user slot in Vietnamese', async () => {
    renderApp('/');
    expect(screen.getByRole('link', { name: /Hocvu, về trang chủ/ })).toBeTruthy();
    expect(await screen.findByRole('heading', { name: 'Chào mừng đến với Hocvu' })).toBeTruthy();
    expect(screen.getByTestId('signed-in-user')).toBeTruthy();
    expect(document.title).toBe('Trang chủ · Hocvu');
  });

  it('opens the folded navigation on a phone and goes to the status page', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ status: 'ok', version: '0.1.0', db: 'sqlite' }));
    const { router } = renderApp('/');

    await userEvent.click(screen.getByRole('button', { name: 'Mở menu điều hướng' }));
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    await userEvent.click(within(nav).getByRole('link', { name: 'Trạng thái hệ thống' }));

    expect(router.state.location.pathname).toBe('/trang-thai');
    expect(await screen.findByTestId('health-version')).toBeTruthy();
  });

  it("shows the signed-in person, their role's menu, and signs out to the sign-in page", async () => {
    const fetchMock = mockApi({
      '/api/v1/me': demoUser([{ role: 'parent', student_id: '9001' }]),
      '/api/v1/auth/logout': new Response(null, { status: 204 }),
    });
    const { router } = renderApp('/');
    expect(await screen.findByTestId('signed-in-name', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByTestId('signed-in-name').textContent).toBe('Nguyễn Văn Toàn');

    await userEvent.click(screen.getByRole('button', { name: 'Mở menu điều hướng' }));
    const nav = await screen.findByRole('navigation', { name: 'Điều hướng chính' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual(['Trang chủ', 'Con của tôi', 'Tài khoản của tôi']);

    await userEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    await vi.waitFor(() => expect(router.state.location.pathname).toBe('/dang-nhap'));
    expect(fetchMock.mock.calls.some(([path]) => path === '/api/v1/auth/logout')).toBe(true);
    expect(sessionStorage.getItem('hocvu.csrf')).toBeNull();
    expect(screen.queryByTestId('signed-in-name')).toBeNull();
  }, 30_000);

  it('answers an unknown path with a Vietnamese not-found page', async () => {
    renderApp('/khong-co');
    expect(await screen.findByText('Không tìm thấy trang')).toBeTruthy();
  });
});
