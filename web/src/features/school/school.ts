import { useQueries, useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';

/// A class as `GET /api/v1/classes/{id}` and `GET /api/v1/schools/{unit_id}/classes` give it.
export interface SchoolClass {
  id: string;
  name: string;
  grade: number;
  session: string;
  homeroom_name: string | null;
  homeroom_staff_id: string | null;
  student_count: number;
  unit_id: string;
  year_id: string;
}

/// A student as the class and school lists give them.
export interface Student {
  id: string;
  code: string;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  birth_date: string;
  gender: string;
  status: string;
}

/// One student with their current class (`GET /api/v1/students/{id}`).
export interface StudentRecord extends Student {
  class: { id: string; name: string; year_id: string } | null;
  birthplace: string;
  ethnicity: string;
}

export function useSchoolClasses(unitId: string | undefined) {
  return useQuery({
    queryKey: ['school-classes', unitId],
    enabled: unitId !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: SchoolClass[] }>(`/api/v1/schools/${encodeURIComponent(unitId ?? '')}/classes`, {
        signal,
      }).then((body) => body.items),
  });
}

/// A class by id; nothing is asked while `id` is empty (e.g. a profile still loading, or a student in no class).
export function useClass(id: string) {
  return useQuery({
    queryKey: ['class', id],
    enabled: id !== '',
    queryFn: ({ signal }) => request<SchoolClass>(`/api/v1/classes/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useClasses(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['class', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request<SchoolClass>(`/api/v1/classes/${encodeURIComponent(id)}`, { signal }),
    })),
  });
}

/// The students of a class, in the order the server gives (Vietnamese order: given name, then the rest).
export function useClassStudents(id: string) {
  return useQuery({
    queryKey: ['class-students', id],
    queryFn: ({ signal }) =>
      request<{ items: Student[] }>(`/api/v1/classes/${encodeURIComponent(id)}/students`, { signal }).then(
        (body) => body.items,
      ),
  });
}

export function useStudents(ids: string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: ['student', id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request<StudentRecord>(`/api/v1/students/${encodeURIComponent(id)}`, { signal }),
    })),
  });
}

export const genderNames: Record<string, string> = { male: 'Nam', female: 'Nữ' };

/// 2010-04-19 → 19/04/2010.
export function vietnameseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/// A school year with its semesters (`GET /api/v1/schools/{unit_id}/years`, newest first).
export interface SchoolYear {
  id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  status: string;
  unit_id: string;
  semesters: { number: number; starts_on: string; ends_on: string }[];
}

export function useSchoolYears(unitId: string | undefined) {
  return useQuery({
    queryKey: ['school-years', unitId],
    enabled: unitId !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: SchoolYear[] }>(`/api/v1/schools/${encodeURIComponent(unitId ?? '')}/years`, {
        signal,
      }).then((body) => body.items),
  });
}

/// The classes of one year of a school (`?year=` a name or id; all of the latest year when absent).
export function useYearClasses(unitId: string | undefined, year: string | undefined) {
  return useQuery({
    queryKey: ['school-classes', unitId, year],
    enabled: unitId !== undefined && year !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: SchoolClass[] }>(
        `/api/v1/schools/${encodeURIComponent(unitId ?? '')}/classes?year=${encodeURIComponent(year ?? '')}`,
        { signal },
      ).then((body) => body.items),
  });
}

/// A guardian (cha, mẹ, người giám hộ) of a student; `account_id` once their parent account exists.
export interface Guardian {
  id: string;
  student_id: string;
  full_name: string;
  relation: string;
  phone: string;
  email: string;
  account_id: string | null;
}

/// One enrolment of a student in a class (the history a profile shows).
export interface Enrolment {
  id: string;
  student_id: string;
  class_id: string;
  class_name: string;
  year_id: string;
  status: string;
  started_on: string;
  ended_on: string;
  end_reason: string;
}

/// A subject a student is exempt from in a semester (SCH-8).
export interface Exemption {
  id: string;
  student_id: string;
  year_id: string;
  semester: number;
  subject: string;
  reason: string;
}

/// A student's full record (`GET /api/v1/students/{id}`, and the school's search).
export interface StudentProfile extends StudentRecord {
  address: string;
  priority: string;
  policy: string;
  status_date: string;
  status_reason: string;
  origin_id: string | null;
  unit_id: string;
  guardians: Guardian[];
  enrolments?: Enrolment[];
  exemptions?: Exemption[];
}

/// A member of staff with HR fields and their account (`GET /api/v1/schools/{unit_id}/staff`).
export interface StaffMember {
  id: string;
  unit_id: string;
  full_name: string;
  family_name: string;
  middle_name: string;
  given_name: string;
  birth_date: string;
  gender: string;
  ethnicity: string;
  phone: string;
  email: string;
  position: string;
  subjects: string[];
  qualification: string;
  professional_rank: string;
  status: string;
  account_id: string | null;
  username: string | null;
}

/// A subject of a year's curriculum for one grade (`GET /api/v1/years/{id}/curriculum`).
export interface CurriculumEntry {
  grade: number;
  subject: string;
  name: string;
  periods_per_year: number;
  assessment: string;
  kind: string;
}

/// One teaching assignment: teacher × class × subject × semester (SCH-9).
export interface TeachingAssignment {
  id: string;
  class_id: string;
  class_name: string;
  subject: string;
  semester: number;
  staff_id: string;
  staff_name: string;
}

export const studentStatusNames: Record<string, string> = {
  studying: 'Đang học',
  transferred_out: 'Đã chuyển trường',
  dropped_out: 'Đã thôi học',
  graduated: 'Đã tốt nghiệp',
};

export function useStudentProfile(id: string) {
  return useQuery({
    queryKey: ['student', id],
    queryFn: ({ signal }) => request<StudentProfile>(`/api/v1/students/${encodeURIComponent(id)}`, { signal }),
  });
}

/// The school's students matching `q` (diacritics-insensitive on the server), in Vietnamese order.
export function useSchoolStudents(unitId: string | undefined, q: string) {
  return useQuery({
    queryKey: ['school-students', unitId, q],
    enabled: unitId !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: StudentProfile[] }>(
        `/api/v1/schools/${encodeURIComponent(unitId ?? '')}/students${q ? `?q=${encodeURIComponent(q)}` : ''}`,
        { signal },
      ).then((body) => body.items),
  });
}

export function useSchoolStaff(unitId: string | undefined, q = '') {
  return useQuery({
    queryKey: ['school-staff', unitId, q],
    enabled: unitId !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: StaffMember[] }>(
        `/api/v1/schools/${encodeURIComponent(unitId ?? '')}/staff${q ? `?q=${encodeURIComponent(q)}` : ''}`,
        { signal },
      ).then((body) => body.items),
  });
}

export function useCurriculum(yearId: string | undefined) {
  return useQuery({
    queryKey: ['curriculum', yearId],
    enabled: yearId !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: CurriculumEntry[] }>(`/api/v1/years/${encodeURIComponent(yearId ?? '')}/curriculum`, {
        signal,
      }).then((body) => body.items),
  });
}

export function useTeaching(unitId: string | undefined, year: string | undefined) {
  return useQuery({
    queryKey: ['teaching', unitId, year],
    enabled: unitId !== undefined && year !== undefined,
    queryFn: ({ signal }) =>
      request<{ items: TeachingAssignment[] }>(
        `/api/v1/schools/${encodeURIComponent(unitId ?? '')}/teaching?year=${encodeURIComponent(year ?? '')}`,
        { signal },
      ).then((body) => body.items),
  });
}

/// Whether the signed-in person holds `permission` (as `GET /api/v1/me` lists them).
export function can(user: { permissions: string[] } | null | undefined, permission: string): boolean {
  return user?.permissions.includes(permission) ?? false;
}

/// A date picked in the UI (dayjs) as the server reads it: dd/mm/yyyy.
export function dayText(value: { format: (f: string) => string } | null | undefined): string | undefined {
  return value ? value.format('DD/MM/YYYY') : undefined;
}

/// The subjects of the Ministry's catalogue, once each (`GET /api/v1/catalogue/subjects` lists a subject per level),
/// in the catalogue's order; fetched once per session.
export function useSubjectCatalogue() {
  return useQuery({
    queryKey: ['subject-catalogue'],
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      request<{ items: { code: string; name: string }[] }>('/api/v1/catalogue/subjects', { signal }).then((body) => {
        const names = new Map<string, string>();
        for (const s of body.items) {
          if (!names.has(s.code)) names.set(s.code, s.name);
        }
        return names;
      }),
  });
}

/// A subject's Vietnamese name by its code (TOAN → Toán), the code itself until the catalogue has loaded.
export function useSubjectNames(): (code: string) => string {
  const catalogue = useSubjectCatalogue();
  return (code) => catalogue.data?.get(code) ?? code;
}
