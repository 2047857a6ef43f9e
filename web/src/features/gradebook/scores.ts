import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';

/// A column of a score sheet (`GET …/scores`): TT22/TT26 ĐĐGtx, GK, CK; TT58 hệ số 1/2/3 (tests beyond the
/// minimum `optional`); TT27 levels (HTT/HT/CHT) and periodic tests (whole numbers).
export interface Column {
  item: string;
  kind: 'tx' | 'gk' | 'ck';
  label: string;
  topic: boolean;
  type?: 'score' | 'comment' | 'level' | 'whole_score';
  optional?: boolean;
}

export interface StoredCell {
  value: string;
  status: 'entered' | 'makeup' | 'no_makeup' | 'pending';
  version: number;
  updated_by: string;
  updated_at: string;
}

export interface SheetRow {
  student_id: string;
  student_code: string;
  full_name: string;
  exempt: boolean;
  cells: Record<string, StoredCell>;
  average: string;
  missing: string[];
  explanation: string[];
}

export interface Sheet {
  class_id: string;
  class_name: string;
  subject_code: string;
  subject_name: string;
  semester: number;
  regulation: string;
  scored: boolean;
  version: number;
  confirmed: boolean;
  locked: boolean;
  lock_reason: string;
  closed_items: string[];
  may_edit: boolean;
  columns: Column[];
  rows: SheetRow[];
}

export interface HistoryEntry {
  old_value: string;
  new_value: string;
  reason: string;
  actor_name: string;
  at: string;
  correction_id: string | null;
}

/// The signed-in person's grants (`GET /api/v1/me`), as far as this feature needs them.
export interface Me {
  full_name: string;
  roles: { role: string; class_id: string | null; subject: string | null }[];
}

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: ({ signal }) => request<Me>('/api/v1/me', { signal }) });
}

/// Class names by id, for the list of sheets.
export function useClassNames(ids: string[]) {
  return useQuery({
    queryKey: ['class-names', ...ids],
    enabled: ids.length > 0,
    queryFn: async ({ signal }) => {
      const entries = await Promise.all(
        ids.map(async (id) => {
          const c = await request<{ id: string; name: string }>(`/api/v1/classes/${encodeURIComponent(id)}`, {
            signal,
          });
          return [id, c.name] as const;
        }),
      );
      return new Map(entries);
    },
  });
}

export function sheetPath(classId: string, subject: string, semester: number): string {
  return `/api/v1/classes/${encodeURIComponent(classId)}/subjects/${encodeURIComponent(subject)}/scores?semester=${semester}`;
}

export function useSheet(classId: string, subject: string, semester: number) {
  return useQuery({
    queryKey: ['score-sheet', classId, subject, semester],
    queryFn: ({ signal }) => request<Sheet>(sheetPath(classId, subject, semester), { signal }),
  });
}

export function fetchHistory(classId: string, subject: string, semester: number, studentId: string, item: string) {
  const base = `/api/v1/classes/${encodeURIComponent(classId)}/subjects/${encodeURIComponent(subject)}/scores/history`;
  return request<{ items: HistoryEntry[] }>(
    `${base}?semester=${semester}&student_id=${encodeURIComponent(studentId)}&item=${encodeURIComponent(item)}`,
  );
}

/// What a typed cell holds once parsed: the machine text ("7.5", "Đ", "CĐ", "" for empty), or an error in
/// Vietnamese. The same rules as the server (0–10 with at most one decimal, "," or "."; Đ/CĐ).
export type Parsed = { ok: true; value: string; tenths: number | null } | { ok: false; error: string };

export function parseCell(scored: boolean, raw: string): Parsed {
  const text = raw.trim();
  if (text === '') return { ok: true, value: '', tenths: null };
  if (scored) {
    const m = /^(\d{1,2})(?:[.,](\d))?$/.exec(text);
    if (!m) return { ok: false, error: 'Điểm là số từ 0 đến 10, tối đa một chữ số thập phân' };
    const tenths = Number(m[1]) * 10 + (m[2] ? Number(m[2]) : 0);
    if (tenths > 100) return { ok: false, error: 'Điểm không quá 10' };
    return { ok: true, value: `${Math.floor(tenths / 10)}.${tenths % 10}`, tenths };
  }
  const upper = text.toUpperCase();
  if (upper === 'Đ' || upper === 'D') return { ok: true, value: 'Đ', tenths: null };
  if (upper === 'CĐ' || upper === 'CD') return { ok: true, value: 'CĐ', tenths: null };
  return { ok: false, error: 'Nhập Đ (Đạt) hoặc CĐ (Chưa đạt)' };
}

/// A typed cell of `column` (its type decides; older answers without a type follow the sheet's `scored`).
export function parseColumn(column: Column, scored: boolean, raw: string): Parsed {
  const text = raw.trim();
  if (column.type === 'level') {
    if (text === '') return { ok: true, value: '', tenths: null };
    const level = { T: 'HTT', HTT: 'HTT', H: 'HT', HT: 'HT', C: 'CHT', CHT: 'CHT' }[text.toUpperCase()];
    return level
      ? { ok: true, value: level, tenths: null }
      : { ok: false, error: 'Nhập T (Hoàn thành tốt), H (Hoàn thành) hoặc C (Chưa hoàn thành)' };
  }
  if (column.type === 'whole_score') {
    const parsed = parseCell(true, text);
    if (parsed.ok && parsed.tenths !== null && parsed.tenths % 10 !== 0) {
      return { ok: false, error: 'Điểm bài kiểm tra định kì là số nguyên từ 0 đến 10' };
    }
    return parsed;
  }
  return parseCell(column.type ? column.type === 'score' : scored, text);
}

/// The provisional semester average while typing (TT22 Điều 9: (ΣTX + 2·GK + 3·CK) / (số TX + 5), half up to one
/// decimal on exact integers); "" until every column is filled. The saved sheet shows the engine's value.
export function liveAverage(columns: Column[], values: Record<string, string>, scored: boolean): string {
  // TT27 has no semester average: the level comes from the teacher and, for the year, the engine.
  if (columns.some((c) => c.type === 'level')) return '';
  // TT58: a test beyond the minimum count takes part only when it was given.
  columns = columns.filter((c) => !c.optional || (values[c.item] ?? '') !== '');
  if (!scored) {
    const all = columns.map((c) => values[c.item] ?? '');
    if (all.some((v) => v === '')) return '';
    return all.every((v) => v === 'Đ') ? 'Đ' : 'CĐ';
  }
  let numerator = 0;
  let denominator = 0;
  for (const c of columns) {
    const parsed = parseCell(true, values[c.item] ?? '');
    if (!parsed.ok || parsed.tenths === null) return '';
    const weight = c.kind === 'ck' ? 3 : c.kind === 'gk' ? 2 : 1;
    numerator += weight * parsed.tenths;
    denominator += weight;
  }
  const rounded = Math.floor((2 * numerator + denominator) / (2 * denominator));
  return `${Math.floor(rounded / 10)}.${rounded % 10}`;
}

/// A block copied from Excel: rows by line, cells by tab; a trailing newline is not a row.
export function parsePaste(text: string): string[][] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

/// "7.5" → "7,5" as Vietnamese write it.
export function display(value: string): string {
  return value.replace('.', ',');
}
