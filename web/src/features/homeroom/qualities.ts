import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';

/// TT27 (primary) quality and competence ratings (Điều 3, Điều 7 khoản 2): 5 phẩm chất, 3 năng lực chung and
/// 7 năng lực đặc thù, each Tốt / Đạt / Cần cố gắng at mid-term (gk) and end of term (ck) of each semester.
export type Rating = 'T' | 'Đ' | 'C';
export type RatingPoint = 'gk' | 'ck';

export const qualityGroups: { title: string; items: { code: string; label: string; name: string }[] }[] = [
  {
    title: 'Phẩm chất',
    items: [
      { code: 'yeu_nuoc', label: 'Yêu nước', name: 'yêu nước' },
      { code: 'nhan_ai', label: 'Nhân ái', name: 'nhân ái' },
      { code: 'cham_chi', label: 'Chăm chỉ', name: 'chăm chỉ' },
      { code: 'trung_thuc', label: 'Trung thực', name: 'trung thực' },
      { code: 'trach_nhiem', label: 'Trách nhiệm', name: 'trách nhiệm' },
    ],
  },
  {
    title: 'Năng lực chung',
    items: [
      { code: 'tu_chu', label: 'Tự chủ', name: 'tự chủ và tự học' },
      { code: 'giao_tiep', label: 'Giao tiếp', name: 'giao tiếp và hợp tác' },
      { code: 'gqvd_sang_tao', label: 'GQVĐ', name: 'giải quyết vấn đề và sáng tạo' },
    ],
  },
  {
    title: 'Năng lực đặc thù',
    items: [
      { code: 'ngon_ngu', label: 'Ngôn ngữ', name: 'ngôn ngữ' },
      { code: 'tinh_toan', label: 'Tính toán', name: 'tính toán' },
      { code: 'khoa_hoc', label: 'Khoa học', name: 'khoa học' },
      { code: 'cong_nghe', label: 'Công nghệ', name: 'công nghệ' },
      { code: 'tin_hoc', label: 'Tin học', name: 'tin học' },
      { code: 'tham_mi', label: 'Thẩm mĩ', name: 'thẩm mĩ' },
      { code: 'the_chat', label: 'Thể chất', name: 'thể chất' },
    ],
  },
];

export const qualityCodes: string[] = qualityGroups.flatMap((g) => g.items.map((i) => i.code));

export const ratingNames: Record<Rating, string> = { T: 'Tốt', Đ: 'Đạt', C: 'Cần cố gắng' };

/// The class's recognition of an outstanding achievement or clear progress (TT27 Điều 13), stored beside the ratings.
export const outstandingItem = 'tieu_bieu';

export interface QualitySheet {
  class_id: string;
  class_name: string;
  semester: 1 | 2;
  version: number;
  may_edit: boolean;
  locked: boolean;
  item_codes: string[];
  items: {
    student_id: string;
    student_code: string;
    full_name: string;
    gk: Record<string, Rating>;
    ck: Record<string, Rating>;
    outstanding?: boolean;
    outstanding_note?: string;
  }[];
}

export interface QualityChange {
  student_id: string;
  point: RatingPoint;
  item: string;
  rating: Rating | 'x' | '';
  note?: string;
}

export function qualitiesPath(classId: string, semester: number): string {
  return `/api/v1/classes/${encodeURIComponent(classId)}/qualities?semester=${semester}`;
}

export function useQualities(classId: string, semester: number) {
  return useQuery({
    queryKey: ['qualities', classId, semester],
    enabled: classId !== '',
    queryFn: ({ signal }) => request<QualitySheet>(qualitiesPath(classId, semester), { signal }),
  });
}

/// TT27 outcomes as primary schools write them (Điều 11): completion of the grade, or the principal's decision.
export function primaryOutcomeName(word: string): string {
  if (word === 'promoted') return 'Hoàn thành chương trình lớp học';
  if (word === 'principal_decision') return 'Chưa hoàn thành — Hiệu trưởng quyết định';
  if (word === 'retained') return 'Chưa được lên lớp';
  if (word === 'incomplete') return 'Chưa đủ kết quả';
  return word;
}

/// The changes between the stored sheet and the drafts ("point/student/item" → value), as the server takes them.
export function qualityChanges(
  sheet: QualitySheet,
  drafts: Record<string, { rating: Rating | 'x' | ''; note?: string }>,
): QualityChange[] {
  const out: QualityChange[] = [];
  for (const [key, draft] of Object.entries(drafts)) {
    const [point, studentId, item] = key.split('/') as [RatingPoint, string, string];
    const row = sheet.items.find((r) => r.student_id === studentId);
    if (!row) continue;
    if (item === outstandingItem) {
      const stored = row.outstanding ? 'x' : '';
      const note = (draft.note ?? '').trim();
      if (draft.rating !== stored || (draft.rating === 'x' && note !== (row.outstanding_note ?? ''))) {
        out.push({ student_id: studentId, point, item, rating: draft.rating, note });
      }
      continue;
    }
    if (draft.rating !== (row[point][item] ?? ''))
      out.push({ student_id: studentId, point, item, rating: draft.rating });
  }
  return out;
}

/// "15 T", "13 T · 2 Đ", "12 T · 1 C · thiếu 2": a student's ratings at a glance.
export function ratingCounts(ratings: Record<string, string>): string {
  const order = ['T', 'Đ', 'C'] as const;
  const counts = [0, 0, 0];
  let missing = 0;
  for (const code of qualityCodes) {
    const index = order.indexOf((ratings[code] ?? '') as Rating);
    if (index >= 0) counts[index] = (counts[index] ?? 0) + 1;
    else missing += 1;
  }
  const parts = order.flatMap((r, i) => ((counts[i] ?? 0) > 0 ? [`${counts[i]} ${r}`] : []));
  if (missing > 0) parts.push(`thiếu ${missing}`);
  return parts.join(' · ');
}
