import type { RouteObject } from 'react-router';
import { CorrectionsPage } from '../features/gradebook/CorrectionsPage';
import { EntryWindowsPage } from '../features/gradebook/EntryWindowsPage';
import { ProgressPage } from '../features/gradebook/ProgressPage';
import { ScoreLocksPage } from '../features/gradebook/ScoreLocksPage';
import { ScoreEntryPage, ScoreSheetsPage } from '../features/gradebook/ScoreEntryPage';
import { ClassSummaryPage } from '../features/homeroom/ClassSummaryPage';
import { RollCallPage } from '../features/homeroom/RollCallPage';
import { SummerResultsPage } from '../features/homeroom/SummerResultsPage';
import { WeeklyCommentsPage } from '../features/homeroom/WeeklyComments';
import { YearCloseApprovalPage, YearCloseDecisionPage } from '../features/homeroom/YearCloseApprovalPage';
import { YearClosePage } from '../features/homeroom/YearClosePage';
import { AccountsPage } from '../features/org/AccountsPage';
import { LoginPage } from '../features/org/LoginPage';
import { MyAccountPage } from '../features/org/MyAccountPage';
import { UnitsPage } from '../features/org/UnitsPage';
import { ClassesPage } from '../features/school/ClassesPage';
import { AssignmentsPage } from '../features/school/AssignmentsPage';
import { ClassStudentsPage } from '../features/school/ClassStudentsPage';
import { ImportPage } from '../features/school/ImportPage';
import { MyClassesPage } from '../features/school/MyClassesPage';
import { MyStudentsPage } from '../features/school/MyStudentsPage';
import { ReportCardPage } from '../features/reports/ReportCardPage';
import { ReportsPage } from '../features/reports/ReportsPage';
import { StaffPage } from '../features/school/StaffPage';
import { StudentProfilePage } from '../features/school/StudentProfilePage';
import { StudentsPage } from '../features/school/StudentsPage';
import { YearsPage } from '../features/school/YearsPage';
import { StatusPage } from '../features/system/StatusPage';
import { AppLayout } from './AppLayout';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';
import { RequireSession } from './RequireSession';

/// Every page of the app. Paths are Vietnamese without diacritics; the
/// server answers any non-API path with index.html, so each is a deep link.
/// Pages under `RequireSession` send a visitor who is not signed in to /dang-nhap.
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'trang-thai', element: <StatusPage /> },
      { path: 'dang-nhap', element: <LoginPage /> },
      {
        element: <RequireSession />,
        children: [
          { path: 'don-vi', element: <UnitsPage /> },
          { path: 'tai-khoan', element: <AccountsPage /> },
          { path: 'tai-khoan-cua-toi', element: <MyAccountPage /> },
          { path: 'lop-hoc', element: <ClassesPage /> },
          { path: 'lop-hoc/:id', element: <ClassStudentsPage /> },
          { path: 'lop-cua-toi', element: <MyClassesPage /> },
          { path: 'hoc-sinh', element: <StudentsPage /> },
          { path: 'hoc-sinh/:id', element: <StudentProfilePage /> },
          { path: 'can-bo', element: <StaffPage /> },
          { path: 'phan-cong', element: <AssignmentsPage /> },
          { path: 'nam-hoc', element: <YearsPage /> },
          { path: 'nhap-du-lieu', element: <ImportPage /> },
          { path: 'nhap-diem', element: <ScoreSheetsPage /> },
          { path: 'nhap-diem/:classId/:subject', element: <ScoreEntryPage /> },
          { path: 'tien-do-nhap-diem', element: <ProgressPage /> },
          { path: 'thoi-han-nhap-diem', element: <EntryWindowsPage /> },
          { path: 'khoa-so-diem', element: <ScoreLocksPage /> },
          { path: 'duyet-sua-diem', element: <CorrectionsPage /> },
          { path: 'diem-danh', element: <RollCallPage /> },
          { path: 'tong-ket-lop', element: <ClassSummaryPage /> },
          { path: 'xet-len-lop', element: <YearClosePage /> },
          { path: 'ket-qua-he', element: <SummerResultsPage /> },
          { path: 'nhan-xet-tuan', element: <WeeklyCommentsPage /> },
          { path: 'duyet-cuoi-nam', element: <YearCloseApprovalPage /> },
          { path: 'duyet-cuoi-nam/:classId', element: <YearCloseDecisionPage /> },
          { path: 'bao-cao', element: <ReportsPage /> },
          { path: 'bao-cao/:view', element: <ReportsPage /> },
          { path: 'phieu-bao-diem/:studentId', element: <ReportCardPage /> },
          { path: 'con-cua-toi', element: <MyStudentsPage role="parent" title="Con của tôi" /> },
          { path: 'ho-so-cua-em', element: <MyStudentsPage role="student" title="Hồ sơ của em" /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
