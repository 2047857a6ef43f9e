import { Alert, Card, Descriptions, Flex, Space, Spin, Typography } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { StudentHomeroomView } from '../homeroom/StudentHomeroom';
import { useSession } from '../org/session';
import { genderNames, useStudents, vietnameseDate } from './school';

/// The students a parent's (Con của tôi) or a student's own (Hồ sơ của em) grants name, with their class, links to
/// the report cards (results) and the homeroom records of the year (attendance, conduct, comments, rewards and
/// discipline).
export function MyStudentsPage({ role, title }: { role: 'parent' | 'student'; title: string }) {
  usePageTitle(title);
  const user = useSession().data;
  const ids = [
    ...new Set((user?.roles ?? []).filter((g) => g.role === role && g.student_id).map((g) => g.student_id!)),
  ];
  const students = useStudents(ids);
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {ids.length === 0 && <Alert type="info" showIcon message="Chưa có học sinh nào gắn với tài khoản này" />}
      {students.map((q, i) =>
        q.isError ? (
          <Alert key={ids[i]} type="error" showIcon message={q.error.message} />
        ) : q.data ? (
          <Card
            key={q.data.id}
            title={q.data.full_name}
            data-testid="student-card"
            extra={
              q.data.class && (
                <Space size="middle" wrap>
                  <Typography.Text type="secondary">Phiếu báo điểm:</Typography.Text>
                  <Link to={`/phieu-bao-diem/${q.data.id}?period=hk1`}>Học kỳ I</Link>
                  <Link to={`/phieu-bao-diem/${q.data.id}?period=hk2`}>Học kỳ II</Link>
                  <Link to={`/phieu-bao-diem/${q.data.id}?period=year`}>Cả năm</Link>
                </Space>
              )
            }
          >
            <Descriptions
              column={{ xs: 1, md: 2 }}
              items={[
                { key: 'class', label: 'Lớp', children: q.data.class?.name ?? 'Chưa xếp lớp' },
                { key: 'code', label: 'Mã học sinh', children: q.data.code },
                { key: 'birth', label: 'Ngày sinh', children: vietnameseDate(q.data.birth_date) },
                { key: 'gender', label: 'Giới tính', children: genderNames[q.data.gender] ?? q.data.gender },
                { key: 'ethnicity', label: 'Dân tộc', children: q.data.ethnicity },
                { key: 'birthplace', label: 'Nơi sinh', children: q.data.birthplace },
              ]}
            />
            {q.data.class && <StudentHomeroomView studentId={q.data.id} />}
          </Card>
        ) : (
          <Spin key={ids[i]} />
        ),
      )}
    </Flex>
  );
}
