import { useQueries, useQuery } from '@tanstack/react-query';
import { Alert, DatePicker, Empty, Flex, Select, Spin, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { useClassNames } from '../gradebook/scores';
import { useSession } from '../org/session';
import { useSubjectNames, vietnameseDate } from '../school/school';
import { CommentsEditor, commentsPath, type Comments } from './CommentsPanel';
import { todayInVietnam, useClassSummary } from './homeroom';

/// The Monday of the week `date` (YYYY-MM-DD) falls in: weekly comments are filed under it (GB-9).
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/// "Tuần 23/11/2026 – 29/11/2026".
export function weekLabel(monday: string): string {
  const end = new Date(`${monday}T00:00:00Z`);
  end.setUTCDate(end.getUTCDate() + 6);
  return `Tuần ${vietnameseDate(monday)} – ${vietnameseDate(end.toISOString().slice(0, 10))}`;
}

function WeekPicker({ monday, onChange }: { monday: string; onChange: (monday: string) => void }) {
  return (
    <DatePicker
      picker="week"
      allowClear={false}
      inputReadOnly
      aria-label="Tuần"
      data-testid="week"
      value={dayjs(monday)}
      format={() => weekLabel(monday)}
      disabledDate={(d) => d.format('YYYY-MM-DD') > todayInVietnam()}
      onChange={(d) => d && onChange(mondayOf(d.format('YYYY-MM-DD')))}
      style={{ width: 260 }}
    />
  );
}

/// Nhận xét hằng tuần (GB-9): a subject teacher's weekly comment on each student of a class they teach, for that
/// subject.
export function WeeklyCommentsPage() {
  usePageTitle('Nhận xét hằng tuần');
  const roles = useSession().data?.roles ?? [];
  const sheets = roles
    .filter((g) => g.role === 'subject_teacher' && g.class_id && g.subject)
    .map((g) => ({ classId: g.class_id as string, subject: (g.subject as string).toUpperCase() }))
    .filter((s, i, all) => all.findIndex((o) => o.classId === s.classId && o.subject === s.subject) === i);
  const names = useClassNames([...new Set(sheets.map((s) => s.classId))]).data ?? new Map<string, string>();
  const subjectName = useSubjectNames();
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  const [monday, setMonday] = useState(mondayOf(todayInVietnam()));
  const sheet = sheets.find((s) => `${s.classId}/${s.subject}` === chosen) ?? sheets[0];
  const path = sheet ? commentsPath(sheet.classId, 'week', monday, sheet.subject) : '';
  const queryKey = ['comments', sheet?.classId, 'week', monday, sheet?.subject];
  const comments = useQuery({
    queryKey,
    enabled: sheet !== undefined,
    queryFn: ({ signal }) => request<Comments>(path, { signal }),
  });
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Nhận xét hằng tuần
      </Typography.Title>
      {sheets.length === 0 ? (
        <Alert type="info" showIcon message="Bạn chưa được phân công giảng dạy môn nào" />
      ) : (
        <Flex gap={8} wrap align="center">
          <Select
            data-testid="weekly-sheet"
            aria-label="Lớp và môn"
            style={{ minWidth: 180 }}
            value={sheet ? `${sheet.classId}/${sheet.subject}` : undefined}
            onChange={setChosen}
            options={sheets.map((s) => ({
              value: `${s.classId}/${s.subject}`,
              label: `Lớp ${names.get(s.classId) ?? s.classId} · ${subjectName(s.subject)}`,
            }))}
          />
          <WeekPicker monday={monday} onChange={setMonday} />
        </Flex>
      )}
      {comments.isFetching && !comments.data && <Spin />}
      {comments.error && <Alert type="error" showIcon message={comments.error.message} />}
      {sheet && comments.data && (
        <CommentsEditor
          key={path}
          data={comments.data}
          path={path}
          queryKey={queryKey}
          title={`Nhận xét môn ${subjectName(sheet.subject)}, ${weekLabel(monday).toLowerCase()}`}
        />
      )}
    </Flex>
  );
}

/// For the homeroom teacher: what the subject teachers wrote about the class's students in a week, one row per
/// comment.
export function WeeklyCommentsPanel({ classId }: { classId: string }) {
  const [monday, setMonday] = useState(mondayOf(todayInVietnam()));
  const subjects = useClassSummary(classId, 'hk1').data?.subjects ?? [];
  const sheets = useQueries({
    queries: subjects.map((s) => ({
      queryKey: ['comments', classId, 'week', monday, s.code],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        request<Comments>(commentsPath(classId, 'week', monday, s.code), { signal }),
    })),
  });
  // Students in the class's order (every sheet lists the roster in it), then subjects in the curriculum's.
  const roster = sheets.find((q) => q.data)?.data?.items ?? [];
  const rows = roster.flatMap((student) =>
    sheets.flatMap((q, i) => {
      const c = q.data?.items.find((item) => item.student_id === student.student_id);
      return c && c.text !== ''
        ? [{ ...c, subject: subjects[i]!.name, key: `${subjects[i]!.code}/${c.student_id}` }]
        : [];
    }),
  );
  const failed = sheets.find((q) => q.error)?.error;
  return (
    <Flex vertical gap={12}>
      <WeekPicker monday={monday} onChange={setMonday} />
      {failed && <Alert type="error" showIcon message={failed.message} />}
      {sheets.some((q) => q.isPending) ? (
        <Spin />
      ) : rows.length === 0 ? (
        <Empty description="Chưa có nhận xét bộ môn nào trong tuần" />
      ) : (
        <Table
          rowKey="key"
          size="small"
          data-testid="weekly-comments"
          dataSource={rows}
          pagination={false}
          scroll={{ x: true }}
          columns={[
            {
              title: 'Học sinh',
              dataIndex: 'full_name',
              render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
            },
            { title: 'Môn', dataIndex: 'subject' },
            { title: 'Nhận xét', dataIndex: 'text' },
            { title: 'Giáo viên', dataIndex: 'author_name' },
          ]}
        />
      )}
    </Flex>
  );
}
