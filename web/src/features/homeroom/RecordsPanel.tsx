import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Input, Modal, Segmented, Select, Table, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { request } from '../../api/client';
import { vietnameseDate } from '../school/school';
import { todayInVietnam } from './homeroom';
import { useSaver } from './useSaver';

/// A reward (khen thưởng) or a discipline (kỷ luật) of a student (`StudentRecord` of the API).
export interface StudentRecord {
  id: string;
  class_id: string;
  student_id: string;
  full_name: string;
  kind: 'reward' | 'discipline';
  date: string;
  title: string;
  decision: string;
  note: string;
  created_by_name: string;
  created_at: string;
}

/// `GET /api/v1/classes/{id}/student-records`: the class's records of the year, and each student's priority and
/// policy categories (diện ưu tiên, diện chính sách) from the student record.
export interface RecordList {
  class_id: string;
  may_edit: boolean;
  items: StudentRecord[];
  students: { student_id: string; full_name: string; priority: string; policy: string }[];
}

export const recordKindNames: Record<StudentRecord['kind'], { label: string; color: string }> = {
  reward: { label: 'Khen thưởng', color: 'green' },
  discipline: { label: 'Kỷ luật', color: 'red' },
};

function recordsPath(classId: string): string {
  return `/api/v1/classes/${encodeURIComponent(classId)}/student-records`;
}

/// Khen thưởng, kỷ luật (GB-9): the class's rewards and discipline records; the homeroom teacher (and the principal
/// board) adds them and removes one entered by mistake, with a reason.
export function RecordsPanel({ classId }: { classId: string }) {
  const records = useQuery({
    queryKey: ['student-records', classId],
    queryFn: ({ signal }) => request<RecordList>(recordsPath(classId), { signal }),
  });
  const queryClient = useQueryClient();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<StudentRecord | null>(null);
  const data = records.data;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['student-records', classId] });
  const categorised = (data?.students ?? []).filter((s) => s.priority || s.policy);
  return (
    <Flex vertical gap={12}>
      {records.error && <Alert type="error" showIcon message={records.error.message} />}
      {data?.may_edit && (
        <Button type="primary" data-testid="add-record" onClick={() => setAdding(true)} style={{ alignSelf: 'start' }}>
          Thêm khen thưởng, kỷ luật
        </Button>
      )}
      <Table<StudentRecord>
        rowKey="id"
        size="small"
        data-testid="records"
        loading={records.isPending}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: 'Chưa có khen thưởng, kỷ luật nào trong năm học' }}
        columns={[
          { title: 'Ngày', dataIndex: 'date', render: (v: string) => vietnameseDate(v) },
          {
            title: 'Học sinh',
            dataIndex: 'full_name',
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
          },
          {
            title: 'Loại',
            dataIndex: 'kind',
            render: (v: StudentRecord['kind']) => (
              <Tag color={recordKindNames[v].color}>{recordKindNames[v].label}</Tag>
            ),
          },
          { title: 'Nội dung', dataIndex: 'title' },
          { title: 'Số quyết định', dataIndex: 'decision' },
          { title: 'Ghi chú', dataIndex: 'note' },
          { title: 'Người ghi', dataIndex: 'created_by_name' },
          ...(data?.may_edit
            ? [
                {
                  title: '',
                  key: 'remove',
                  render: (_v: unknown, r: StudentRecord) => (
                    <Button
                      size="small"
                      danger
                      onClick={() => setRemoving(r)}
                      aria-label={`Xóa ${r.title} của ${r.full_name}`}
                    >
                      Xóa
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {categorised.length > 0 && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            Học sinh thuộc diện ưu tiên, chính sách
          </Typography.Title>
          <Table
            rowKey="student_id"
            size="small"
            data-testid="categories"
            dataSource={categorised}
            pagination={false}
            columns={[
              { title: 'Học sinh', dataIndex: 'full_name' },
              { title: 'Diện ưu tiên', dataIndex: 'priority' },
              { title: 'Diện chính sách', dataIndex: 'policy' },
            ]}
          />
        </>
      )}
      {data && (
        <AddRecordDialog
          open={adding}
          list={data}
          onClose={() => setAdding(false)}
          onDone={() => {
            setAdding(false);
            void refresh();
          }}
        />
      )}
      <RemoveRecordDialog
        record={removing}
        onClose={() => setRemoving(null)}
        onDone={() => {
          setRemoving(null);
          void refresh();
        }}
      />
    </Flex>
  );
}

interface RecordValues {
  student_id: string;
  kind: StudentRecord['kind'];
  date: Dayjs;
  title: string;
  decision?: string;
  note?: string;
}

function AddRecordDialog({
  open,
  list,
  onClose,
  onDone,
}: {
  open: boolean;
  list: RecordList;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<RecordValues>();
  const saver = useSaver();
  const send = async (v: RecordValues) => {
    const sent = await saver.run(async () => {
      await request<StudentRecord>(recordsPath(list.class_id), {
        method: 'POST',
        body: {
          student_id: v.student_id,
          kind: v.kind,
          date: v.date.format('YYYY-MM-DD'),
          title: v.title.trim(),
          decision: v.decision?.trim() ?? '',
          note: v.note?.trim() ?? '',
        },
      });
    });
    if (sent) {
      form.resetFields();
      onDone();
    }
  };
  return (
    <Modal
      open={open}
      destroyOnHidden
      title="Thêm khen thưởng, kỷ luật"
      okText="Lưu"
      cancelText="Hủy"
      okButtonProps={{ loading: saver.saving, ...{ 'data-testid': 'save-record' } }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {saver.error && <Alert type="error" showIcon message={saver.error} style={{ marginBottom: 12 }} />}
      <Form<RecordValues>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'reward' }}
        onFinish={(v) => void send(v)}
      >
        <Form.Item name="kind" label="Loại">
          <Segmented
            options={[
              { value: 'reward', label: 'Khen thưởng' },
              { value: 'discipline', label: 'Kỷ luật' },
            ]}
          />
        </Form.Item>
        <Form.Item name="student_id" label="Học sinh" rules={[{ required: true, message: 'Chọn học sinh' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            data-testid="record-student"
            options={list.students.map((s) => ({ value: s.student_id, label: s.full_name }))}
          />
        </Form.Item>
        <Form.Item name="date" label="Ngày" rules={[{ required: true, message: 'Chọn ngày' }]}>
          <DatePicker
            format="DD/MM/YYYY"
            data-testid="record-date"
            disabledDate={(d) => d.format('YYYY-MM-DD') > todayInVietnam()}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label="Nội dung"
          rules={[{ required: true, whitespace: true, message: 'Nhập nội dung, ví dụ "Khen trước lớp"' }]}
        >
          <Input data-testid="record-title" maxLength={300} placeholder="Khen trước lớp, Khiển trách…" />
        </Form.Item>
        <Form.Item name="decision" label="Số quyết định (nếu có)">
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="note" label="Ghi chú">
          <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RemoveRecordDialog({
  record,
  onClose,
  onDone,
}: {
  record: StudentRecord | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  const saver = useSaver();
  const send = async ({ reason }: { reason: string }) => {
    if (!record) return;
    const sent = await saver.run(() =>
      request<void>(`/api/v1/student-records/${encodeURIComponent(record.id)}`, {
        method: 'DELETE',
        body: { reason: reason.trim() },
      }),
    );
    if (sent) {
      form.resetFields();
      onDone();
    }
  };
  return (
    <Modal
      open={record !== null}
      destroyOnHidden
      title={record ? `Xóa "${record.title}" của ${record.full_name}` : ''}
      okText="Xóa"
      cancelText="Hủy"
      okButtonProps={{ danger: true, loading: saver.saving }}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <Typography.Paragraph>Chỉ xóa bản ghi nhập nhầm. Lý do được ghi vào nhật ký.</Typography.Paragraph>
      {saver.error && <Alert type="error" showIcon message={saver.error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item
          name="reason"
          label="Lý do xóa"
          rules={[{ required: true, whitespace: true, message: 'Nhập lý do' }]}
        >
          <Input maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
