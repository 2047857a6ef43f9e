import type { RouteObject } from 'react-router';
import { ScoreEntryPage, ScoreSheetsPage } from '../features/gradebook/ScoreEntryPage';
import { LoginPage } from '../features/org/LoginPage';
import { UnitsPage } from '../features/org/UnitsPage';
import { StatusPage } from '../features/system/StatusPage';
import { AppLayout } from './AppLayout';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';

/// Every page of the app. Paths are Vietnamese without diacritics; the
/// server answers any non-API path with index.html, so each is a deep link.
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'trang-thai', element: <StatusPage /> },
      { path: 'dang-nhap', element: <LoginPage /> },
      { path: 'don-vi', element: <UnitsPage /> },
      { path: 'nhap-diem', element: <ScoreSheetsPage /> },
      { path: 'nhap-diem/:classId/:subject', element: <ScoreEntryPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];
