import { afterEach, describe, expect, it, vi } from 'vitest';
import { jsonResponse } from '../test/render';
import {
  ApiError,
  ClientErrorCode,
  errorFromResponse,
  parseProblem,
  request,
  requestChecked,
  setCsrfToken,
} from './client';

function mockFetch(impl: (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>) {
  return vi.spyOn(globalThis, 'fetch').mockImplementation(impl);
}

afterEach(() => setCsrfToken(null));

describe('parseProblem', () => {
  it('reads every field of a problem', () => {
    expect(
      parseProblem(
        {
          type: 'https://hocvu.vn/problems/not-found',
          title: 'Không tìm thấy',
          status: 404,
          code: 'http.not_found',
          detail: '/api/v1/nope',
        },
        404,
      ),
    ).toEqual({
      type: 'https://hocvu.vn/problems/not-found',
      title: 'Không tìm thấy',
      status: 404,
      code: 'http.not_found',
      detail: '/api/v1/nope',
    });
  });

  it('fills type and status when they are missing', () => {
    expect(parseProblem({ title: 'Quá lớn', code: 'http.payload_too_large' }, 413)).toEqual({
      type: 'about:blank',
      title: 'Quá lớn',
      status: 413,
      code: 'http.payload_too_large',
    });
  });

  it('rejects bodies without a code or title', () => {
    expect(parseProblem({ title: 'x' }, 400)).toBeNull();
    expect(parseProblem({ code: 'x' }, 400)).toBeNull();
    expect(parseProblem(null, 400)).toBeNull();
    expect(parseProblem(['x'], 400)).toBeNull();
    expect(parseProblem('text', 400)).toBeNull();
  });
});

describe('errorFromResponse', () => {
  it('turns problem+json into an ApiError with the code', async () => {
    const response = jsonResponse(
      { type: 'about:blank', title: 'Sai mật khẩu', status: 401, code: 'auth.invalid_credentials', detail: 'Thử lại' },
      401,
      'application/problem+json; charset=utf-8',
    );
    const error = await errorFromResponse(response);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.code).toBe('auth.invalid_credentials');
    expect(error.status).toBe(401);
    expect(error.title).toBe('Sai mật khẩu');
    expect(error.detail).toBe('Thử lại');
    expect(error.isNetworkError).toBe(false);
  });

  it('gives a client code to an error that is not problem+json', async () => {
    const error = await errorFromResponse(
      new Response('<h1>Bad Gateway</h1>', { status: 502, headers: { 'Content-Type': 'text/html' } }),
    );
    expect(error.code).toBe(ClientErrorCode.UnexpectedResponse);
    expect(error.status).toBe(502);
  });

  it('gives a client code to a problem+json body that is not JSON', async () => {
    const error = await errorFromResponse(
      new Response('{broken', { status: 500, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    expect(error.code).toBe(ClientErrorCode.UnexpectedResponse);
    expect(error.status).toBe(500);
  });
});

describe('request', () => {
  it('returns the JSON body of a success', async () => {
    const fetchMock = mockFetch(async () => jsonResponse({ a: 1 }));
    await expect(request('/api/v1/thing')).resolves.toEqual({ a: 1 });
    const [path, init] = fetchMock.mock.calls[0]!;
    expect(path).toBe('/api/v1/thing');
    expect(init?.method).toBe('GET');
    expect(init?.credentials).toBe('same-origin');
  });

  it('throws the server problem as ApiError', async () => {
    mockFetch(async () =>
      jsonResponse(
        { type: 'about:blank', title: 'Không tìm thấy', status: 404, code: 'http.not_found' },
        404,
        'application/problem+json',
      ),
    );
    const error = await request('/api/v1/nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('http.not_found');
    expect((error as ApiError).status).toBe(404);
  });

  it('reports an unreachable server as a network error', async () => {
    mockFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = await request('/healthz').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe(ClientErrorCode.Network);
    expect((error as ApiError).status).toBe(0);
    expect((error as ApiError).isNetworkError).toBe(true);
  });

  it('sends JSON bodies and the CSRF token on state-changing requests only', async () => {
    const fetchMock = mockFetch(async () => new Response(null, { status: 204 }));
    setCsrfToken('tok-123');

    await expect(request('/api/v1/things', { method: 'POST', body: { name: 'Lớp 6A' } })).resolves.toBeUndefined();
    const postInit = fetchMock.mock.calls[0]![1]!;
    const postHeaders = new Headers(postInit.headers);
    expect(postHeaders.get('Content-Type')).toBe('application/json');
    expect(postHeaders.get('X-CSRF-Token')).toBe('tok-123');
    expect(postInit.body).toBe('{"name":"Lớp 6A"}');

    await request('/api/v1/things');
    expect(new Headers(fetchMock.mock.calls[1]![1]!.headers).has('X-CSRF-Token')).toBe(false);

    setCsrfToken(null);
    await request('/api/v1/things/1', { method: 'DELETE' });
    expect(new Headers(fetchMock.mock.calls[2]![1]!.headers).has('X-CSRF-Token')).toBe(false);
  });

  it('rejects a success whose body is not JSON', async () => {
    mockFetch(async () => new Response('not json', { status: 200 }));
    const error = await request('/healthz').catch((e: unknown) => e);
    expect((error as ApiError).code).toBe(ClientErrorCode.InvalidBody);
  });
});

describe('requestChecked', () => {
  const isNamed = (b: unknown): b is { name: string } =>
    typeof b === 'object' && b !== null && typeof (b as { name?: unknown }).name === 'string';

  it('passes a body of the right shape', async () => {
    mockFetch(async () => jsonResponse({ name: 'Hocvu' }));
    await expect(requestChecked('/x', isNamed)).resolves.toEqual({ name: 'Hocvu' });
  });

  it('rejects a body of the wrong shape', async () => {
    mockFetch(async () => jsonResponse({ name: 42 }));
    const error = await requestChecked('/x', isNamed).catch((e: unknown) => e);
    expect((error as ApiError).code).toBe(ClientErrorCode.InvalidBody);
  });
});
