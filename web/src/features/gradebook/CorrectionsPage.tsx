import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Segmented, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { StepUpCodeField } from '../org/StepUpCodeField';
import { errorText, itemLabel, semesterNames, useCorrections, type Correction } from './admin';
import './gradebook-admin.css';

const statusTags: Record<Correction['status'], { color: string; text: string }> = {
  pending: { color: 'gold', text: 'Chờ duyệt' },
  approved: { color: 'green', text: 'Đã duyệt' },
  rejected: { color: 'red', text: 'Từ chối' },
};

/// Pending requests first, then the newest.
function inboxOrder(a: Correction, b: Correction): number {
  const pending = Number(b.status === 'pending') - Number(a.status === 'pending');
  return pending !== 0 ? pending : b.requested_at.localeCompare(a.requested_at);
}

/// Duyệt sửa điểm (GB-7): the teachers' requests to change a score after its entry window; the principal board
/// approves (the change is applied at once) or rejects with a reason.
export function CorrectionsPage() {
  usePageTitle('Duyệt sửa điểm');
  const unitId = useSession().data?.unit?.id;
  const corrections = useCorrections(unitId);
  const [show, setShow] = useState<'pending' | 'all'>('pending');
  const [deciding, setDeciding] = useState<{ correction: Correction; approve: boolean } | null>(null);
  const rows = [...(corrections.data ?? [])].filter((c) => show === 'all' || c.status === 'pending').sort(inboxOrder);
  const waiting = (corrections.data ?? []).filter((c) => c.status === 'pending').length;
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Duyệt sửa điểm
      </Typography.Title>
      <Flex gap={12} align="center" wrap>
        <Segmented
          value={show}
          options={[
            { label: 'Chờ duyệt', value: 'pending' },
            { label: 'Tất cả', value: 'all' },
          ]}
          onChange={(v) => setShow(v === 'all' ? 'all' : 'pending')}
        />
        <Typography.Text data-testid="pending-count">
          {waiting > 0 ? `${waiting} yêu cầu đang chờ duyệt` : 'Không có yêu cầu nào đang chờ duyệt'}
        </Typography.Text>
      </Flex>
      {corrections.error && <Alert type="error" showIcon message={errorText(corrections.error)} />}
      <Table<Correction>
        rowKey="id"
        data-testid="corrections"
        size="small"
        loading={corrections.isPending}
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: 'Không có yêu cầu sửa điểm' }}
        columns={[
          {
            title: 'Ngày gửi',
            dataIndex: 'requested_at',
            render: (v: string) => new Date(v).toLocaleString('vi-VN'),
          },
          { title: 'Học sinh', dataIndex: 'student_name' },
          {
            title: 'Lớp · Môn',
            key: 'sheet',
            render: (_v, c) => `${c.class_name} · ${c.subject_name} · ${semesterNames[c.semester]}`,
          },
          { title: 'Cột', dataIndex: 'item', render: (v: string) => itemLabel(v) },
          {
            title: 'Điểm cũ → mới',
            key: 'change',
            render: (_v, c) => (
              <span className="gradebook-admin-change">
                {c.old_value || '(trống)'} → <strong>{c.new_value || '(trống)'}</strong>
              </span>
            ),
          },
          { title: 'Lý do', dataIndex: 'reason' },
          { title: 'Giáo viên', dataIndex: 'requested_by_name' },
          {
            title: 'Trạng thái',
            key: 'status',
            render: (_v, c) => (
              <Flex vertical gap={2}>
                <Tag color={statusTags[c.status].color}>{statusTags[c.status].text}</Tag>
                {c.status !== 'pending' && (
                  <Typography.Text type="secondary">
                    {c.decided_by_name}
                    {c.decision_note ? `: ${c.decision_note}` : ''}
                  </Typography.Text>
                )}
              </Flex>
            ),
          },
          {
            title: '',
            key: 'decide',
            render: (_v, c) =>
              c.status === 'pending' && (
                <Flex gap={6}>
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`approve-${c.id}`}
                    onClick={() => setDeciding({ correction: c, approve: true })}
                  >
                    Duyệt
                  </Button>
                  <Button
                    size="small"
                    danger
                    data-testid={`reject-${c.id}`}
                    onClick={() => setDeciding({ correction: c, approve: false })}
                  >
                    Từ chối
                  </Button>
                </Flex>
              ),
          },
        ]}
      />
      <CorrectionDecisionDialog deciding={deciding} onClose={() => setDeciding(null)} unitId={unitId} />
    </Flex>
  );
}

interface DecisionValues {
  note?: string;
  witnesses?: string;
  totp?: string;
}

/// Approve or reject one request. When the server asks for a step-up (403 auth.step_up_required: the approver has
/// a second factor) the code field appears and the decision is sent again with the code.
export function CorrectionDecisionDialog({
  deciding,
  onClose,
  unitId,
}: {
  deciding: { correction: Correction; approve: boolean } | null;
  onClose: () => void;
  unitId: string | undefined;
}) {
  const [form] = Form.useForm<DecisionValues>();
  const [askTotp, setAskTotp] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const c = deciding?.correction;
  const approve = deciding?.approve ?? true;

  const close = () => {
    setError(null);
    setAskTotp(false);
    onClose();
  };
  const send = async (values: DecisionValues) => {
    if (!c) return;
    setBusy(true);
    setError(null);
    const witnesses = (values.witnesses ?? '')
      .split('\n')
      .map((w) => w.trim())
      .filter(Boolean);
    try {
      await request(`/api/v1/corrections/${encodeURIComponent(c.id)}/decision`, {
        method: 'POST',
        body: {
          decision: approve ? 'approve' : 'reject',
          ...(values.note?.trim() ? { note: values.note.trim() } : {}),
          ...(witnesses.length > 0 ? { witnesses } : {}),
          ...(values.totp?.trim() ? { totp: values.totp.trim() } : {}),
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['corrections', unitId] });
      void message.success(
        approve
          ? `Đã duyệt: điểm ${itemLabel(c.item)} của ${c.student_name} là ${c.new_value || '(trống)'}`
          : `Đã từ chối yêu cầu sửa điểm của ${c.student_name}`,
      );
      form.resetFields();
      close();
    } catch (e) {
      if (e instanceof ApiError && (e.code === 'auth.step_up_required' || e.code === 'auth.totp_invalid')) {
        setAskTotp(true);
        form.setFieldValue('totp', '');
      }
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={deciding !== null}
      destroyOnHidden
      title={approve ? 'Duyệt yêu cầu sửa điểm' : 'Từ chối yêu cầu sửa điểm'}
      okText={approve ? 'Duyệt' : 'Từ chối'}
      okButtonProps={{ danger: !approve, loading: busy, ...{ 'data-testid': 'confirm-correction' } }}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={close}
    >
      {c && (
        <Typography.Paragraph>
          {c.student_name}, lớp {c.class_name}, môn {c.subject_name}, {semesterNames[c.semester]}, cột{' '}
          {itemLabel(c.item)}: {c.old_value || '(trống)'} → {c.new_value || '(trống)'}. Lý do: {c.reason}
        </Typography.Paragraph>
      )}
      {error && (
        <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="correction-error" />
      )}
      <Form<DecisionValues> form={form} layout="vertical" onFinish={(v) => void send(v)}>
        <Form.Item
          name="note"
          label={approve ? 'Ghi chú (không bắt buộc)' : 'Lý do từ chối'}
          rules={approve ? [] : [{ required: true, whitespace: true, message: 'Nhập lý do từ chối' }]}
        >
          <Input.TextArea data-testid="correction-note" autoSize={{ minRows: 2, maxRows: 4 }} maxLength={500} />
        </Form.Item>
        {approve && (
          <Form.Item name="witnesses" label="Người chứng kiến (mỗi người một dòng, không bắt buộc)">
            <Input.TextArea data-testid="correction-witnesses" autoSize={{ minRows: 1, maxRows: 4 }} />
          </Form.Item>
        )}
        {askTotp && <StepUpCodeField testId="correction-totp" />}
      </Form>
    </Modal>
  );
}
