import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import type { RoleGrant } from '../org/session';

/// A roll-call mark: present, excused (P, có phép), unexcused (K, không phép) or late (muộn).
export type AttendanceStatus = 'present' | 'excused' | 'unexcused' | 'late';
export type Session = 'morning' | 'afternoon';

/// The order a tap walks through: có mặt → P → K → muộn → có mặt.
export const statusCycle: AttendanceStatus[] = ['present', 'excused', 'unexcused', 'late'];

export function nextStatus(status: AttendanceStatus): AttendanceStatus {
  return statusCycle[(statusCycle.indexOf(status) + 1) % statusCycle.length] ?? 'present';
}

/// How a status is written on the class register: the short mark and the words.
export const statusNames: Record<AttendanceStatus, { short: string; long: string; color: string }> = {
  present: { short: 'Có mặt', long: 'Có mặt', color: 'green' },
  excused: { short: 'P', long: 'Vắng có phép', color: 'blue' },
  unexcused: { short: 'K', long: 'Vắng không phép', color: 'red' },
  late: { short: 'Muộn', long: 'Đi muộn', color: 'orange' },
};

export const sessionNames: Record<Session, string> = { morning: 'sáng', afternoon: 'chiều' };

export interface Mark {
  session: Session;
  period: number;
  status: AttendanceStatus;
  note: string;
  version: number;
  updated_by_name: string;
  updated_at: string;
}

/// `GET /api/v1/classes/{id}/attendance?date=`: the roll-call of a day.
export interface Attendance {
  class_id: string;
  class_name: string;
  date: string;
  main_session: Session;
  sessions: Session[];
  version: number;
  may_edit: boolean;
  reason_required: boolean;
  students: { student_id: string; student_code: string; full_name: string; marks: Mark[] }[];
}

export interface AttendanceChange {
  student_id: string;
  session: Session;
  period: number;
  status: AttendanceStatus;
}

export function attendancePath(classId: string, date: string): string {
  return `/api/v1/classes/${encodeURIComponent(classId)}/attendance?date=${encodeURIComponent(date)}`;
}

export function useAttendance(classId: string, date: string) {
  return useQuery({
    queryKey: ['attendance', classId, date],
    enabled: classId !== '',
    queryFn: ({ signal }) => request<Attendance>(attendancePath(classId, date), { signal }),
  });
}

/// The whole-session mark (period 0) of a student, if one was recorded.
export function sessionMark(marks: Mark[], session: Session): Mark | undefined {
  return marks.find((m) => m.session === session && m.period === 0);
}

export interface AttendanceTotals {
  class_id: string;
  period: string;
  from: string;
  to: string;
  items: {
    student_id: string;
    student_code: string;
    full_name: string;
    excused: number;
    unexcused: number;
    late: number;
    periods_absent: number;
    absences: number;
  }[];
}

export function useAttendanceTotals(classId: string, period: string) {
  return useQuery({
    queryKey: ['attendance-totals', classId, period],
    enabled: classId !== '',
    queryFn: ({ signal }) =>
      request<AttendanceTotals>(
        `/api/v1/classes/${encodeURIComponent(classId)}/attendance/totals?period=${encodeURIComponent(period)}`,
        { signal },
      ),
  });
}

/// Conduct levels (kết quả rèn luyện), sent as words. TT58/TT26 years use hạnh kiểm names for the same ranks.
export type ConductLevel = 'tot' | 'kha' | 'dat' | 'chua_dat' | 'trung_binh' | 'yeu';

export const tt22Levels: { value: ConductLevel; label: string }[] = [
  { value: 'tot', label: 'Tốt' },
  { value: 'kha', label: 'Khá' },
  { value: 'dat', label: 'Đạt' },
  { value: 'chua_dat', label: 'Chưa đạt' },
];

export const tt58Levels: { value: ConductLevel; label: string }[] = [
  { value: 'tot', label: 'Tốt' },
  { value: 'kha', label: 'Khá' },
  { value: 'trung_binh', label: 'Trung bình' },
  { value: 'yeu', label: 'Yếu' },
];

export interface ConductEntry {
  level: ConductLevel;
  level_name: string;
  comment: string;
}

export interface Conduct {
  class_id: string;
  regulation: string;
  year_entered: boolean;
  may_edit: boolean;
  locked: boolean;
  version: number;
  items: {
    student_id: string;
    student_code: string;
    full_name: string;
    hk1: ConductEntry | null;
    hk2: ConductEntry | null;
    year: (ConductEntry & { computed: boolean }) | null;
    summer: ConductEntry | null;
    explanation: string[];
  }[];
}

export type ConductPeriod = 'hk1' | 'hk2' | 'year' | 'summer';

export interface ConductChange {
  student_id: string;
  period: ConductPeriod;
  level: ConductLevel | '';
  comment: string;
}

export function conductPath(classId: string): string {
  return `/api/v1/classes/${encodeURIComponent(classId)}/conduct`;
}

export function useConduct(classId: string) {
  return useQuery({
    queryKey: ['conduct', classId],
    enabled: classId !== '',
    queryFn: ({ signal }) => request<Conduct>(conductPath(classId), { signal }),
  });
}

export interface ClassSummary {
  class_id: string;
  class_name: string;
  year: string;
  regulation: string;
  period: 'hk1' | 'hk2' | 'year';
  subjects: { code: string; name: string; scored: boolean }[];
  items: {
    student_id: string;
    student_code: string;
    full_name: string;
    subjects: Record<string, string>;
    learning: string;
    conduct: string;
    absences: number;
    outcome: string;
    award: string;
    rank: number | null;
    reassess_subjects: string[];
    retained_for_absences: boolean;
    reassessment_blocked_by_conduct: boolean;
    after_summer: { done: boolean; outcome: string; learning: string; conduct: string } | null;
    missing: string[];
    explanation: string[];
    /// TT27 only: end-of-term tests, end-of-term quality and competence ratings, the class's recognition.
    tests?: Record<string, string>;
    qualities?: Record<string, string>;
    outstanding?: boolean;
  }[];
  counts: {
    learning: Record<string, number>;
    conduct: Record<string, number>;
    outcome: Record<string, number>;
    award: Record<string, number>;
  };
}

export function useClassSummary(classId: string, period: string) {
  return useQuery({
    queryKey: ['class-summary', classId, period],
    enabled: classId !== '',
    queryFn: ({ signal }) =>
      request<ClassSummary>(
        `/api/v1/classes/${encodeURIComponent(classId)}/summary?period=${encodeURIComponent(period)}`,
        { signal },
      ),
  });
}

/// The engine's outcome words, as the school writes them.
export const outcomeNames: Record<string, string> = {
  promoted: 'Lên lớp',
  retained: 'Ở lại lớp',
  reassessment: 'Kiểm tra lại',
  summer_training: 'Rèn luyện hè',
  principal_decision: 'Hiệu trưởng quyết định',
  incomplete: 'Chưa đủ kết quả',
  graduated: 'Hoàn thành chương trình',
};

export function outcomeName(word: string): string {
  return outcomeNames[word] ?? word;
}

/// A level or an award as the server writes it (Vietnamese names), except the engine's word for a result that cannot
/// be given yet.
export function resultName(value: string): string {
  return value === 'incomplete' ? 'Chưa đủ kết quả' : value;
}

export type YearCloseStatus = 'draft' | 'submitted' | 'approved' | 'rejected';

export const yearCloseStatusNames: Record<YearCloseStatus, { label: string; color: string }> = {
  draft: { label: 'Chưa gửi', color: 'default' },
  submitted: { label: 'Chờ duyệt', color: 'gold' },
  approved: { label: 'Đã duyệt', color: 'green' },
  rejected: { label: 'Bị trả lại', color: 'red' },
};

export interface YearCloseResult {
  outcome: string;
  award: string;
  reassess_subjects: string[];
}

export interface YearCloseOverride {
  outcome?: 'promoted' | 'retained';
  award?: 'extraordinary';
  reassess_subjects?: string[];
  basis?: 'disability' | 'principal_decision';
  reason: string;
}

export interface YearCloseItem {
  student_id: string;
  student_code: string;
  full_name: string;
  learning: string;
  conduct: string;
  absences: number;
  engine: YearCloseResult;
  /// What was sent to the principal; null until the lists are submitted (the engine's result stands until then).
  proposed: YearCloseResult | null;
  override: YearCloseOverride | null;
  final: { outcome: string; done: boolean; learning: string; conduct: string } | null;
  retained_for_absences: boolean;
  explanation: string[];
}

/// `GET /api/v1/classes/{id}/year-close`: the lists of a class (GB-4).
export interface YearClose {
  class_id: string;
  class_name: string;
  year: string;
  regulation: string;
  status: YearCloseStatus;
  version: number;
  submitted_by_name: string | null;
  submitted_at: string | null;
  note: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  decision_note: string | null;
  locked: boolean;
  unconfirmed_sheets: { subject_code: string; semester: number; subject_name?: string; teacher_name?: string }[];
  may_propose: boolean;
  may_decide: boolean;
  totp_required: boolean;
  lists: {
    promoted: string[];
    retained: string[];
    reassessment: string[];
    summer_training: string[];
    awards: Record<string, string[]>;
  };
  items: YearCloseItem[];
}

export function yearClosePath(classId: string): string {
  return `/api/v1/classes/${encodeURIComponent(classId)}/year-close`;
}

export function useYearClose(classId: string) {
  return useQuery({
    queryKey: ['year-close', classId],
    enabled: classId !== '',
    queryFn: ({ signal }) => request<YearClose>(yearClosePath(classId), { signal }),
  });
}

/// The classes the signed-in person is homeroom teacher of (their grants), once each.
export function homeroomClassIds(roles: RoleGrant[]): string[] {
  return [
    ...new Set(roles.filter((g) => g.role === 'homeroom_teacher' && g.class_id).map((g) => g.class_id as string)),
  ];
}

/// Today in Vietnam (UTC+7, no daylight saving), as YYYY-MM-DD: the school's day, wherever the browser is.
export function todayInVietnam(now: Date = new Date()): string {
  return new Date(now.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/// "7.5" → "7,5" as Vietnamese write it.
export function display(value: string): string {
  return value.replace('.', ',');
}

/// `GET /api/v1/classes/{id}/homeroom-confirmation` (GB-8): the homeroom teacher's confirmations and the subject
/// sheets still waiting for their teacher's.
export interface HomeroomConfirmation {
  class_id: string;
  items: { period: 'hk1' | 'hk2' | 'year'; confirmed_by_name: string; confirmed_at: string }[];
  unconfirmed_sheets: { subject_code: string; subject_name: string; semester: number; teacher_name: string }[];
}

export function confirmationPath(classId: string): string {
  return `/api/v1/classes/${encodeURIComponent(classId)}/homeroom-confirmation`;
}

export function useHomeroomConfirmation(classId: string) {
  return useQuery({
    queryKey: ['homeroom-confirmation', classId],
    enabled: classId !== '',
    queryFn: ({ signal }) => request<HomeroomConfirmation>(confirmationPath(classId), { signal }),
  });
}
