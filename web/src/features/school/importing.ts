import { upload } from '../../api/client';

/// One problem of an import, as the server reports it: where (sheet, row, column letter and header) and why.
export interface ImportProblem {
  sheet: string;
  row: number;
  column: string;
  header: string;
  message: string;
}

/// What a student or staff import found (`…/import/preview`) or wrote (`…/import/commit`).
export interface ImportReport {
  sheet: string;
  header_row: number;
  columns: { column: string; field: string }[];
  rows: number;
  problems: ImportProblem[];
  ok: boolean;
  committed: boolean;
  created: ImportCreated[];
}

/// A record the commit created: students carry code and class, staff their account and one-time password.
export interface ImportCreated {
  id: string;
  full_name: string;
  code?: string;
  class_name?: string;
  username?: string;
  password?: string;
}

export type ImportKind = 'students' | 'staff';

/// The largest file the server reads (people/import: 5 MB).
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/// The Vietnamese name of each field the server maps a column to.
export const fieldNames: Record<string, string> = {
  stt: 'Số thứ tự',
  code: 'Mã học sinh',
  full_name: 'Họ và tên',
  family_name: 'Họ',
  middle_name: 'Tên đệm',
  given_name: 'Tên',
  birth_date: 'Ngày sinh',
  gender: 'Giới tính',
  ethnicity: 'Dân tộc',
  birthplace: 'Nơi sinh',
  address: 'Địa chỉ',
  class: 'Lớp',
  priority: 'Đối tượng ưu tiên',
  policy: 'Diện chính sách',
  father_name: 'Họ tên cha',
  father_phone: 'Điện thoại cha',
  mother_name: 'Họ tên mẹ',
  mother_phone: 'Điện thoại mẹ',
  guardian_name: 'Họ tên người giám hộ',
  guardian_phone: 'Điện thoại người giám hộ',
  guardian_email: 'Email người giám hộ',
  phone: 'Số điện thoại',
  email: 'Email',
  position: 'Chức vụ',
  subjects: 'Môn dạy',
  qualification: 'Trình độ chuyên môn',
  professional_rank: 'Hạng chức danh nghề nghiệp',
};

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/// The Content-Type the server reads a file by: .xlsx or .csv, whatever the browser guessed.
export function importContentType(fileName: string): string | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) {
    return XLSX_TYPE;
  }
  if (lower.endsWith('.csv')) {
    return 'text/csv';
  }
  return null;
}

/// Sends `file` to the preview or commit step. A commit refused for problems (422) answers with the report too.
export async function sendImport(
  unitId: string,
  kind: ImportKind,
  step: 'preview' | 'commit',
  file: Blob & { name: string },
  query: Record<string, string> = {},
): Promise<ImportReport> {
  const params = new URLSearchParams(query).toString();
  const path = `/api/v1/schools/${encodeURIComponent(unitId)}/${kind}/import/${step}${params ? `?${params}` : ''}`;
  const reply = await upload<ImportReport>(path, file, {
    contentType: importContentType(file.name) ?? 'application/octet-stream',
    acceptStatus: [422],
  });
  return reply.body;
}

function csvCell(value: string | number): string {
  const text = String(value);
  // A cell that a spreadsheet would run as a formula is kept as text.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/// The error report as CSV (UTF-8 with BOM so that Excel reads the Vietnamese), one line per problem.
export function problemsCsv(problems: ImportProblem[]): string {
  const lines = [['Trang tính', 'Dòng', 'Cột', 'Tiêu đề cột', 'Lỗi']];
  for (const p of problems) {
    lines.push([p.sheet, String(p.row), p.column, p.header, p.message]);
  }
  return '\uFEFF' + lines.map((line) => line.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/// The rows that have at least one problem.
export function rowsWithProblems(problems: ImportProblem[]): number {
  return new Set(problems.map((p) => `${p.sheet}\u0000${p.row}`)).size;
}
