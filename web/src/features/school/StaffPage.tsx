import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { StaffDialog } from './StaffDialog';
import { can, genderNames, useSchoolStaff, vietnameseDate, type StaffMember } from './school';

/// Cán bộ, giáo viên: the school's staff with the HR fields a school keeps and each person's account (SCH-1), in
/// Vietnamese order; the search ignores diacritics ("ha" finds Hà, Hạ). The school's record managers add a person
/// (with an account) and correct a record here.
export function StaffPage() {
  usePageTitle('Cán bộ, giáo viên');
  const user = useSession().data;
  const [q, setQ] = useState('');
  const staff = useSchoolStaff(user?.unit?.id, q);
  const manage = can(user, 'account.manage');
  // The dialog: closed, adding someone ('new'), or correcting a record.
  const [editing, setEditing] = useState<StaffMember | 'new' | null>(null);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Cán bộ, giáo viên
      </Typography.Title>
      {user?.unit && <Typography.Text type="secondary">{user.unit.name}</Typography.Text>}
      <Flex gap={8} wrap>
        <Input.Search
          aria-label="Tìm cán bộ"
          placeholder="Tìm theo tên, có dấu hoặc không dấu"
          allowClear
          enterButton="Tìm"
          style={{ maxWidth: 420 }}
          onSearch={(value) => setQ(value.trim())}
        />
        {manage && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            Thêm cán bộ
          </Button>
        )}
      </Flex>
      {staff.isError && <Alert type="error" showIcon title={staff.error.message} />}
      <Table<StaffMember>
        rowKey="id"
        data-testid="staff-table"
        loading={staff.isPending}
        dataSource={staff.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: q ? 'Không có ai khớp với tìm kiếm' : 'Trường chưa có cán bộ nào' }}
        columns={[
          { title: 'STT', key: 'index', render: (_v, _s, index) => index + 1, width: 56 },
          { title: 'Họ và tên', dataIndex: 'full_name' },
          { title: 'Ngày sinh', dataIndex: 'birth_date', render: (v: string) => vietnameseDate(v) },
          { title: 'Giới tính', dataIndex: 'gender', render: (v: string) => genderNames[v] ?? v },
          { title: 'Chức vụ', dataIndex: 'position' },
          {
            title: 'Môn dạy',
            dataIndex: 'subjects',
            render: (subjects: string[]) => (
              <Flex gap={4} wrap>
                {subjects.map((s) => (
                  <Tag key={s}>{s}</Tag>
                ))}
              </Flex>
            ),
          },
          { title: 'Trình độ', dataIndex: 'qualification' },
          { title: 'Hạng chức danh', dataIndex: 'professional_rank' },
          { title: 'Điện thoại', dataIndex: 'phone' },
          { title: 'Email', dataIndex: 'email' },
          {
            title: 'Tên đăng nhập',
            dataIndex: 'username',
            render: (v: string | null) => (v ? <Typography.Text code>{v}</Typography.Text> : 'Chưa có tài khoản'),
          },
          ...(manage
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_: unknown, member: StaffMember) => (
                    <Button size="small" type="link" onClick={() => setEditing(member)}>
                      Sửa
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {/* Mounted afresh for each opening: the form starts from this person's record, not the last one's. */}
      {manage && user?.unit && editing !== null && (
        <StaffDialog
          key={editing === 'new' ? 'new' : editing.id}
          open
          onClose={() => setEditing(null)}
          unitId={user.unit.id}
          staff={editing === 'new' ? null : editing}
        />
      )}
    </Flex>
  );
}
