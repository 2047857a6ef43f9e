import { describe, expect, it } from 'vitest';
import { navByAudience, navItemsFor, selectedNavPath } from './navigation';

const labels = (roles: string[] | null) => navItemsFor(roles).map((item) => item.label);

describe('navigation by role', () => {
  it('shows a visitor the public pages and the sign-in page', () => {
    expect(labels(null)).toEqual(['Trang chủ', 'Trạng thái hệ thống', 'Đăng nhập']);
  });

  it.each([
    [['unit_admin'], ['Trang chủ', 'Đơn vị', 'Tài khoản', 'Tài khoản của tôi', 'Trạng thái hệ thống']],
    [['authority_leader'], ['Trang chủ', 'Đơn vị trực thuộc', 'Báo cáo', 'Tài khoản của tôi']],
    [['authority_staff'], ['Trang chủ', 'Đơn vị trực thuộc', 'Báo cáo', 'Tài khoản của tôi']],
    [
      ['principal'],
      [
        'Trang chủ',
        'Lớp học',
        'Học sinh',
        'Cán bộ, giáo viên',
        'Phân công giảng dạy',
        'Duyệt kết quả cuối năm',
        'Tiến độ nhập điểm',
        'Thời hạn nhập điểm',
        'Khóa sổ điểm',
        'Duyệt sửa điểm',
        'Báo cáo',
        'Tài khoản của tôi',
      ],
    ],
    [
      ['vice_principal'],
      [
        'Trang chủ',
        'Lớp học',
        'Học sinh',
        'Cán bộ, giáo viên',
        'Phân công giảng dạy',
        'Duyệt kết quả cuối năm',
        'Tiến độ nhập điểm',
        'Thời hạn nhập điểm',
        'Khóa sổ điểm',
        'Duyệt sửa điểm',
        'Báo cáo',
        'Tài khoản của tôi',
      ],
    ],
    [
      ['admin_board'],
      ['Trang chủ', 'Lớp học', 'Học sinh', 'Cán bộ, giáo viên', 'Phân công giảng dạy', 'Tài khoản của tôi'],
    ],
    [['office'], ['Trang chủ', 'Lớp học', 'Tài khoản của tôi']],
    [
      ['homeroom_teacher'],
      ['Trang chủ', 'Lớp của tôi', 'Điểm danh', 'Tổng kết lớp', 'Xét lên lớp', 'Kết quả hè', 'Tài khoản của tôi'],
    ],
    [['subject_teacher'], ['Trang chủ', 'Lớp của tôi', 'Nhập điểm', 'Nhận xét hằng tuần', 'Tài khoản của tôi']],
    [['parent'], ['Trang chủ', 'Con của tôi', 'Tài khoản của tôi']],
    [['student'], ['Trang chủ', 'Hồ sơ của em', 'Tài khoản của tôi']],
  ])('shows %j exactly their entries', (roles, expected) => {
    expect(labels(roles)).toEqual(expected);
  });

  it("shows a school's administrator the school records as well as their admin entries (SCH-1, SCH-3)", () => {
    expect(labels(['unit_admin', 'school_admin'])).toEqual([
      'Trang chủ',
      'Đơn vị',
      'Tài khoản',
      'Lớp học',
      'Học sinh',
      'Cán bộ, giáo viên',
      'Phân công giảng dạy',
      'Năm học',
      'Nhập dữ liệu',
      'Tài khoản của tôi',
      'Trạng thái hệ thống',
    ]);
  });

  it('gives a person with several roles the union once, in menu order', () => {
    expect(labels(['parent', 'principal', 'homeroom_teacher', 'subject_teacher'])).toEqual([
      'Trang chủ',
      'Lớp học',
      'Học sinh',
      'Cán bộ, giáo viên',
      'Phân công giảng dạy',
      'Lớp của tôi',
      'Nhập điểm',
      'Nhận xét hằng tuần',
      'Điểm danh',
      'Tổng kết lớp',
      'Xét lên lớp',
      'Kết quả hè',
      'Duyệt kết quả cuối năm',
      'Tiến độ nhập điểm',
      'Thời hạn nhập điểm',
      'Khóa sổ điểm',
      'Duyệt sửa điểm',
      'Báo cáo',
      'Con của tôi',
      'Tài khoản của tôi',
    ]);
  });

  it('shows one entry per path: an admin who also leads sees the units once', () => {
    const items = navItemsFor(['authority_leader', 'unit_admin']);
    expect(items.filter((i) => i.path === '/don-vi').map((i) => i.label)).toEqual(['Đơn vị']);
  });

  it('gives unknown roles nothing beyond what every signed-in person sees', () => {
    expect(labels(['someone_else'])).toEqual(['Trang chủ', 'Tài khoản của tôi']);
    expect(labels([])).toEqual(['Trang chủ', 'Tài khoản của tôi']);
    expect(labels(['anonymous'])).toEqual(['Trang chủ', 'Tài khoản của tôi']);
  });

  it('never shows the sign-in entry to someone signed in', () => {
    for (const role of Object.keys(navByAudience)) {
      expect(labels([role])).not.toContain('Đăng nhập');
    }
  });
});

describe('selectedNavPath', () => {
  it('picks the entry that owns a path', () => {
    expect(selectedNavPath('/')).toBe('/');
    expect(selectedNavPath('/trang-thai')).toBe('/trang-thai');
    expect(selectedNavPath('/trang-thai/chi-tiet')).toBe('/trang-thai');
    expect(selectedNavPath('/khong-co')).toBeUndefined();
    expect(selectedNavPath('/lop-hoc/101', navItemsFor(['principal']))).toBe('/lop-hoc');
    expect(selectedNavPath('/bao-cao/ti-le-xep-loai', navItemsFor(['principal']))).toBe('/bao-cao');
    expect(selectedNavPath('/lop-hoc/101', navItemsFor(['parent']))).toBeUndefined();
  });
});
