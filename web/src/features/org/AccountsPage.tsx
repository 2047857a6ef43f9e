import { useQuery } from '@tanstack/react-query';
import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';

interface Account {
  id: string;
  username: string;
  full_name: string;
  status: string;
  unit_id: string;
  must_change_password: boolean;
  totp_enabled: boolean;
}

/// Tài khoản: the accounts the unit admin manages (`GET /api/v1/accounts`).
export function AccountsPage() {
  usePageTitle('Tài khoản');
  const accounts = useQuery({
    queryKey: ['accounts'],
    queryFn: ({ signal }) => request<{ items: Account[] }>('/api/v1/accounts', { signal }).then((b) => b.items),
  });
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Tài khoản
      </Typography.Title>
      {accounts.isError && <Alert type="error" showIcon message={accounts.error.message} />}
      <Table<Account>
        rowKey="id"
        data-testid="accounts-table"
        loading={accounts.isPending}
        dataSource={accounts.data ?? []}
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: 'Chưa có tài khoản nào' }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'full_name' },
          { title: 'Tên đăng nhập', dataIndex: 'username' },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (v: string) => (v === 'active' ? <Tag color="green">Đang hoạt động</Tag> : <Tag>Đã khóa</Tag>),
          },
          { title: 'Xác thực hai lớp', dataIndex: 'totp_enabled', render: (v: boolean) => (v ? 'Có' : 'Không') },
        ]}
      />
    </Flex>
  );
}
