/// A small typed client for the hocvu server, same origin only.
///
/// Errors come back from the server as `application/problem+json`
/// (`{type, title, status, code, detail}`); they are turned into an
/// `ApiError` whose `code` is stable, so callers branch on the code and never
/// on the (Vietnamese) wording. Failures that never reached the server, or
/// answers that are not what the server promises, get client-side codes.

/// Codes made by the client itself, for failures the server never described.
export const ClientErrorCode = {
  /// The request did not reach the server (it is down, or the network is).
  Network: 'client.network',
  /// The server answered with an error that is not problem+json (e.g. a proxy page).
  UnexpectedResponse: 'client.unexpected_response',
  /// A successful answer whose body is not the JSON the caller expects.
  InvalidBody: 'client.invalid_body',
} as const;

/// The body of an `application/problem+json` answer (RFC 9457 plus `code`).
export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
}

export class ApiError extends Error {
  /// HTTP status, or 0 when the server was not reached.
  readonly status: number;
  /// Stable machine-readable code, e.g. `auth.invalid_credentials` or `client.network`.
  readonly code: string;
  /// Short human-readable summary (Vietnamese when it comes from the server).
  readonly title: string;
  readonly detail: string | undefined;
  readonly type: string;

  constructor(problem: Problem, options?: { cause?: unknown }) {
    super(problem.detail ? `${problem.title}: ${problem.detail}` : problem.title, options);
    this.name = 'ApiError';
    this.status = problem.status;
    this.code = problem.code;
    this.title = problem.title;
    this.detail = problem.detail;
    this.type = problem.type;
  }

  /// True when the server could not be reached at all.
  get isNetworkError(): boolean {
    return this.code === ClientErrorCode.Network;
  }
}

const PROBLEM_MEDIA_TYPE = 'application/problem+json';
const STATE_CHANGING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: string | null = null;

/// Sets the token sent as `X-CSRF-Token` on state-changing requests
/// (returned by the server at login); `null` stops sending it.
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/// Reads a problem+json body; returns `null` when the body is not one.
export function parseProblem(body: unknown, httpStatus: number): Problem | null {
  if (!isRecord(body) || typeof body.code !== 'string' || typeof body.title !== 'string') {
    return null;
  }
  return {
    type: typeof body.type === 'string' ? body.type : 'about:blank',
    title: body.title,
    status: typeof body.status === 'number' ? body.status : httpStatus,
    code: body.code,
    ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
  };
}

/// Turns a non-2xx response into an `ApiError`.
export async function errorFromResponse(response: Response): Promise<ApiError> {
  const contentType = response.headers.get('Content-Type') ?? '';
  if (contentType.toLowerCase().startsWith(PROBLEM_MEDIA_TYPE)) {
    try {
      const problem = parseProblem(await response.json(), response.status);
      if (problem) {
        return new ApiError(problem);
      }
    } catch (cause) {
      return unexpected(response, cause);
    }
  }
  return unexpected(response);
}

function unexpected(response: Response, cause?: unknown): ApiError {
  return new ApiError(
    {
      type: 'about:blank',
      title: `Máy chủ trả lời bất thường (HTTP ${response.status})`,
      status: response.status,
      code: ClientErrorCode.UnexpectedResponse,
    },
    { cause },
  );
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /// Sent as JSON.
  body?: unknown;
  signal?: AbortSignal;
}

/// Sends a request to `path` (same origin) and returns the parsed JSON body.
/// Throws `ApiError` on any failure.
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers = new Headers({ Accept: `application/json, ${PROBLEM_MEDIA_TYPE}` });
  if (options.body !== undefined) {
    headers.set('Content-Type', 'application/json');
  }
  if (STATE_CHANGING_METHODS.has(method) && csrfToken !== null) {
    headers.set('X-CSRF-Token', csrfToken);
  }

  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Không kết nối được máy chủ',
        status: 0,
        code: ClientErrorCode.Network,
      },
      { cause },
    );
  }

  if (!response.ok) {
    throw await errorFromResponse(response);
  }
  if (response.status === 204) {
    return undefined as T;
  }
  try {
    return (await response.json()) as T;
  } catch (cause) {
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Máy chủ trả về dữ liệu không đọc được',
        status: response.status,
        code: ClientErrorCode.InvalidBody,
      },
      { cause },
    );
  }
}

/// Same as `request`, then checks the body's shape with `check` before
/// trusting its type.
export async function requestChecked<T>(
  path: string,
  check: (body: unknown) => body is T,
  options: RequestOptions = {},
): Promise<T> {
  const body = await request<unknown>(path, options);
  if (!check(body)) {
    throw new ApiError({
      type: 'about:blank',
      title: 'Máy chủ trả về dữ liệu không đúng định dạng',
      status: 200,
      code: ClientErrorCode.InvalidBody,
    });
  }
  return body;
}

/// A file upload's answer: the JSON body of a 2xx, or of an error answered as plain JSON in `acceptStatus` (e.g.
/// 422 with an import report).
export interface UploadReply<T> {
  status: number;
  body: T;
}

/// Sends a file's bytes as the request body (`Content-Type` from the file, or `contentType`). Answers in
/// `acceptStatus` that are plain JSON come back as the reply; every other failure throws `ApiError` as `request`.
export async function upload<T>(
  path: string,
  file: Blob,
  options: { contentType?: string; acceptStatus?: number[]; signal?: AbortSignal } = {},
): Promise<UploadReply<T>> {
  const headers = new Headers({
    Accept: `application/json, ${PROBLEM_MEDIA_TYPE}`,
    'Content-Type': options.contentType ?? (file.type || 'application/octet-stream'),
  });
  if (csrfToken !== null) {
    headers.set('X-CSRF-Token', csrfToken);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      headers,
      credentials: 'same-origin',
      body: file,
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') {
      throw cause;
    }
    throw new ApiError(
      { type: 'about:blank', title: 'Không kết nối được máy chủ', status: 0, code: ClientErrorCode.Network },
      { cause },
    );
  }
  const contentType = (response.headers.get('Content-Type') ?? '').toLowerCase();
  const accepted =
    response.ok || (options.acceptStatus?.includes(response.status) && contentType.startsWith('application/json'));
  if (!accepted) {
    throw await errorFromResponse(response);
  }
  try {
    return { status: response.status, body: (await response.json()) as T };
  } catch (cause) {
    throw new ApiError(
      {
        type: 'about:blank',
        title: 'Máy chủ trả về dữ liệu không đọc được',
        status: response.status,
        code: ClientErrorCode.InvalidBody,
      },
      { cause },
    );
  }
}
