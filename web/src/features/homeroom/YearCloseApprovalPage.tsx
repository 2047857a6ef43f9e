import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Spin, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { StepUpCodeField } from '../org/StepUpCodeField';
import { useYearClose, yearClosePath, type YearClose, type YearCloseStatus } from './homeroom';
import { History, ListsOverview, StatusTag, YearCloseTable } from './YearCloseLists';
import './homeroom.css';

const statusOrder: Record<YearCloseStatus, number> = { submitted: 0, rejected: 1, draft: 2, approved: 3 };

/// One class of `GET /api/v1/schools/{unit_id}/year-close`: the state of its year-close lists.
export interface SchoolYearCloseRow {
  class_id: string;
  class_name: string;
  grade: number;
  homeroom_name: string;
  student_count: number;
  status: YearCloseStatus;
  version: number;
  lists: { promoted: number; retained: number; reassessment: number; summer_training: number };
  final: { promoted: number; retained: number; pending: number };
  submitted_by_name: string;
  submitted_at: string | null;
  decided_by_name: string;
  decided_at: string | null;
  decision_note: string;
}

export interface SchoolYearClose {
  unit_id: string;
  school_name: string;
  year_id: string | null;
  year: string;
  may_decide: boolean;
  items: SchoolYearCloseRow[];
}

export function useSchoolYearClose(unitId: string | undefined) {
  return useQuery({
    queryKey: ['school-year-close', unitId],
    enabled: unitId !== undefined,
    queryFn: ({ signal }) =>
      request<SchoolYearClose>(`/api/v1/schools/${encodeURIComponent(unitId ?? '')}/year-close`, { signal }),
  });
}

const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN') : '');

/// Duyệt kết quả cuối năm (GB-4): every class of the school with the state of its year-close lists (one request
/// for the school), those waiting for a decision first.
export function YearCloseApprovalPage() {
  usePageTitle('Duyệt kết quả cuối năm');
  const unitId = useSession().data?.unit?.id;
  const list = useSchoolYearClose(unitId);
  const rows = [...(list.data?.items ?? [])].sort((a, b) => statusOrder[a.status] - statusOrder[b.status]);
  const waiting = rows.filter((r) => r.status === 'submitted').length;
  const approved = rows.filter((r) => r.status === 'approved').length;
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Duyệt kết quả cuối năm
      </Typography.Title>
      {list.data && (
        <Typography.Text data-testid="waiting-count">
          Năm học {list.data.year}: {waiting > 0 ? `${waiting} lớp đang chờ duyệt` : 'không có lớp nào đang chờ duyệt'},
          đã duyệt {approved}/{rows.length} lớp
        </Typography.Text>
      )}
      {list.error && <Alert type="error" showIcon message={list.error.message} />}
      <Table<SchoolYearCloseRow>
        rowKey="class_id"
        data-testid="year-close-classes"
        size="small"
        loading={list.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: 'Trường chưa có lớp nào' }}
        columns={[
          {
            title: 'Lớp',
            key: 'name',
            render: (_v, c) => <Link to={`/duyet-cuoi-nam/${c.class_id}`}>{c.class_name}</Link>,
          },
          { title: 'Giáo viên chủ nhiệm', dataIndex: 'homeroom_name' },
          { title: 'Sĩ số', dataIndex: 'student_count', align: 'center' },
          { title: 'Trạng thái', key: 'status', render: (_v, c) => <StatusTag yearClose={c} /> },
          {
            title: 'Lên lớp / ở lại / KT lại / RL hè',
            key: 'lists',
            align: 'center',
            render: (_v, c) =>
              c.status === 'draft'
                ? ''
                : `${c.lists.promoted} / ${c.lists.retained} / ${c.lists.reassessment} / ${c.lists.summer_training}`,
          },
          {
            title: 'Sau hè',
            key: 'final',
            render: (_v, c) =>
              c.status === 'approved' && c.lists.reassessment + c.lists.summer_training > 0
                ? c.final.pending > 0
                  ? `Còn ${c.final.pending} em chờ kết quả hè`
                  : 'Đã có đủ kết quả'
                : '',
          },
          {
            title: 'Gửi',
            key: 'submitted',
            render: (_v, c) => (c.submitted_at ? `${c.submitted_by_name}, ${at(c.submitted_at)}` : ''),
          },
          {
            title: 'Quyết định',
            key: 'decided',
            render: (_v, c) => (c.decided_at ? `${c.decided_by_name}, ${at(c.decided_at)}` : ''),
          },
        ]}
      />
    </Flex>
  );
}

/// One class's lists for the principal: read them, then approve (which locks the year's results) or send them back
/// with a reason.
export function YearCloseDecisionPage() {
  const { classId = '' } = useParams();
  const yearClose = useYearClose(classId);
  const data = yearClose.data;
  usePageTitle(data ? `Kết quả cuối năm lớp ${data.class_name}` : 'Kết quả cuối năm');
  const [decision, setDecision] = useState<'approve' | 'reject' | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const deciding = data?.status === 'submitted' && data.may_decide;
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }} data-testid="decision-title">
        {data ? `Kết quả cuối năm lớp ${data.class_name}` : 'Kết quả cuối năm'}
      </Typography.Title>
      <Link to="/duyet-cuoi-nam">← Danh sách lớp</Link>
      {yearClose.isPending && <Spin />}
      {yearClose.error && <Alert type="error" showIcon message={yearClose.error.message} />}
      {data && (
        <>
          <Flex gap={8} align="center" wrap>
            <Typography.Text>Năm học {data.year} · Trạng thái:</Typography.Text>
            <StatusTag yearClose={data} />
          </Flex>
          <History yearClose={data} />
          {data.status === 'draft' && (
            <Alert type="info" showIcon message="Giáo viên chủ nhiệm chưa gửi danh sách của lớp" />
          )}
          <ListsOverview yearClose={data} />
          <YearCloseTable yearClose={data} />
          {deciding && (
            <Flex gap={8} wrap>
              <Button type="primary" size="large" data-testid="approve" onClick={() => setDecision('approve')}>
                Phê duyệt
              </Button>
              <Button danger size="large" data-testid="reject" onClick={() => setDecision('reject')}>
                Trả lại
              </Button>
            </Flex>
          )}
          <DecisionDialog
            yearClose={data}
            decision={decision}
            onClose={() => setDecision(null)}
            onDone={(reply) => {
              queryClient.setQueryData(['year-close', reply.class_id], reply);
              void queryClient.invalidateQueries({ queryKey: ['school-year-close'] });
              setDecision(null);
              void message.success(
                reply.status === 'approved'
                  ? `Đã phê duyệt danh sách lớp ${reply.class_name}; kết quả cả năm của lớp đã khóa`
                  : `Đã trả lại danh sách lớp ${reply.class_name}`,
              );
            }}
          />
        </>
      )}
    </Flex>
  );
}

interface DecisionValues {
  note?: string;
  totp?: string;
}

/// The principal's decision: a note (required to send back), and the code from the authenticator when the
/// account has a second factor or the server asks for one (step-up).
export function DecisionDialog({
  yearClose,
  decision,
  onClose,
  onDone,
}: {
  yearClose: YearClose;
  decision: 'approve' | 'reject' | null;
  onClose: () => void;
  onDone: (reply: YearClose) => void;
}) {
  const [form] = Form.useForm<DecisionValues>();
  const [askTotp, setAskTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const needTotp = yearClose.totp_required || askTotp;

  const send = async (values: DecisionValues) => {
    if (!decision) return;
    setBusy(true);
    setError(null);
    try {
      const reply = await request<YearClose>(`${yearClosePath(yearClose.class_id)}/decision`, {
        method: 'POST',
        body: {
          decision,
          base_version: yearClose.version,
          ...(values.note?.trim() ? { note: values.note.trim() } : {}),
          ...(values.totp?.trim() ? { totp: values.totp.trim() } : {}),
        },
      });
      form.resetFields();
      setAskTotp(false);
      onDone(reply);
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'auth.totp_required' || e.code === 'auth.step_up_required')) {
        setAskTotp(true);
        setError('Nhập mã 6 số từ ứng dụng xác thực để xác nhận quyết định này');
      } else if (e instanceof ApiError && e.code === 'auth.totp_invalid') {
        setAskTotp(true);
        form.setFieldValue('totp', '');
        setError('Mã xác thực không đúng hoặc đã dùng; chờ mã mới rồi nhập lại');
      } else if (e instanceof ApiError && e.code === 'homeroom.conflict') {
        setError('Danh sách đã thay đổi sau khi bạn mở trang; hãy tải lại trang và xem lại trước khi quyết định');
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const approving = decision === 'approve';
  return (
    <Modal
      open={decision !== null}
      destroyOnHidden
      title={
        approving ? `Phê duyệt danh sách lớp ${yearClose.class_name}` : `Trả lại danh sách lớp ${yearClose.class_name}`
      }
      okText={approving ? 'Phê duyệt' : 'Trả lại'}
      okButtonProps={{ danger: !approving, loading: busy, ...{ 'data-testid': 'confirm-decision' } }}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
    >
      <Typography.Paragraph>
        {approving
          ? `Lên lớp ${yearClose.lists.promoted.length}, ở lại lớp ${yearClose.lists.retained.length}, kiểm tra lại ${yearClose.lists.reassessment.length}, rèn luyện hè ${yearClose.lists.summer_training.length}. Sau khi phê duyệt, kết quả cả năm của lớp bị khóa.`
          : 'Giáo viên chủ nhiệm sẽ thấy lý do, sửa và gửi lại.'}
      </Typography.Paragraph>
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="decision-error" />
      )}
      <Form<DecisionValues> form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item
          name="note"
          label={approving ? 'Ghi chú (không bắt buộc)' : 'Lý do trả lại'}
          rules={approving ? [] : [{ required: true, whitespace: true, message: 'Nhập lý do trả lại' }]}
        >
          <Input.TextArea data-testid="decision-note" autoSize={{ minRows: 2, maxRows: 5 }} maxLength={2000} />
        </Form.Item>
        {needTotp && <StepUpCodeField testId="decision-totp" />}
      </Form>
    </Modal>
  );
}
