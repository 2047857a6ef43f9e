import { Alert, Flex, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession, type RoleGrant } from '../org/session';
import { useClasses, useSubjectNames } from './school';

interface TeachingRow {
  id: string;
  homeroom: boolean;
  subjects: string[];
}

/// The classes a teacher's grants name: homeroom and subjects taught, one row per class.
export function teachingRows(roles: RoleGrant[]): TeachingRow[] {
  const rows = new Map<string, TeachingRow>();
  for (const grant of roles) {
    if (!grant.class_id || (grant.role !== 'homeroom_teacher' && grant.role !== 'subject_teacher')) {
      continue;
    }
    const row = rows.get(grant.class_id) ?? { id: grant.class_id, homeroom: false, subjects: [] };
    if (grant.role === 'homeroom_teacher') {
      row.homeroom = true;
    } else if (grant.subject && !row.subjects.includes(grant.subject.toUpperCase())) {
      row.subjects.push(grant.subject.toUpperCase());
    }
    rows.set(grant.class_id, row);
  }
  return [...rows.values()];
}

/// Lớp của tôi: the classes the signed-in teacher is homeroom teacher of or teaches.
export function MyClassesPage() {
  usePageTitle('Lớp của tôi');
  const user = useSession().data;
  const rows = teachingRows(user?.roles ?? []);
  const classes = useClasses(rows.map((r) => r.id));
  const subjectName = useSubjectNames();
  const failed = classes.find((q) => q.isError);
  const data = rows.map((row, i) => ({ ...row, info: classes[i]?.data }));
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Lớp của tôi
      </Typography.Title>
      {failed?.error && <Alert type="error" showIcon message={failed.error.message} />}
      <Table
        rowKey="id"
        data-testid="my-classes"
        loading={classes.some((q) => q.isPending)}
        dataSource={data}
        pagination={false}
        locale={{ emptyText: 'Bạn chưa được phân công lớp nào' }}
        columns={[
          {
            title: 'Lớp',
            key: 'name',
            render: (_, row) => <Link to={`/lop-hoc/${row.id}`}>{row.info?.name ?? row.id}</Link>,
          },
          { title: 'Sĩ số', key: 'count', render: (_, row) => row.info?.student_count ?? '' },
          {
            title: 'Nhiệm vụ',
            key: 'duty',
            render: (_, row) => (
              <Flex gap={4} wrap>
                {row.homeroom && <Tag color="blue">Chủ nhiệm</Tag>}
                {row.subjects.map((s) => (
                  <Tag key={s}>{subjectName(s)}</Tag>
                ))}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
