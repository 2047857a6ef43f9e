import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Flex, Input, Table } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { request } from '../../api/client';
import { todayInVietnam } from './homeroom';
import { SaveBar } from './SaveBar';
import { useSaver } from './useSaver';

/// `GET /api/v1/classes/{id}/comments?kind=month|semester|week&period=…[&subject_code=]`.
export interface Comments {
  class_id: string;
  kind: string;
  period: string;
  subject_code?: string;
  may_edit: boolean;
  items: {
    student_id: string;
    student_code: string;
    full_name: string;
    text: string;
    author_name: string;
    updated_at: string;
  }[];
}

/// The comments of a class: the homeroom teacher's of a month, or a subject teacher's of a week (GB-9: `period` is the
/// week's Monday, `subject` the subject's code).
export function commentsPath(classId: string, kind: 'month' | 'week', period: string, subject = ''): string {
  return (
    `/api/v1/classes/${encodeURIComponent(classId)}/comments?kind=${kind}&period=${encodeURIComponent(period)}` +
    (subject ? `&subject_code=${encodeURIComponent(subject)}` : '')
  );
}

/// Nhận xét tháng (GB-3, Điều 13.3 of the decision): the homeroom teacher's comment on each student for a month.
export function CommentsPanel({ classId }: { classId: string }) {
  const [month, setMonth] = useState(todayInVietnam().slice(0, 7));
  const comments = useQuery({
    queryKey: ['comments', classId, month],
    queryFn: ({ signal }) => request<Comments>(commentsPath(classId, 'month', month), { signal }),
  });
  return (
    <Flex vertical gap={12}>
      <DatePicker
        picker="month"
        allowClear={false}
        inputReadOnly
        format="MM/YYYY"
        value={dayjs(`${month}-01`)}
        disabledDate={(d) => d.format('YYYY-MM') > todayInVietnam().slice(0, 7)}
        onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
        style={{ width: 160 }}
      />
      {comments.error && <Alert type="error" showIcon message={comments.error.message} />}
      {comments.data && (
        <CommentsEditor
          key={month}
          data={comments.data}
          path={commentsPath(classId, 'month', month)}
          queryKey={['comments', classId, month]}
          title={`Nhận xét tháng ${month.slice(5)}/${month.slice(0, 4)}`}
        />
      )}
    </Flex>
  );
}

/// One comment per student, saved together (only the changed ones are sent); `path` is where the sheet is read and
/// saved, `queryKey` the cache entry the saved sheet replaces.
export function CommentsEditor({
  data,
  path,
  queryKey,
  title,
}: {
  data: Comments;
  path: string;
  queryKey: readonly unknown[];
  title: string;
}) {
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const saver = useSaver();
  const changed = useMemo(
    () =>
      Object.entries(drafts)
        .filter(([id, text]) => text.trim() !== (data.items.find((i) => i.student_id === id)?.text ?? ''))
        .map(([student_id, text]) => ({ student_id, text: text.trim() })),
    [drafts, data],
  );
  const save = () =>
    saver.run(async () => {
      const reply = await request<Comments>(path, { method: 'PUT', body: { items: changed } });
      queryClient.setQueryData(queryKey, reply);
      setDrafts({});
    });
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <SaveBar
          name="comments"
          label="Lưu nhận xét"
          unit="nhận xét"
          pending={changed.length}
          saving={saver.saving}
          savedAt={saver.savedAt}
          editable={data.may_edit}
          locked={false}
          onSave={() => void save()}
        />
      </Flex>
      {saver.error && <Alert type="error" showIcon message={saver.error} closable onClose={saver.clearError} />}
      <Table<Comments['items'][number]>
        rowKey="student_id"
        size="small"
        pagination={false}
        dataSource={data.items}
        scroll={{ x: true }}
        columns={[
          { title: 'STT', key: 'stt', width: 48, render: (_v, _r, i) => i + 1 },
          {
            title: 'Họ và tên',
            dataIndex: 'full_name',
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
          },
          {
            title,
            key: 'text',
            render: (_v, row) => (
              <Input.TextArea
                aria-label={`${title} về ${row.full_name}`}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={2000}
                style={{ minWidth: 260 }}
                disabled={!data.may_edit}
                value={drafts[row.student_id] ?? row.text}
                onChange={(e) => setDrafts((d) => ({ ...d, [row.student_id]: e.target.value }))}
              />
            ),
          },
        ]}
      />
    </Flex>
  );
}
