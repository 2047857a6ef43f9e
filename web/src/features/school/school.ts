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

export function useClass(id: string) {
  return useQuery({
    queryKey: ['class', id],
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
