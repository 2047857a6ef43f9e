import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, renderApp } from '../../test/render';
import { databaseEngineName, isHealth } from './health';

describe('status page', () => {
  it('shows status, version and database engine from /healthz', async () => {
    const fetchMock = vi
      .spyOn(globalThis, 'fetch')
      .mockResolvedValue(jsonResponse({ status: 'ok', version: '0.1.0', db: 'sqlite' }));
    renderApp('/trang-thai');

    expect(await screen.findByText('Hoạt động bình thường')).toBeTruthy();
    expect(screen.getByTestId('health-version').textContent).toBe('0.1.0');
    expect(screen.getByTestId('health-db').textContent).toBe('SQLite');
    expect(screen.getByRole('heading', { name: 'Trạng thái hệ thống' })).toBeTruthy();
    expect(fetchMock).toHaveBeenCalledWith('/healthz', expect.objectContaining({ method: 'GET' }));
    expect(document.title).toBe('Trạng thái hệ thống · Hocvu');
  });

  it('names PostgreSQL', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ status: 'ok', version: '0.2.0', db: 'postgresql' }));
    renderApp('/trang-thai');
    expect((await screen.findByTestId('health-db')).textContent).toBe('PostgreSQL');
  });

  it('says in Vietnamese when the server cannot be reached, and recovers on refresh', async () => {
    const fetchMock = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new TypeError('Failed to fetch'));
    renderApp('/trang-thai');

    expect(await screen.findByText('Không kết nối được máy chủ')).toBeTruthy();
    expect(screen.getByText(/Không thể liên lạc với máy chủ Hocvu/)).toBeTruthy();
    expect(screen.queryByTestId('health-version')).toBeNull();

    fetchMock.mockResolvedValue(jsonResponse({ status: 'ok', version: '0.1.0', db: 'sqlite' }));
    await userEvent.click(screen.getByRole('button', { name: /Làm mới/ }));

    expect(await screen.findByTestId('health-version')).toBeTruthy();
    await waitFor(() => expect(screen.queryByText('Không kết nối được máy chủ')).toBeNull());
    expect(fetchMock).toHaveBeenCalledTimes(2);
  });

  it('shows the title and code of a server problem', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      jsonResponse(
        { type: 'about:blank', title: 'Cơ sở dữ liệu không sẵn sàng', status: 503, code: 'storage.unavailable' },
        503,
        'application/problem+json',
      ),
    );
    renderApp('/trang-thai');
    expect(await screen.findByText('Máy chủ báo lỗi')).toBeTruthy();
    expect(screen.getByText(/Cơ sở dữ liệu không sẵn sàng \(mã lỗi: storage\.unavailable\)/)).toBeTruthy();
  });

  it('treats a 502 page from a proxy as an unreachable server', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(
      new Response('<h1>502 Bad Gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    renderApp('/trang-thai');
    expect(await screen.findByText('Không kết nối được máy chủ')).toBeTruthy();
  });

  it('treats a malformed /healthz answer as an error', async () => {
    vi.spyOn(globalThis, 'fetch').mockResolvedValue(jsonResponse({ status: 'ok' }));
    renderApp('/trang-thai');
    expect(await screen.findByText(/mã lỗi: client\.invalid_body/)).toBeTruthy();
  });
});

describe('health helpers', () => {
  it('checks the shape of /healthz', () => {
    expect(isHealth({ status: 'ok', version: '1', db: 'sqlite' })).toBe(true);
    expect(isHealth({ status: 'ok', version: 1, db: 'sqlite' })).toBe(false);
    expect(isHealth(null)).toBe(false);
  });

  it('names the engines', () => {
    expect(databaseEngineName('sqlite')).toBe('SQLite');
    expect(databaseEngineName('postgresql')).toBe('PostgreSQL');
    expect(databaseEngineName('other')).toBe('other');
  });
});
