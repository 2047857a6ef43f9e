import {
  ApartmentOutlined,
  BarChartOutlined,
  AuditOutlined,
  BookOutlined,
  CalendarOutlined,
  ContactsOutlined,
  CheckSquareOutlined,
  CommentOutlined,
  DashboardOutlined,
  DiffOutlined,
  EditOutlined,
  FieldTimeOutlined,
  FileDoneOutlined,
  HomeOutlined,
  IdcardOutlined,
  ImportOutlined,
  LineChartOutlined,
  LockOutlined,
  LoginOutlined,
  ReadOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SmileOutlined,
  SunOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/// One entry of the side navigation.
export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
}

/// The roles a grant can carry (`GET /api/v1/me` → `roles[].role`).
export type Role =
  | 'unit_admin'
  | 'authority_leader'
  | 'authority_staff'
  | 'principal'
  | 'vice_principal'
  | 'admin_board'
  | 'homeroom_teacher'
  | 'subject_teacher'
  | 'office'
  | 'parent'
  | 'student';

/// Who sees an entry: a role, anyone signed in, or someone not signed in.
/// `school_admin` is a unit administrator whose unit is a school (see `navAudiencesOf`).
export type Audience = Role | 'school_admin' | 'signed_in' | 'anonymous';

/// Every entry, in the order the menu shows them.
const items = {
  home: { path: '/', label: 'Trang chủ', icon: <HomeOutlined /> },
  units: { path: '/don-vi', label: 'Đơn vị', icon: <ApartmentOutlined /> },
  subunits: { path: '/don-vi', label: 'Đơn vị trực thuộc', icon: <ApartmentOutlined /> },
  accounts: { path: '/tai-khoan', label: 'Tài khoản', icon: <TeamOutlined /> },
  classes: { path: '/lop-hoc', label: 'Lớp học', icon: <BookOutlined /> },
  students: { path: '/hoc-sinh', label: 'Học sinh', icon: <ContactsOutlined /> },
  staff: { path: '/can-bo', label: 'Cán bộ, giáo viên', icon: <SolutionOutlined /> },
  assignments: { path: '/phan-cong', label: 'Phân công giảng dạy', icon: <ScheduleOutlined /> },
  schoolYears: { path: '/nam-hoc', label: 'Năm học', icon: <CalendarOutlined /> },
  dataImport: { path: '/nhap-du-lieu', label: 'Nhập dữ liệu', icon: <ImportOutlined /> },
  myClasses: { path: '/lop-cua-toi', label: 'Lớp của tôi', icon: <ReadOutlined /> },
  scoreEntry: { path: '/nhap-diem', label: 'Nhập điểm', icon: <EditOutlined /> },
  weeklyComments: { path: '/nhan-xet-tuan', label: 'Nhận xét hằng tuần', icon: <CommentOutlined /> },
  rollCall: { path: '/diem-danh', label: 'Điểm danh', icon: <CheckSquareOutlined /> },
  classSummary: { path: '/tong-ket-lop', label: 'Tổng kết lớp', icon: <FileDoneOutlined /> },
  yearClose: { path: '/xet-len-lop', label: 'Xét lên lớp', icon: <AuditOutlined /> },
  summerResults: { path: '/ket-qua-he', label: 'Kết quả hè', icon: <SunOutlined /> },
  yearCloseApproval: {
    path: '/duyet-cuoi-nam',
    label: 'Duyệt kết quả cuối năm',
    icon: <SafetyCertificateOutlined />,
  },
  scoreProgress: { path: '/tien-do-nhap-diem', label: 'Tiến độ nhập điểm', icon: <LineChartOutlined /> },
  entryWindows: { path: '/thoi-han-nhap-diem', label: 'Thời hạn nhập điểm', icon: <FieldTimeOutlined /> },
  scoreLocks: { path: '/khoa-so-diem', label: 'Khóa sổ điểm', icon: <LockOutlined /> },
  corrections: { path: '/duyet-sua-diem', label: 'Duyệt sửa điểm', icon: <DiffOutlined /> },
  reports: { path: '/bao-cao', label: 'Báo cáo', icon: <BarChartOutlined /> },
  myChildren: { path: '/con-cua-toi', label: 'Con của tôi', icon: <SmileOutlined /> },
  myRecord: { path: '/ho-so-cua-em', label: 'Hồ sơ của em', icon: <IdcardOutlined /> },
  me: { path: '/tai-khoan-cua-toi', label: 'Tài khoản của tôi', icon: <UserOutlined /> },
  status: { path: '/trang-thai', label: 'Trạng thái hệ thống', icon: <DashboardOutlined /> },
  signIn: { path: '/dang-nhap', label: 'Đăng nhập', icon: <LoginOutlined /> },
} satisfies Record<string, NavItem>;

type ItemKey = keyof typeof items;
const order = Object.keys(items) as ItemKey[];

/// The principal board's gradebook pages (issue 6: SCH-10, SCH-11, SCH-13, GB-7): score.approve holders.
const gradebookBoard: ItemKey[] = ['scoreProgress', 'entryWindows', 'scoreLocks', 'corrections'];

/// The one table of who sees what. A person with several roles sees the union, in the menu's order.
export const navByAudience: Record<Audience, ItemKey[]> = {
  anonymous: ['home', 'status', 'signIn'],
  signed_in: ['home', 'me'],
  unit_admin: ['units', 'accounts', 'status'],
  school_admin: ['classes', 'students', 'staff', 'assignments', 'schoolYears', 'dataImport'],
  authority_leader: ['subunits', 'reports'],
  authority_staff: ['subunits', 'reports'],
  principal: ['classes', 'students', 'staff', 'assignments', 'yearCloseApproval', 'reports', ...gradebookBoard],
  vice_principal: ['classes', 'students', 'staff', 'assignments', 'yearCloseApproval', 'reports', ...gradebookBoard],
  admin_board: ['classes', 'students', 'staff', 'assignments'],
  office: ['classes'],
  homeroom_teacher: ['myClasses', 'rollCall', 'classSummary', 'yearClose', 'summerResults'],
  subject_teacher: ['myClasses', 'scoreEntry', 'weeklyComments'],
  parent: ['myChildren'],
  student: ['myRecord'],
};

function isAudience(role: string): role is Audience {
  return Object.hasOwn(navByAudience, role) && role !== 'anonymous' && role !== 'signed_in';
}

/// The menu for someone with `roles` (role names from their grants), or for nobody signed in when `roles` is
/// `null`. Unknown roles add nothing; an entry whose path is already shown is left out.
export function navItemsFor(roles: readonly string[] | null): NavItem[] {
  const keys = new Set<ItemKey>(roles === null ? navByAudience.anonymous : navByAudience.signed_in);
  if (roles !== null) {
    for (const role of roles) {
      if (isAudience(role)) {
        navByAudience[role].forEach((key) => keys.add(key));
      }
    }
  }
  const seen = new Set<string>();
  return order
    .filter((key) => keys.has(key))
    .map((key) => items[key])
    .filter((item) => !seen.has(item.path) && Boolean(seen.add(item.path)));
}

/// The navigation entry among `navItems` that owns `pathname` (longest matching prefix).
export function selectedNavPath(pathname: string, navItems: NavItem[] = navItemsFor(null)): string | undefined {
  return navItems
    .filter((item) => pathname === item.path || pathname.startsWith(item.path === '/' ? '/\0' : `${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
