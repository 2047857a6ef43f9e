import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Input, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { request } from '../../api/client';
import { todayInVietnam } from './homeroom';

/// `GET /api/v1/classes/{id}/comments?kind=month&period=YYYY-MM`.
export interface Comments {
  class_id: string;
  kind: string;
  period: string;
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

function commentsPath(classId: string, month: string): string {
  return `/api/v1/classes/${encodeURIComponent(classId)}/comments?kind=month&period=${encodeURIComponent(month)}`;
}

/// Nhận xét tháng (GB-3, Điều 13.3 of the decision): the homeroom teacher's comment on each student for a month.
export function CommentsPanel({ classId }: { classId: string }) {
  const [month, setMonth] = useState(todayInVietnam().slice(0, 7));
  const comments = useQuery({
    queryKey: ['comments', classId, month],
    queryFn: ({ signal }) => request<Comments>(commentsPath(classId, month), { signal }),
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
      {comments.data && <MonthComments key={month} data={comments.data} month={month} />}
    </Flex>
  );
}

function MonthComments({ data, month }: { data: Comments; month: string }) {
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const changed = useMemo(
    () =>
      Object.entries(drafts)
        .filter(([id, text]) => text.trim() !== (data.items.find((i) => i.student_id === id)?.text ?? ''))
        .map(([student_id, text]) => ({ student_id, text: text.trim() })),
    [drafts, data],
  );
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const reply = await request<Comments>(commentsPath(data.class_id, month), {
        method: 'PUT',
        body: { items: changed },
      });
      queryClient.setQueryData(['comments', data.class_id, month], reply);
      setDrafts({});
      setSavedAt(new Date().toLocaleTimeString('vi-VN'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Button
          type="primary"
          data-testid="save-comments"
          disabled={!data.may_edit || changed.length === 0}
          loading={saving}
          onClick={() => void save()}
        >
          Lưu nhận xét
        </Button>
        <Typography.Text type={changed.length > 0 ? 'warning' : 'secondary'}>
          {changed.length > 0
            ? `Chưa lưu ${changed.length} nhận xét`
            : savedAt
              ? `Đã lưu lúc ${savedAt}`
              : 'Không có thay đổi'}
        </Typography.Text>
      </Flex>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
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
            title: `Nhận xét tháng ${month.slice(5)}/${month.slice(0, 4)}`,
            key: 'text',
            render: (_v, row) => (
              <Input.TextArea
                aria-label={`Nhận xét tháng về ${row.full_name}`}
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
