import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Flex, Form, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { useSchoolYears } from '../school/school';
import {
  dayText,
  errorText,
  itemKinds,
  kindNames,
  nextDay,
  semesterNames,
  useEntryWindows,
  vietnamDay,
  windowsPath,
  type EntryWindow,
  type ItemKind,
} from './admin';
import './gradebook-admin.css';

interface Slot {
  semester: number;
  kind: ItemKind;
  window: EntryWindow | undefined;
}

/// Whether entry of a window's columns is open at `now`.
function windowState(w: EntryWindow | undefined, now: number) {
  if (!w) return <Tag>Không giới hạn</Tag>;
  if (now < Date.parse(w.opens_at)) return <Tag color="blue">Chưa mở</Tag>;
  if (now >= Date.parse(w.closes_at)) return <Tag color="red">Đã đóng</Tag>;
  return <Tag color="green">Đang mở</Tag>;
}

/// Thời hạn nhập điểm (SCH-13): when each kind of score column opens and closes in each semester of a year. Outside
/// its window a teacher's change needs a correction request the principal approves.
export function EntryWindowsPage() {
  usePageTitle('Thời hạn nhập điểm');
  const unitId = useSession().data?.unit?.id;
  const years = useSchoolYears(unitId);
  const [chosenYear, setChosenYear] = useState<string>();
  const yearId = chosenYear ?? years.data?.[0]?.id;
  const windows = useEntryWindows(unitId, yearId);
  const [editing, setEditing] = useState<Slot | null>(null);
  const slots: Slot[] = [1, 2].flatMap((semester) =>
    itemKinds.map((kind) => ({
      semester,
      kind,
      window: windows.data?.find((w) => w.semester === semester && w.item_kind === kind),
    })),
  );
  const now = Date.now();
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Thời hạn nhập điểm
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        Ngoài thời hạn, giáo viên không sửa được điểm trực tiếp mà phải gửi yêu cầu sửa điểm để Ban giám hiệu duyệt.
      </Typography.Paragraph>
      <Select
        aria-label="Năm học"
        data-testid="windows-year"
        style={{ width: 200 }}
        value={yearId}
        loading={years.isPending}
        options={(years.data ?? []).map((y) => ({ value: y.id, label: `Năm học ${y.name}` }))}
        onChange={setChosenYear}
      />
      {(years.error ?? windows.error) && (
        <Alert type="error" showIcon message={errorText(years.error ?? windows.error)} />
      )}
      <Table<Slot>
        rowKey={(s) => `${s.semester}-${s.kind}`}
        data-testid="entry-windows"
        size="small"
        loading={windows.isPending && yearId !== undefined}
        dataSource={slots}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: 'Học kì', key: 'semester', render: (_v, s) => semesterNames[s.semester] },
          { title: 'Cột điểm', key: 'kind', render: (_v, s) => kindNames[s.kind] },
          {
            title: 'Mở từ ngày',
            key: 'opens',
            render: (_v, s) => (s.window ? dayText(vietnamDay(s.window.opens_at)) : ''),
          },
          {
            title: 'Đến hết ngày',
            key: 'closes',
            render: (_v, s) => (s.window ? dayText(vietnamDay(s.window.closes_at, true)) : ''),
          },
          { title: 'Trạng thái', key: 'state', render: (_v, s) => windowState(s.window, now) },
          {
            title: '',
            key: 'edit',
            render: (_v, s) => (
              <Button size="small" data-testid={`edit-window-${s.semester}-${s.kind}`} onClick={() => setEditing(s)}>
                Đặt thời hạn
              </Button>
            ),
          },
        ]}
      />
      {unitId && yearId && (
        <WindowDialog unitId={unitId} yearId={yearId} slot={editing} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}

interface WindowValues {
  opens: string;
  closes: string;
}

/// Sets or clears one window. Days are days in Vietnam: open from the first day's midnight to the end of the last.
export function WindowDialog({
  unitId,
  yearId,
  slot,
  onClose,
}: {
  unitId: string;
  yearId: string;
  slot: Slot | null;
  onClose: () => void;
}) {
  const [form] = Form.useForm<WindowValues>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const send = async (body: Record<string, unknown>, done: string) => {
    if (!slot) return;
    setBusy(true);
    setError(null);
    try {
      await request(windowsPath(unitId), {
        method: 'PUT',
        body: { year_id: yearId, semester: slot.semester, item_kind: slot.kind, ...body },
      });
      await queryClient.invalidateQueries({ queryKey: ['entry-windows', unitId, yearId] });
      void message.success(done);
      onClose();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const title = slot ? `${kindNames[slot.kind]} — ${semesterNames[slot.semester]}` : '';
  return (
    <Modal
      open={slot !== null}
      destroyOnHidden
      title={`Thời hạn nhập điểm: ${title}`}
      okText="Lưu thời hạn"
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'save-window' } }}
      cancelText="Hủy"
      onOk={() => form.submit()}
      onCancel={() => {
        setError(null);
        onClose();
      }}
      footer={(buttons) => (
        <Flex justify="space-between" gap={8}>
          <Button
            danger
            disabled={!slot?.window}
            data-testid="clear-window"
            onClick={() => void send({ clear: true }, `Đã bỏ thời hạn ${title}`)}
          >
            Bỏ thời hạn
          </Button>
          <Flex gap={8}>{buttons}</Flex>
        </Flex>
      )}
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="window-error" />}
      <Form<WindowValues>
        form={form}
        layout="vertical"
        initialValues={
          slot?.window
            ? { opens: vietnamDay(slot.window.opens_at), closes: vietnamDay(slot.window.closes_at, true) }
            : {}
        }
        onFinish={(v) => void send({ opens_at: v.opens, closes_at: nextDay(v.closes) }, `Đã đặt thời hạn ${title}`)}
      >
        <Form.Item name="opens" label="Mở từ ngày" rules={[{ required: true, message: 'Chọn ngày mở nhập điểm' }]}>
          <Input type="date" data-testid="window-opens" style={{ maxWidth: 200 }} />
        </Form.Item>
        <Form.Item
          name="closes"
          label="Đến hết ngày"
          dependencies={['opens']}
          rules={[
            { required: true, message: 'Chọn ngày cuối cùng được nhập điểm' },
            ({ getFieldValue }) => ({
              validator: (_r, value: string | undefined) => {
                const opens = getFieldValue('opens') as string | undefined;
                return !value || !opens || value >= opens
                  ? Promise.resolve()
                  : Promise.reject(new Error('Ngày cuối không được trước ngày mở'));
              },
            }),
          ]}
        >
          <Input type="date" data-testid="window-closes" style={{ maxWidth: 200 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
