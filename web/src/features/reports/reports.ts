import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';
import { primaryOutcomeName } from '../homeroom/qualities';

/// The principal board's views (GB-5) as `/api/v1/reports/...` gives them. Scores are texts as the engine writes
/// them ("7.5", "Đ", "CĐ", "" when not entered or incomplete); percentages are decimal texts ("33.3").

export type Period = 'hk1' | 'hk2' | 'year';

export const periodNames: Record<Period, string> = { hk1: 'Học kỳ I', hk2: 'Học kỳ II', year: 'Cả năm' };

export interface ClassRef {
  id: string;
  unit_id: string;
  name: string;
  grade: number;
  year: string;
  school_name: string;
  homeroom_name: string;
  regulation: string;
}

export interface StudentRef {
  id: string;
  code: string;
  full_name: string;
  birth_date: string;
  gender: string;
}

export interface SubjectColumns {
  code: string;
  name: string;
  scored: boolean;
  regular_labels: string[];
}

export interface SemesterScores {
  exempt: boolean;
  regular: string[];
  midterm: string;
  final: string;
  average: string;
}

export interface Standing {
  learning: string;
  conduct: string;
  absences: number | null;
  outcome: string;
  award: string;
  rank: number | null;
}

export interface StudentGradeSheet {
  class: ClassRef;
  student: StudentRef;
  subjects: (SubjectColumns & { hk1: SemesterScores; hk2: SemesterScores; year: string })[];
  learning: Record<Period, string>;
  explanation: string[];
}

export interface ClassGradeSheet {
  class: ClassRef;
  subject: SubjectColumns;
  rows: { student: StudentRef; hk1: SemesterScores; hk2: SemesterScores; year: string }[];
}

export interface ClassSummary {
  class: ClassRef;
  period: Period;
  subjects: SubjectColumns[];
  rows: { student: StudentRef; averages: string[]; standing: Standing; explanation: string[] }[];
  levels: string[];
  learning_counts: number[];
  conduct_counts: number[];
  has_conduct: boolean;
}

export interface ReportCard {
  class: ClassRef;
  student: StudentRef;
  period: Period;
  subjects: { code: string; name: string; hk1: string; hk2: string; year: string }[];
  standing: Standing;
  homeroom_comment: string;
  explanation: string[];
}

export interface Distribution {
  counts: number[];
  percent: string[];
  assessed: number;
  incomplete: number;
}

export interface ClassificationRates {
  unit_id: string;
  school_name: string;
  year: string;
  period: Period;
  scored_levels: string[];
  comment_levels: string[];
  learning_levels: string[];
  skipped_classes: string[];
  subjects: { code: string; name: string; grade: number; scored: boolean; distribution: Distribution }[];
  grades: { grade: number; classes: number; students: number; learning: Distribution; conduct: Distribution | null }[];
}

const base = '/api/v1/reports';
const enc = encodeURIComponent;

export const reportUrls = {
  studentSheet: (classId: string, studentId: string) =>
    `${base}/classes/${enc(classId)}/students/${enc(studentId)}/grade-sheet`,
  classSheet: (classId: string, subject: string) =>
    `${base}/classes/${enc(classId)}/subjects/${enc(subject)}/grade-sheet`,
  summary: (classId: string, period: Period) => `${base}/classes/${enc(classId)}/summary?period=${period}`,
  yearClassification: (classId: string) => `${base}/classes/${enc(classId)}/year-classification`,
  reportCard: (studentId: string, period: Period, classId?: string) =>
    `${base}/students/${enc(studentId)}/report-card?period=${period}${classId ? `&class_id=${enc(classId)}` : ''}`,
  rates: (unitId: string, period: Period, year?: string) =>
    `${base}/schools/${enc(unitId)}/classification-rates?period=${period}${year ? `&year=${enc(year)}` : ''}`,
};

/// The same view as an .xlsx download (the server names the file).
export function xlsxUrl(url: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}format=xlsx`;
}

function useReport<T>(key: string, url: string | null) {
  return useQuery({
    queryKey: ['report', key, url],
    enabled: url !== null,
    queryFn: ({ signal }) => request<T>(url ?? '', { signal }),
  });
}

export const useStudentSheet = (url: string | null) => useReport<StudentGradeSheet>('student-sheet', url);
export const useClassSheet = (url: string | null) => useReport<ClassGradeSheet>('class-sheet', url);
export const useSummary = (url: string | null) => useReport<ClassSummary>('summary', url);
export const useReportCard = (url: string | null) => useReport<ReportCard>('report-card', url);
export const useRates = (url: string | null) => useReport<ClassificationRates>('rates', url);

export const outcomeNames: Record<string, string> = {
  promoted: 'Lên lớp',
  retained: 'Ở lại lớp',
  reassessment: 'Kiểm tra lại',
  summer_training: 'Rèn luyện hè',
  principal_decision: 'Hiệu trưởng quyết định',
  incomplete: 'Chưa đủ dữ liệu',
};

/// The outcome as the class's regulation names it: TT27 (primary) completes the programme or leaves it to the
/// principal (Điều 11).
export function outcomeText(outcome: string, regulation: string): string {
  if (regulation === 'tt27') return outcome ? primaryOutcomeName(outcome) : '—';
  return outcomeNames[outcome] ?? '—';
}

/// "Tốt"… as is; the engine's "incomplete" as Vietnamese.
export function levelText(level: string): string {
  return level === 'incomplete' ? 'Chưa đủ điểm' : level;
}

/// "Khối 10" for a grade, "Toàn trường" for 0.
export function gradeName(grade: number): string {
  return grade === 0 ? 'Toàn trường' : `Khối ${grade}`;
}

/// Bars of a stacked 100% chart: each level's share (0–100) of the students with a result, from the counts so the
/// bars always fill exactly to 100 whatever the rounding of the printed percentages.
export function stackedShares(counts: number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total === 0 ? 0 : (100 * c) / total));
}
