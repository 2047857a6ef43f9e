import { Alert, Flex, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { useSchoolClasses, type SchoolClass } from './school';

/// The classes of the signed-in person's school (Lớp học), for the school's leaders and office.
export function ClassesPage() {
  usePageTitle('Lớp học');
  const user = useSession().data;
  const classes = useSchoolClasses(user?.unit?.id);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Lớp học
      </Typography.Title>
      {user?.unit && <Typography.Text type="secondary">{user.unit.name}</Typography.Text>}
      {classes.isError && <Alert type="error" showIcon message={classes.error.message} />}
      <Table<SchoolClass>
        rowKey="id"
        data-testid="classes-table"
        loading={classes.isPending}
        dataSource={classes.data ?? []}
        pagination={false}
        size="middle"
        locale={{ emptyText: 'Chưa có lớp nào' }}
        columns={[
          { title: 'Lớp', key: 'name', render: (_, c) => <Link to={`/lop-hoc/${c.id}`}>{c.name}</Link> },
          { title: 'Khối', dataIndex: 'grade' },
          { title: 'Giáo viên chủ nhiệm', dataIndex: 'homeroom_name', render: (v: string | null) => v ?? '—' },
          { title: 'Sĩ số', dataIndex: 'student_count' },
        ]}
      />
    </Flex>
  );
}
