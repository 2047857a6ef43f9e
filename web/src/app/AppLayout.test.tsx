import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp } from '../test/render';
import { selectedNavPath } from './navigation';

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

  it('answers an unknown path with a Vietnamese not-found page', async () => {
    renderApp('/khong-co');
    expect(await screen.findByText('Không tìm thấy trang')).toBeTruthy();
  });
});

describe('selectedNavPath', () => {
  it('picks the entry that owns a path', () => {
    expect(selectedNavPath('/')).toBe('/');
    expect(selectedNavPath('/trang-thai')).toBe('/trang-thai');
    expect(selectedNavPath('/trang-thai/chi-tiet')).toBe('/trang-thai');
    expect(selectedNavPath('/khong-co')).toBeUndefined();
  });
});
