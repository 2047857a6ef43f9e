import { useQuery } from '@tanstack/react-query';
import { Alert, Descriptions, Empty, Flex, List, Spin, Table, Tag, Typography } from 'antd';
import { request } from '../../api/client';
import { useSubjectNames, vietnameseDate } from '../school/school';
import type { ConductEntry } from './homeroom';
import { recordKindNames, type StudentRecord } from './RecordsPanel';
import { weekLabel } from './WeeklyComments';

/// `GET /api/v1/students/{id}/homeroom`: a student's own homeroom records of the current year.
export interface StudentHomeroom {
  student_id: string;
  full_name: string;
  class_id: string | null;
  class_name: string;
  attendance?: {
    totals: { excused: number; unexcused: number; late: number; periods_absent?: number; absences: number };
    months: { month: string; excused: number; unexcused: number; late: number }[];
    marks: { date: string; session: string; period: number; status: string; note: string }[];
  };
  conduct?: {
    hk1: ConductEntry | null;
    hk2: ConductEntry | null;
    year: ConductEntry | null;
    summer: ConductEntry | null;
  } | null;
  comments?: { kind: string; period: string; subject_code: string; text: string; author_name: string }[];
  records?: StudentRecord[];
}

export function useStudentHomeroom(studentId: string) {
  return useQuery({
    queryKey: ['student-homeroom', studentId],
    queryFn: ({ signal }) =>
      request<StudentHomeroom>(`/api/v1/students/${encodeURIComponent(studentId)}/homeroom`, { signal }),
  });
}

const conductPeriods = [
  ['hk1', 'Học kì I'],
  ['hk2', 'Học kì II'],
  ['year', 'Cả năm'],
  ['summer', 'Rèn luyện hè'],
] as const;

/// "2026-11" → "Tháng 11/2026"; a comment's period in words.
function commentPeriod(c: { kind: string; period: string }): string {
  if (c.kind === 'month') return `Tháng ${c.period.slice(5)}/${c.period.slice(0, 4)}`;
  if (c.kind === 'semester') return c.period === 'hk1' ? 'Học kì I' : 'Học kì II';
  return weekLabel(c.period);
}

/// What a parent or the student sees of the homeroom side of the year: attendance totals by month, conduct per
/// semester, the teachers' comments (monthly, semester and the subject teachers' weekly ones) and rewards and
/// discipline.
export function StudentHomeroomView({ studentId }: { studentId: string }) {
  const subjectName = useSubjectNames();
  const homeroom = useStudentHomeroom(studentId);
  const data = homeroom.data;
  if (homeroom.isPending) return <Spin />;
  if (homeroom.error) return <Alert type="error" showIcon message={homeroom.error.message} />;
  if (!data || !data.class_id)
    return <Typography.Text type="secondary">Chưa xếp lớp trong năm học này</Typography.Text>;
  const totals = data.attendance?.totals;
  const conduct = data.conduct;
  const comments = data.comments ?? [];
  const records = data.records ?? [];
  return (
    <Flex vertical gap={16} data-testid="student-homeroom">
      <div>
        <Typography.Title level={4}>Chuyên cần</Typography.Title>
        {totals && (
          <Descriptions
            size="small"
            column={{ xs: 2, md: 4 }}
            items={[
              { key: 'excused', label: 'Vắng có phép', children: totals.excused },
              { key: 'unexcused', label: 'Vắng không phép', children: totals.unexcused },
              { key: 'late', label: 'Đi muộn', children: totals.late },
              { key: 'absences', label: 'Số buổi nghỉ cả năm', children: totals.absences },
            ]}
          />
        )}
        {(data.attendance?.months.length ?? 0) > 0 && (
          <Table
            rowKey="month"
            size="small"
            pagination={false}
            dataSource={data.attendance?.months}
            columns={[
              { title: 'Tháng', dataIndex: 'month', render: (m: string) => `${m.slice(5)}/${m.slice(0, 4)}` },
              { title: 'Có phép', dataIndex: 'excused', align: 'center' },
              { title: 'Không phép', dataIndex: 'unexcused', align: 'center' },
              { title: 'Đi muộn', dataIndex: 'late', align: 'center' },
            ]}
          />
        )}
      </div>
      <div>
        <Typography.Title level={4}>Rèn luyện</Typography.Title>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2 }}
          items={conductPeriods
            .filter(([key]) => key !== 'summer' || conduct?.summer)
            .map(([key, label]) => {
              const e = conduct?.[key];
              return {
                key,
                label,
                children: e?.level_name ? `${e.level_name}${e.comment ? ` — ${e.comment}` : ''}` : 'Chưa đánh giá',
              };
            })}
        />
      </div>
      <div>
        <Typography.Title level={4}>Nhận xét của thầy cô</Typography.Title>
        {comments.length === 0 ? (
          <Empty description="Chưa có nhận xét" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            size="small"
            data-testid="student-comments"
            dataSource={comments}
            renderItem={(c) => (
              <List.Item>
                <Flex vertical>
                  <Typography.Text type="secondary">
                    {commentPeriod(c)}
                    {c.subject_code ? ` · môn ${subjectName(c.subject_code)}` : ' · giáo viên chủ nhiệm'} ·{' '}
                    {c.author_name}
                  </Typography.Text>
                  <Typography.Text>{c.text}</Typography.Text>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </div>
      <div>
        <Typography.Title level={4}>Khen thưởng, kỷ luật</Typography.Title>
        {records.length === 0 ? (
          <Empty description="Chưa có khen thưởng, kỷ luật" image={Empty.PRESENTED_IMAGE_SIMPLE} />
        ) : (
          <List
            size="small"
            data-testid="student-records"
            dataSource={records}
            renderItem={(r) => (
              <List.Item>
                <Flex gap={8} wrap align="center">
                  <Tag color={recordKindNames[r.kind].color}>{recordKindNames[r.kind].label}</Tag>
                  <Typography.Text>{vietnameseDate(r.date)}</Typography.Text>
                  <Typography.Text strong>{r.title}</Typography.Text>
                  {r.decision && <Typography.Text type="secondary">QĐ {r.decision}</Typography.Text>}
                  {r.note && <Typography.Text type="secondary">{r.note}</Typography.Text>}
                </Flex>
              </List.Item>
            )}
          />
        )}
      </div>
    </Flex>
  );
}
