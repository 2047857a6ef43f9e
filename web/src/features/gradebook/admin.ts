import { useQuery } from '@tanstack/react-query';
import { ApiError, request } from '../../api/client';

/// The principal board's side of the gradebook: entry windows (SCH-13), locks (SCH-11), correction requests
/// (GB-7) and entry progress (SCH-10).

export type ItemKind = 'tx' | 'gk' | 'ck';
export const itemKinds: ItemKind[] = ['tx', 'gk', 'ck'];
export const kindNames: Record<ItemKind, string> = {
  tx: 'Đánh giá thường xuyên',
  gk: 'Giữa kì',
  ck: 'Cuối kì',
};
export const kindShort: Record<ItemKind, string> = { tx: 'TX', gk: 'GK', ck: 'CK' };
export const semesterNames: Record<number, string> = { 0: 'Cả năm', 1: 'Học kì I', 2: 'Học kì II' };

/// `GET /api/v1/schools/{unit_id}/entry-windows?year_id=`
export interface EntryWindow {
  year_id: string;
  semester: number;
  item_kind: ItemKind;
  opens_at: string;
  closes_at: string;
}

/// `GET /api/v1/classes/{class_id}/score-locks`: subject "*" is the class's book; semester 0 the whole year.
export interface ScoreLock {
  class_id: string;
  subject_code: string;
  semester: number;
  locked_by: string;
  locked_at: string;
  reason: string;
}

/// `GET /api/v1/schools/{unit_id}/corrections`
export interface Correction {
  id: string;
  class_id: string;
  class_name: string;
  subject_code: string;
  subject_name: string;
  semester: number;
  student_id: string;
  student_name: string;
  item: string;
  old_value: string;
  new_value: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requested_by_name: string;
  requested_at: string;
  decided_by_name: string;
  decided_at: string | null;
  decision_note: string;
  witnesses: string[];
}

/// `GET /api/v1/schools/{unit_id}/gradebook-progress?year=` (the year's name, e.g. 2026-2027)
export interface ProgressRow {
  class_id: string;
  class_name: string;
  subject_code: string;
  subject_name: string;
  semester: number;
  teacher_id: string | null;
  teacher_name: string;
  required: number;
  entered: number;
  percent: number;
  confirmed: boolean;
  late: boolean;
  kinds: { item_kind: ItemKind; required: number; entered: number; closes_at: string | null; late: boolean }[];
  by_month: { month: string; entered: number; cumulative: number; percent: number }[];
}

const school = (unitId: string) => `/api/v1/schools/${encodeURIComponent(unitId)}`;
export const windowsPath = (unitId: string) => `${school(unitId)}/entry-windows`;
export const locksPath = (classId: string) => `/api/v1/classes/${encodeURIComponent(classId)}/score-locks`;
export const correctionsPath = (unitId: string) => `${school(unitId)}/corrections`;

export function useEntryWindows(unitId: string | undefined, yearId: string | undefined) {
  return useQuery({
    queryKey: ['entry-windows', unitId, yearId],
    enabled: unitId !== undefined && yearId !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: EntryWindow[] }>(`${windowsPath(unitId ?? '')}?year_id=${encodeURIComponent(yearId ?? '')}`, {
        signal,
      }).then((b) => b.items),
  });
}

export function useScoreLocks(classId: string | undefined) {
  return useQuery({
    queryKey: ['score-locks', classId],
    enabled: classId !== undefined,
    queryFn: ({ signal }) => request<{ items: ScoreLock[] }>(locksPath(classId ?? ''), { signal }).then((b) => b.items),
  });
}

export function useCorrections(unitId: string | undefined) {
  return useQuery({
    queryKey: ['corrections', unitId],
    enabled: unitId !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: Correction[] }>(correctionsPath(unitId ?? ''), { signal }).then((b) => b.items),
  });
}

/// `year`: the school year's name (the teaching assignments are looked up by name).
export function useProgress(unitId: string | undefined, year: string | undefined) {
  return useQuery({
    queryKey: ['gradebook-progress', unitId, year],
    enabled: unitId !== undefined && year !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: ProgressRow[] }>(
        `${school(unitId ?? '')}/gradebook-progress?year=${encodeURIComponent(year ?? '')}`,
        { signal },
      ).then((b) => b.items),
  });
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

/// The day in Vietnam (YYYY-MM-DD) of a server time; `lastDay` gives the day before a window's closing midnight,
/// the last day entry is open.
export function vietnamDay(iso: string, lastDay = false): string {
  const at = Date.parse(iso) + VIETNAM_OFFSET_MS - (lastDay ? 1 : 0);
  return new Date(at).toISOString().slice(0, 10);
}

/// The day after `day` (YYYY-MM-DD): a window open "until the end of" a day closes at the next midnight.
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/// YYYY-MM-DD → DD/MM/YYYY.
export function dayText(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}

/// "tx1" → "TX1", "gk" → "GK", "gk_muc" → "Mức GK", "ck_kt" → "KT CK", TT58 "gk2" → "GK2".
export function itemLabel(item: string): string {
  const m = /^(tx|gk|ck)(\d*)(?:_(muc|kt))?$/.exec(item);
  if (!m) return item;
  const base = `${m[1]!.toUpperCase()}${m[2] ?? ''}`;
  return m[3] === 'muc' ? `Mức ${base}` : m[3] === 'kt' ? `KT ${base}` : base;
}

/// A server error in Vietnamese, by its stable code; the server's own title otherwise.
export function errorText(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  switch (e.code) {
    case 'auth.step_up_required':
      return 'Nhập mã 6 số từ ứng dụng xác thực để xác nhận quyết định này';
    case 'auth.totp_invalid':
      return 'Mã xác thực không đúng hoặc đã dùng; chờ mã mới rồi nhập lại';
    case 'auth.rate_limited':
      return 'Nhập sai mã quá nhiều lần; hãy chờ vài phút rồi thử lại';
    case 'gradebook.locked':
      return 'Sổ điểm đang khóa: mở khóa trước khi áp dụng thay đổi';
    case 'request.conflict':
      return 'Yêu cầu đã được xử lý trước đó; tải lại trang';
    case 'auth.forbidden':
      return 'Bạn không có quyền thực hiện thao tác này';
    default:
      return e.message;
  }
}
