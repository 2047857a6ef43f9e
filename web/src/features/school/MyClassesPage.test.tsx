import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { demoUser, mockApi, renderApp } from '../../test/render';
import { teachingRows } from './MyClassesPage';

const WAIT = { timeout: 10_000 };

describe('my classes', () => {
  it("folds a teacher's grants into one row per class", () => {
    const user = demoUser([
      { role: 'homeroom_teacher', class_id: '101' },
      { role: 'subject_teacher', class_id: '101', subject: 'VAN' },
      { role: 'subject_teacher', class_id: '101', subject: 'van' },
      { role: 'subject_teacher', class_id: '102', subject: 'TOAN' },
      { role: 'parent', student_id: '9' },
    ]);
    expect(teachingRows(user.roles)).toEqual([
      { id: '101', homeroom: true, subjects: ['VAN'] },
      { id: '102', homeroom: false, subjects: ['TOAN'] },
    ]);
  });

  it("lists the classes from the server and opens a class list in the server's order", async () => {
    const cls = (id: string, name: string) => ({
      id,
      name,
      grade: 10,
      session: 'morning',
      homeroom_name: 'Ngô Văn Toàn',
      homeroom_staff_id: '5',
      student_count: 2,
      unit_id: '2',
      year_id: '3',
    });
    const student = (id: string, full_name: string) => ({
      id,
      code: `68010000${id}`,
      full_name,
      family_name: '',
      middle_name: '',
      given_name: '',
      birth_date: '2010-04-19',
      gender: 'female',
      status: 'studying',
    });
    mockApi({
      '/api/v1/me': demoUser([
        { role: 'homeroom_teacher', class_id: '101' },
        { role: 'subject_teacher', class_id: '102', subject: 'VAN' },
      ]),
      '/api/v1/classes/101': cls('101', '10A1'),
      '/api/v1/classes/102': cls('102', '10A2'),
      '/api/v1/classes/101/students': {
        items: [student('11', 'Phan Hữu An'), student('12', 'Nguyễn Thị Ánh')],
      },
      '/api/v1/catalogue/subjects': { items: [{ code: 'VAN', name: 'Ngữ văn', level: 'THPT' }] },
    });
    renderApp('/lop-cua-toi');
    const table = await screen.findByTestId('my-classes', {}, WAIT);
    await within(table).findByText('10A2', {}, WAIT);
    expect(within(table).getByText('Chủ nhiệm')).toBeTruthy();
    // The subject taught by its Vietnamese name, not its code.
    expect(await within(table).findByText('Ngữ văn', {}, WAIT)).toBeTruthy();
    expect(within(table).queryByText('VAN')).toBeNull();
    (await within(table).findByRole('link', { name: '10A1' })).click();
    expect(await screen.findByRole('heading', { name: 'Lớp 10A1' }, WAIT)).toBeTruthy();
    const rows = within(await screen.findByTestId('class-students')).getAllByRole('row');
    await screen.findByText('Phan Hữu An', {}, WAIT);
    expect(
      within(screen.getByTestId('class-students'))
        .getAllByRole('row')
        .slice(1)
        .map((r) => r.textContent),
    ).toEqual(['1Phan Hữu An19/04/2010Nữ680100001' + '1', '2Nguyễn Thị Ánh19/04/2010Nữ6801000012']);
    expect(rows.length).toBeGreaterThan(0);
  }, 30_000);
});
