import { QueryClient } from '@tanstack/react-query';
import { vi } from 'vitest';
import { render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../app/Providers';
import { routes } from '../app/routes';

/// Renders the whole app at `path` with a fresh, non-retrying query cache.
export function renderApp(path: string) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return {
    router,
    ...render(
      <Providers client={client}>
        <RouterProvider router={router} />
      </Providers>,
    ),
  };
}

export function jsonResponse(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

/// A signed-in person as `GET /api/v1/me` answers, with the given role grants.
export function demoUser(roles: { role: string; class_id?: string; subject?: string; student_id?: string }[]) {
  return {
    id: '1',
    username: 'toannv.thptchuvanan',
    full_name: 'Nguyễn Văn Toàn',
    must_change_password: false,
    totp_enabled: false,
    totp_enrolment_required: false,
    unit: { id: '2', name: 'Trường THPT Chu Văn An', code: 'thptchuvanan', kind: 'school' },
    roles: roles.map((r, i) => ({
      id: String(i + 10),
      role: r.role,
      unit_id: '2',
      unit_kind: 'school',
      class_id: r.class_id ?? null,
      subject: r.subject ?? null,
      student_id: r.student_id ?? null,
    })),
    permissions: ['unit.read'],
  };
}

/// Marks the tab as signed in (it holds a CSRF token) and answers requests by path: `answers[path]` is the JSON
/// body of a 200, or a Response. Unknown paths get a 404 problem.
export function mockApi(answers: Record<string, unknown>, { signedIn = true } = {}) {
  if (signedIn) {
    sessionStorage.setItem('hocvu.csrf', 'tok');
  }
  return vi.spyOn(globalThis, 'fetch').mockImplementation(async (input) => {
    const path = String(input instanceof Request ? input.url : input).split('?')[0]!;
    const answer = answers[path];
    if (answer instanceof Response) {
      return answer;
    }
    if (answer === undefined) {
      return jsonResponse(
        { type: 'about:blank', title: 'Không tìm thấy', status: 404, code: 'http.not_found' },
        404,
        'application/problem+json',
      );
    }
    return jsonResponse(answer);
  });
}
