import { Alert, Flex, Table, Typography } from 'antd';
import { useParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { genderNames, useClass, useClassStudents, vietnameseDate, type Student } from './school';

/// The students of one class (danh sách lớp), in the server's Vietnamese order.
export function ClassStudentsPage() {
  const { id = '' } = useParams();
  const schoolClass = useClass(id);
  const students = useClassStudents(id);
  const title = schoolClass.data ? `Lớp ${schoolClass.data.name}` : 'Lớp học';
  usePageTitle(title);
  const error = schoolClass.error ?? students.error;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {schoolClass.data && (
        <Typography.Text type="secondary">
          Khối {schoolClass.data.grade} · Giáo viên chủ nhiệm: {schoolClass.data.homeroom_name ?? 'chưa phân công'} · Sĩ
          số: {schoolClass.data.student_count}
        </Typography.Text>
      )}
      {error && <Alert type="error" showIcon message={error.message} />}
      <Table<Student>
        rowKey="id"
        data-testid="class-students"
        loading={students.isPending}
        dataSource={students.data ?? []}
        pagination={false}
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: 'Lớp chưa có học sinh' }}
        columns={[
          { title: 'STT', key: 'index', render: (_v, _s, index) => index + 1, width: 56 },
          { title: 'Họ và tên', dataIndex: 'full_name' },
          { title: 'Ngày sinh', dataIndex: 'birth_date', render: (v: string) => vietnameseDate(v) },
          { title: 'Giới tính', dataIndex: 'gender', render: (v: string) => genderNames[v] ?? v },
          { title: 'Mã học sinh', dataIndex: 'code' },
        ]}
      />
    </Flex>
  );
}
