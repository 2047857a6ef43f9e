import { Alert, Flex, Spin } from 'antd';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '../features/org/session';

/// Pages below this need a signed-in person; anyone else is sent to the sign-in page.
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) {
    return (
      <Flex justify="center" style={{ padding: 48 }}>
        <Spin aria-label="Đang tải" />
      </Flex>
    );
  }
  if (session.isError) {
    return (
      <Alert type="error" showIcon message="Không kiểm tra được phiên đăng nhập" description={session.error.message} />
    );
  }
  if (!session.data) {
    return <Navigate to="/dang-nhap" replace state={{ from: location.pathname }} />;
  }
  return <Outlet />;
}
