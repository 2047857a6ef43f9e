import { Card, Descriptions, Flex, Tag, Typography } from 'antd';
import { usePageTitle } from '../../app/usePageTitle';
import { roleLabels, roleNamesOf, useSession } from './session';
import { unitKindNames, type Unit } from './units';

/// Tài khoản của tôi: who the server says is signed in (`GET /api/v1/me`).
export function MyAccountPage() {
  usePageTitle('Tài khoản của tôi');
  const user = useSession().data;
  if (!user) {
    return null;
  }
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Tài khoản của tôi
      </Typography.Title>
      <Card>
        <Descriptions
          column={1}
          items={[
            { key: 'name', label: 'Họ và tên', children: <span data-testid="me-name">{user.full_name}</span> },
            { key: 'username', label: 'Tên đăng nhập', children: user.username },
            {
              key: 'unit',
              label: 'Đơn vị',
              children: user.unit
                ? `${user.unit.name} (${unitKindNames[user.unit.kind as Unit['kind']] ?? user.unit.kind})`
                : '—',
            },
            {
              key: 'roles',
              label: 'Vai trò',
              children: (
                <Flex gap={4} wrap>
                  {roleNamesOf(user).map((r) => (
                    <Tag key={r}>{roleLabels[r] ?? r}</Tag>
                  ))}
                </Flex>
              ),
            },
            { key: 'totp', label: 'Xác thực hai lớp', children: user.totp_enabled ? 'Đang bật' : 'Chưa bật' },
          ]}
        />
      </Card>
    </Flex>
  );
}
