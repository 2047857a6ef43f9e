import { LogoutOutlined, MenuOutlined, UserOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Avatar, Button, Drawer, Flex, Grid, Layout, Menu, Typography, theme } from 'antd';
import { useState } from 'react';
import { Link, Outlet, useLocation, useNavigate } from 'react-router';
import { logout, navAudiencesOf, SESSION_QUERY_KEY, useSession } from '../features/org/session';
import { navItemsFor, selectedNavPath, type NavItem } from './navigation';

const { Header, Sider, Content, Footer } = Layout;

/// The menu entries for whoever is signed in; none while that is still being asked.
function useNavItems(): NavItem[] {
  const session = useSession();
  if (session.isPending) {
    return [];
  }
  return navItemsFor(session.data ? navAudiencesOf(session.data) : null);
}

function NavMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { pathname } = useLocation();
  const navItems = useNavItems();
  const selected = selectedNavPath(pathname, navItems);
  return (
    <Menu
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      onClick={onNavigate}
      items={navItems.map((item) => ({
        key: item.path,
        icon: item.icon,
        label: <Link to={item.path}>{item.label}</Link>,
      }))}
    />
  );
}

/// The application frame: header, side navigation, content. On a narrow
/// screen (below `md`) the side navigation folds into a drawer opened from
/// the header's menu button.
export function AppLayout() {
  const screens = Grid.useBreakpoint();
  const narrow = screens.md === false;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { token } = theme.useToken();
  const session = useSession();
  const user = session.data ?? null;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [signingOut, setSigningOut] = useState(false);

  async function onSignOut() {
    setSigningOut(true);
    try {
      await logout();
    } catch {
      // The session may already be gone on the server; the tab forgets it either way.
    } finally {
      queryClient.clear();
      queryClient.setQueryData(SESSION_QUERY_KEY, null);
      setSigningOut(false);
    }
    await navigate('/dang-nhap');
  }

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: 12,
          paddingInline: narrow ? 12 : 24,
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        {narrow && (
          <Button
            type="text"
            icon={<MenuOutlined />}
            aria-label="Mở menu điều hướng"
            aria-expanded={drawerOpen}
            onClick={() => setDrawerOpen(true)}
          />
        )}
        <Link to="/" aria-label="Hocvu, về trang chủ">
          <Typography.Title level={3} style={{ margin: 0, color: token.colorPrimary }}>
            Hocvu
          </Typography.Title>
        </Link>
        <Flex align="center" gap={8} style={{ marginInlineStart: 'auto' }} data-testid="signed-in-user">
          <Avatar size="small" icon={<UserOutlined />} />
          {user ? (
            <>
              <Typography.Text
                data-testid="signed-in-name"
                style={{
                  maxWidth: narrow ? 140 : 320,
                  overflow: 'hidden',
                  textOverflow: 'ellipsis',
                  whiteSpace: 'nowrap',
                }}
              >
                {user.full_name}
              </Typography.Text>
              <Button
                icon={<LogoutOutlined />}
                onClick={() => void onSignOut()}
                loading={signingOut}
                aria-label="Đăng xuất"
              >
                {!narrow && 'Đăng xuất'}
              </Button>
            </>
          ) : (
            !narrow && <Typography.Text type="secondary">Chưa đăng nhập</Typography.Text>
          )}
        </Flex>
      </Header>
      <Layout>
        {narrow ? (
          <Drawer
            title="Hocvu"
            placement="left"
            open={drawerOpen}
            onClose={() => setDrawerOpen(false)}
            size={260}
            styles={{ body: { padding: 0 } }}
          >
            <nav aria-label="Điều hướng chính">
              <NavMenu onNavigate={() => setDrawerOpen(false)} />
            </nav>
          </Drawer>
        ) : (
          <Sider
            width={240}
            theme="light"
            collapsible
            breakpoint="lg"
            style={{ borderRight: `1px solid ${token.colorBorderSecondary}` }}
          >
            <nav aria-label="Điều hướng chính" data-testid="side-nav">
              <NavMenu />
            </nav>
          </Sider>
        )}
        <Layout>
          <Content style={{ padding: narrow ? 12 : 24 }}>
            <Outlet />
          </Content>
          <Footer style={{ textAlign: 'center', paddingBlock: 12 }}>
            <Typography.Text type="secondary">Hocvu, phần mềm quản lý giáo dục mã nguồn mở</Typography.Text>
          </Footer>
        </Layout>
      </Layout>
    </Layout>
  );
}
