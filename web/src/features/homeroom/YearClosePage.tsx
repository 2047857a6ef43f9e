import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Form, Input, Modal, Radio, Spin, Typography } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { HomeroomClassPicker, useHomeroomClass } from './HomeroomClassPicker';
import {
  outcomeName,
  useYearClose,
  yearClosePath,
  type YearClose,
  type YearCloseItem,
  type YearCloseOverride,
} from './homeroom';
import { primaryOutcomeName } from './qualities';
import { History, ListsOverview, StatusTag, YearCloseTable } from './YearCloseLists';
import './homeroom.css';

/// Xét lên lớp (GB-4): the homeroom teacher reviews the lists the engine prefilled, adjusts where the regulation
/// allows (with a reason) and sends them to the principal; sending is also the year-end confirmation (GB-8).
export function YearClosePage() {
  usePageTitle('Xét lên lớp');
  const { classId } = useHomeroomClass();
  const yearClose = useYearClose(classId);
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Xét lên lớp
      </Typography.Title>
      <HomeroomClassPicker />
      {yearClose.isPending && classId !== '' && <Spin />}
      {yearClose.error && <Alert type="error" showIcon message={yearClose.error.message} />}
      {yearClose.data && (
        <Proposal key={`${yearClose.data.class_id}/${yearClose.data.version}`} data={yearClose.data} />
      )}
    </Flex>
  );
}

type Overrides = Record<string, YearCloseOverride | null>;

function Proposal({ data }: { data: YearClose }) {
  const queryClient = useQueryClient();
  const [overrides, setOverrides] = useState<Overrides>(() =>
    Object.fromEntries(data.items.map((i) => [i.student_id, i.override])),
  );
  const [note, setNote] = useState(data.note ?? '');
  const [editing, setEditing] = useState<YearCloseItem | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open =
    data.may_propose && (data.status === 'draft' || data.status === 'rejected' || data.status === 'submitted');
  const editable = open && !data.locked && data.status !== 'submitted';

  const submit = async () => {
    setSending(true);
    setError(null);
    try {
      const reply = await request<YearClose>(yearClosePath(data.class_id), {
        method: 'PUT',
        body: {
          base_version: data.version,
          note: note.trim(),
          overrides: Object.entries(overrides)
            .filter((e): e is [string, YearCloseOverride] => e[1] !== null)
            .map(([student_id, o]) => ({ student_id, ...o })),
        },
      });
      queryClient.setQueryData(['year-close', data.class_id], reply);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setSending(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap data-testid="proposal-status">
        <Typography.Text>Năm học {data.year} · Trạng thái:</Typography.Text>
        <StatusTag yearClose={data} />
        {data.locked && <Typography.Text type="secondary">Kết quả cả năm của lớp đã khóa</Typography.Text>}
      </Flex>
      <History yearClose={data} />
      {data.status === 'rejected' && (
        <Alert
          type="warning"
          showIcon
          message="Hiệu trưởng đã trả lại danh sách"
          description={data.decision_note ? `Lý do: ${data.decision_note}. Sửa rồi gửi lại.` : 'Sửa rồi gửi lại.'}
        />
      )}
      {data.unconfirmed_sheets.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="unconfirmed-sheets"
          message="Còn bảng điểm chưa được giáo viên bộ môn ký xác nhận; chưa gửi được danh sách"
          description={data.unconfirmed_sheets
            .map(
              (s) =>
                `${s.subject_name ?? s.subject_code} học kì ${s.semester === 1 ? 'I' : 'II'}${s.teacher_name ? ` (${s.teacher_name})` : ''}`,
            )
            .join('; ')}
        />
      )}
      <ListsOverview yearClose={data} />
      <YearCloseTable
        yearClose={data}
        overrides={overrides}
        action={(item, i) =>
          editable && (
            <Button size="small" data-testid={`adjust-${i}`} onClick={() => setEditing(item)}>
              {overrides[item.student_id] ? 'Sửa điều chỉnh' : 'Điều chỉnh'}
            </Button>
          )
        }
      />
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {editable && (
        <Flex vertical gap={8} style={{ maxWidth: 640 }}>
          <Input.TextArea
            data-testid="proposal-note"
            placeholder="Ghi chú gửi Hiệu trưởng (không bắt buộc)"
            autoSize={{ minRows: 2, maxRows: 5 }}
            maxLength={2000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
          <Flex gap={8} align="center" wrap>
            <Button
              type="primary"
              size="large"
              data-testid="submit-proposal"
              loading={sending}
              disabled={data.unconfirmed_sheets.length > 0}
              onClick={() => void submit()}
            >
              {data.status === 'rejected' ? 'Gửi lại danh sách' : 'Ký xác nhận và gửi Hiệu trưởng'}
            </Button>
            <Typography.Text type="secondary">
              Gửi là xác nhận kết quả cả năm của lớp; sau khi gửi không sửa được rèn luyện và điểm danh.
            </Typography.Text>
          </Flex>
        </Flex>
      )}
      {data.status === 'submitted' && (
        <Alert type="info" showIcon message="Danh sách đã gửi, đang chờ Hiệu trưởng duyệt" />
      )}
      <OverrideDialog
        regulation={data.regulation}
        item={editing}
        value={editing ? (overrides[editing.student_id] ?? null) : null}
        onCancel={() => setEditing(null)}
        onSave={(o) => {
          if (editing) setOverrides((all) => ({ ...all, [editing.student_id]: o }));
          setEditing(null);
        }}
      />
    </Flex>
  );
}

type Kind = 'award' | 'disability' | 'principal_decision';

interface OverrideValues {
  kind: Kind;
  outcome?: 'promoted' | 'retained';
  reason: string;
}

/// The adjustments the regulation allows, each with its reason: an extraordinary-achievement award (TT22 Điều 15
/// khoản 1 điểm b), the outcome of a student with disabilities (Điều 12 khoản 4), or the outcome the engine leaves
/// to the principal. Anything else is the engine's.
function OverrideDialog({
  regulation,
  item,
  value,
  onCancel,
  onSave,
}: {
  regulation: string;
  item: YearCloseItem | null;
  value: YearCloseOverride | null;
  onCancel: () => void;
  onSave: (o: YearCloseOverride | null) => void;
}) {
  const [form] = Form.useForm<OverrideValues>();
  const kind = Form.useWatch('kind', form);
  const principalDecision = item?.engine.outcome === 'principal_decision';
  // TT27 (primary): the principal decides for a student who has not completed the programme (Điều 11); no
  // disability-basis outcome; the extraordinary award is Điều 13 khoản 1 điểm b.
  const primary = regulation === 'tt27';
  const initial: OverrideValues | undefined = value
    ? {
        kind: value.award ? 'award' : value.basis === 'principal_decision' ? 'principal_decision' : 'disability',
        ...(value.outcome ? { outcome: value.outcome } : {}),
        reason: value.reason,
      }
    : undefined;
  return (
    <Modal
      open={item !== null}
      destroyOnHidden
      title={item ? `Điều chỉnh: ${item.full_name}` : ''}
      okText="Ghi điều chỉnh"
      cancelText="Hủy"
      onCancel={onCancel}
      onOk={() => form.submit()}
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {value && (
            <Button danger onClick={() => onSave(null)}>
              Bỏ điều chỉnh
            </Button>
          )}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      {item && (
        <Typography.Paragraph type="secondary">
          Kết quả theo quy định: {(primary ? primaryOutcomeName : outcomeName)(item.engine.outcome)}
          {item.engine.award && item.engine.award !== 'incomplete' ? `, ${item.engine.award}` : ''}. Chỉ điều chỉnh được
          trong các trường hợp dưới đây.
        </Typography.Paragraph>
      )}
      <Form<OverrideValues>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={initial ?? { kind: principalDecision ? 'principal_decision' : 'award', reason: '' }}
        onFinish={(v) =>
          onSave(
            v.kind === 'award'
              ? { award: 'extraordinary', reason: v.reason.trim() }
              : { outcome: v.outcome ?? 'promoted', basis: v.kind, reason: v.reason.trim() },
          )
        }
      >
        <Form.Item name="kind" label="Trường hợp">
          <Radio.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
            options={[
              {
                value: 'award',
                label: `Khen thưởng thành tích đột xuất (${primary ? 'TT27 Điều 13' : 'Điều 15'} khoản 1 điểm b)`,
              },
              ...(primary
                ? []
                : [
                    {
                      value: 'disability',
                      label: 'Học sinh khuyết tật: lên lớp theo kết quả giáo dục cá nhân (Điều 12 khoản 4)',
                    },
                  ]),
              ...(principalDecision
                ? [
                    {
                      value: 'principal_decision',
                      label: primary
                        ? 'Chưa hoàn thành: đã giúp đỡ, đánh giá bổ sung; Hiệu trưởng quyết định (TT27 Điều 11)'
                        : 'Hiệu trưởng quyết định lên lớp',
                    },
                  ]
                : []),
            ]}
          />
        </Form.Item>
        {kind && kind !== 'award' && (
          <Form.Item name="outcome" label="Kết quả đề xuất" rules={[{ required: true, message: 'Chọn kết quả' }]}>
            <Radio.Group
              options={[
                { value: 'promoted', label: primary ? 'Được lên lớp' : 'Lên lớp' },
                { value: 'retained', label: primary ? 'Chưa được lên lớp' : 'Ở lại lớp' },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          name="reason"
          label="Lý do"
          rules={[{ required: true, whitespace: true, message: 'Nhập lý do điều chỉnh' }]}
        >
          <Input.TextArea data-testid="override-reason" autoSize={{ minRows: 2, maxRows: 5 }} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
