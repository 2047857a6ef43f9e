import { DashboardOutlined, HomeOutlined } from '@ant-design/icons';
import type { ReactNode } from 'react';

/// One entry of the side navigation. Entries by role come with accounts.
export interface NavItem {
  path: string;
  label: string;
  icon: ReactNode;
}

export const navItems: NavItem[] = [
  { path: '/', label: 'Trang chủ', icon: <HomeOutlined /> },
  { path: '/trang-thai', label: 'Trạng thái hệ thống', icon: <DashboardOutlined /> },
];

/// The navigation entry that owns `pathname` (longest matching prefix).
export function selectedNavPath(pathname: string): string | undefined {
  return navItems
    .filter((item) => pathname === item.path || pathname.startsWith(item.path === '/' ? '/\0' : `${item.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
