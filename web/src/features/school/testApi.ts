import { vi } from 'vitest';
import { jsonResponse } from '../../test/render';

/// One request the page sent: method, path, query and body (JSON parsed; a file upload as its Blob).
export interface SentRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  contentType: string | null;
}

type Answer = unknown | ((request: SentRequest) => unknown);

/// Answers requests by `"METHOD /path"` (or `"/path"` for GET): a JSON body of a 200, a Response, or a function
/// of the request giving either. Unknown requests get a 404 problem. Returns the list of requests sent.
export function mockRoutes(answers: Record<string, Answer>): SentRequest[] {
  sessionStorage.setItem('hocvu.csrf', 'tok');
  const sent: SentRequest[] = [];
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const headers = new Headers(init?.headers);
    let body: unknown = init?.body;
    if (typeof body === 'string') {
      body = JSON.parse(body);
    }
    const request = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body,
      contentType: headers.get('Content-Type'),
    };
    sent.push(request);
    let answer = answers[`${method} ${url.pathname}`] ?? (method === 'GET' ? answers[url.pathname] : undefined);
    if (typeof answer === 'function') {
      answer = (answer as (r: SentRequest) => unknown)(request);
    }
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
  return sent;
}

/// A problem+json answer.
export function problem(status: number, code: string, title: string, detail?: string): Response {
  return jsonResponse({ type: 'about:blank', title, status, code, detail }, status, 'application/problem+json');
}

/// The school's administrator as `GET /api/v1/me` answers.
export const schoolAdmin = {
  id: '1',
  username: 'gianghia_thptchuvanan',
  full_name: 'Quản trị Trường THPT Chu Văn An',
  must_change_password: false,
  totp_enabled: false,
  totp_enrolment_required: false,
  unit: { id: '2', name: 'Trường THPT Chu Văn An', code: 'thptchuvanan', kind: 'school' },
  roles: [
    {
      id: '10',
      role: 'unit_admin',
      unit_id: '2',
      unit_kind: 'school',
      class_id: null,
      subject: null,
      student_id: null,
    },
  ],
  permissions: ['account.manage', 'account.read', 'grant.manage', 'unit.read', 'unit.settings'],
};

export const year2026 = {
  id: '3',
  name: '2026-2027',
  starts_on: '2026-09-05',
  ends_on: '2027-05-31',
  status: 'open',
  unit_id: '2',
  semesters: [
    { number: 1, starts_on: '2026-09-05', ends_on: '2027-01-15' },
    { number: 2, starts_on: '2027-01-16', ends_on: '2027-05-31' },
  ],
};

export function schoolClass(id: string, name: string, grade: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    grade,
    session: 'morning',
    homeroom_name: null,
    homeroom_staff_id: null,
    student_count: 0,
    unit_id: '2',
    year_id: '3',
    electives: [],
    ...extra,
  };
}
