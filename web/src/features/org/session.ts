import { useQuery } from '@tanstack/react-query';
import { ApiError, request, setCsrfToken } from '../../api/client';

/// A role grant as `GET /api/v1/me` shows it.
export interface RoleGrant {
  id: string;
  role: string;
  unit_id: string;
  unit_kind: string;
  class_id: string | null;
  subject: string | null;
  student_id: string | null;
}

/// The signed-in person (`GET /api/v1/me`, and `user` of the sign-in answer).
export interface User {
  id: string;
  username: string;
  full_name: string;
  must_change_password: boolean;
  totp_enabled: boolean;
  totp_enrolment_required: boolean;
  unit: { id: string; name: string; code: string; kind: string } | null;
  roles: RoleGrant[];
  permissions: string[];
}

/// The answer of `POST /api/v1/auth/login` and `POST /api/v1/auth/password`.
export interface SessionReply {
  csrf_token: string;
  user: User;
}

/// The CSRF token lives in sessionStorage so that a reload keeps the tab signed in; the session itself is an
/// HttpOnly cookie the page never sees.
const CSRF_KEY = 'hocvu.csrf';

export function restoreCsrfToken(): void {
  try {
    setCsrfToken(sessionStorage.getItem(CSRF_KEY));
  } catch {
    setCsrfToken(null);
  }
}

// Loaded with the app's routes, so a reloaded tab sends the token again.
restoreCsrfToken();

function rememberCsrfToken(token: string | null): void {
  setCsrfToken(token);
  try {
    if (token === null) {
      sessionStorage.removeItem(CSRF_KEY);
    } else {
      sessionStorage.setItem(CSRF_KEY, token);
    }
  } catch {
    // Storage may be unavailable (private mode); the token then lasts until the page is reloaded.
  }
}

export async function login(username: string, password: string, totp?: string): Promise<SessionReply> {
  const body: Record<string, string> = { username: username.trim(), password };
  if (totp) {
    body.totp = totp.trim();
  }
  const reply = await request<SessionReply>('/api/v1/auth/login', { method: 'POST', body });
  rememberCsrfToken(reply.csrf_token);
  return reply;
}

export async function changePassword(currentPassword: string, newPassword: string): Promise<SessionReply> {
  const reply = await request<SessionReply>('/api/v1/auth/password', {
    method: 'POST',
    body: { current_password: currentPassword, new_password: newPassword },
  });
  rememberCsrfToken(reply.csrf_token);
  return reply;
}

export async function logout(): Promise<void> {
  try {
    await request<void>('/api/v1/auth/logout', { method: 'POST' });
  } finally {
    rememberCsrfToken(null);
  }
}

/// A Vietnamese sentence for a failed sign-in or password change, chosen by the error's stable code.
export function signInErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'Đã có lỗi không mong muốn. Vui lòng thử lại.';
  }
  switch (error.code) {
    case 'auth.invalid_credentials':
      return 'Tên đăng nhập hoặc mật khẩu không đúng.';
    case 'auth.rate_limited':
      return 'Đăng nhập sai quá nhiều lần. Vui lòng chờ một lát rồi thử lại.';
    case 'auth.totp_required':
      return 'Tài khoản này dùng xác thực hai lớp: nhập mã 6 số từ ứng dụng xác thực.';
    case 'auth.totp_invalid':
      return 'Mã xác thực không đúng hoặc đã được dùng. Hãy chờ mã mới.';
    case 'auth.account_disabled':
      return 'Tài khoản đã bị khóa. Hãy liên hệ quản trị viên của đơn vị.';
    case 'auth.password_policy':
      return error.detail ?? 'Mật khẩu mới chưa đủ an toàn.';
    case 'client.network':
      return 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng.';
    default:
      return error.title;
  }
}

/// True when this tab holds a CSRF token, i.e. it signed in and has not signed out. Only then is `/api/v1/me`
/// asked, so a visitor who never signed in causes no 401s.
export function hasSessionHint(): boolean {
  try {
    return sessionStorage.getItem(CSRF_KEY) !== null;
  } catch {
    return false;
  }
}

/// The signed-in person, or `null` when the session is gone (which also forgets the token).
export async function fetchMe(signal?: AbortSignal): Promise<User | null> {
  try {
    return await request<User>('/api/v1/me', signal ? { signal } : {});
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      rememberCsrfToken(null);
      return null;
    }
    throw e;
  }
}

export const SESSION_QUERY_KEY = ['session', 'me'] as const;

/// Who is signed in (`null`: nobody). The sign-in page and sign-out set this query's data directly.
export function useSession() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => (hasSessionHint() ? fetchMe(signal) : Promise.resolve(null)),
    staleTime: 60_000,
  });
}

/// The role names of `user`'s grants, without repeats.
export function roleNamesOf(user: User): string[] {
  return [...new Set(user.roles.map((grant) => grant.role))];
}

/// Whom the navigation is for: the role names, and `school_admin` for a unit administrator of a school (who keeps
/// the school's records: classes, students, staff, assignments, years, imports).
export function navAudiencesOf(user: User): string[] {
  const names = roleNamesOf(user);
  if (user.roles.some((grant) => grant.role === 'unit_admin' && grant.unit_kind === 'school')) {
    names.push('school_admin');
  }
  return names;
}

export const roleLabels: Record<string, string> = {
  unit_admin: 'Quản trị đơn vị',
  authority_leader: 'Lãnh đạo Sở/Phòng',
  authority_staff: 'Chuyên viên Sở/Phòng',
  principal: 'Hiệu trưởng',
  vice_principal: 'Phó hiệu trưởng',
  admin_board: 'Ban giám hiệu',
  homeroom_teacher: 'Giáo viên chủ nhiệm',
  subject_teacher: 'Giáo viên bộ môn',
  office: 'Văn phòng',
  parent: 'Cha mẹ học sinh',
  student: 'Học sinh',
};
