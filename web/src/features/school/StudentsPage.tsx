import { UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Input, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { AdmissionDialog } from './LifecycleDialogs';
import {
  can,
  genderNames,
  studentStatusNames,
  useSchoolClasses,
  useSchoolStudents,
  vietnameseDate,
  type StudentProfile,
} from './school';

/// Học sinh: the school's student records, searched by name or code without caring for diacritics ("anh" finds
/// Ánh and Anh), in Vietnamese order (OPS-5); the record managers also receive transferred students here (SCH-6).
export function StudentsPage() {
  usePageTitle('Học sinh');
  const user = useSession().data;
  const unitId = user?.unit?.id;
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const [admitting, setAdmitting] = useState(false);
  const students = useSchoolStudents(unitId, q);
  const classes = useSchoolClasses(can(user, 'account.manage') ? unitId : undefined);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Học sinh
      </Typography.Title>
      {user?.unit && <Typography.Text type="secondary">{user.unit.name}</Typography.Text>}
      <Flex gap={8} wrap justify="space-between">
        <Input.Search
          aria-label="Tìm học sinh"
          placeholder="Tìm theo tên hoặc mã học sinh, có dấu hoặc không dấu"
          allowClear
          enterButton="Tìm"
          style={{ maxWidth: 460 }}
          onSearch={(value) => setQ(value.trim())}
        />
        {can(user, 'account.manage') && (
          <Button icon={<UserAddOutlined />} onClick={() => setAdmitting(true)}>
            Nhận học sinh chuyển đến
          </Button>
        )}
      </Flex>
      {students.isError && <Alert type="error" showIcon title={students.error.message} />}
      <Table<StudentProfile>
        rowKey="id"
        data-testid="students-table"
        loading={students.isPending}
        dataSource={students.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        size="small"
        scroll={{ x: true }}
        locale={{ emptyText: q ? 'Không có học sinh nào khớp với tìm kiếm' : 'Trường chưa có học sinh' }}
        columns={[
          { title: 'STT', key: 'index', render: (_v, _s, index) => index + 1, width: 56 },
          {
            title: 'Họ và tên',
            key: 'name',
            render: (_, s) => <Link to={`/hoc-sinh/${s.id}`}>{s.full_name}</Link>,
          },
          { title: 'Mã học sinh', dataIndex: 'code' },
          { title: 'Ngày sinh', dataIndex: 'birth_date', render: (v: string) => vietnameseDate(v) },
          { title: 'Giới tính', dataIndex: 'gender', render: (v: string) => genderNames[v] ?? v },
          {
            title: 'Tình trạng',
            dataIndex: 'status',
            render: (v: string) => (
              <Tag color={v === 'studying' ? 'green' : 'default'}>{studentStatusNames[v] ?? v}</Tag>
            ),
          },
        ]}
      />
      {unitId && (
        <AdmissionDialog
          open={admitting}
          onClose={() => setAdmitting(false)}
          unitId={unitId}
          classes={classes.data ?? []}
          onAdmitted={(student) => {
            setAdmitting(false);
            void navigate(`/hoc-sinh/${student.id}`);
          }}
        />
      )}
    </Flex>
  );
}
