import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { request } from '../../api/client';
import { FormModal } from './dialogs';
import { dayText, type CurriculumEntry, type SchoolClass, type StudentProfile } from './school';

/// Everything a lifecycle step changes: the student, the class lists and counts.
function useRefresh() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: ['student'] });
    void queryClient.invalidateQueries({ queryKey: ['class-students'] });
    void queryClient.invalidateQueries({ queryKey: ['school-classes'] });
    void queryClient.invalidateQueries({ queryKey: ['class'] });
    void queryClient.invalidateQueries({ queryKey: ['school-students'] });
  };
}

interface DialogProps {
  open: boolean;
  onClose: () => void;
}

/// Chuyển lớp (SCH-4): to another class of the same year; the scores stay with the student.
export function TransferClassDialog({
  open,
  onClose,
  student,
  classes,
}: DialogProps & { student: StudentProfile; classes: SchoolClass[] }) {
  const [form] = Form.useForm<{ class_id: string; date?: Dayjs }>();
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (v: { class_id: string; date?: Dayjs }) =>
      request(`/api/v1/students/${student.id}/class-transfer`, {
        method: 'POST',
        body: { class_id: v.class_id, ...(v.date ? { date: dayText(v.date) } : {}) },
      }),
    onSuccess: () => {
      refresh();
      form.resetFields();
      onClose();
    },
  });
  const current = student.class;
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={`Chuyển lớp: ${student.full_name}`}
      okText="Chuyển lớp"
      form={form}
      pending={save.isPending}
      onSubmit={(v) => save.mutate(v)}
    >
      <Form form={form} layout="vertical">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`Đang học lớp ${current?.name ?? '—'}. Điểm đã nhập đi theo học sinh sang lớp mới.`}
        />
        <Form.Item name="class_id" label="Lớp mới" rules={[{ required: true, message: 'Chọn lớp mới' }]}>
          <Select
            aria-label="Lớp mới"
            options={classes
              .filter((c) => c.id !== current?.id && c.year_id === current?.year_id)
              .map((c) => ({ value: c.id, label: `${c.name} (khối ${c.grade})` }))}
          />
        </Form.Item>
        <Form.Item name="date" label="Từ ngày" tooltip="Để trống: hôm nay">
          <DatePicker format="DD/MM/YYYY" aria-label="Từ ngày" />
        </Form.Item>
        {save.error && <Alert type="error" showIcon title={save.error.message} />}
      </Form>
    </FormModal>
  );
}

/// Chuyển trường / Thôi học (SCH-5): the reason and the date are kept with the record.
export function LeaveDialog({ open, onClose, student }: DialogProps & { student: StudentProfile }) {
  const [form] = Form.useForm<{ kind: 'transfer_out' | 'dropout'; reason: string; date?: Dayjs }>();
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (v: { kind: string; reason: string; date?: Dayjs }) =>
      request(`/api/v1/students/${student.id}/leave`, {
        method: 'POST',
        body: { kind: v.kind, reason: v.reason.trim(), ...(v.date ? { date: dayText(v.date) } : {}) },
      }),
    onSuccess: () => {
      refresh();
      form.resetFields();
      onClose();
    },
  });
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={`Chuyển trường hoặc thôi học: ${student.full_name}`}
      okText="Xác nhận"
      danger
      form={form}
      pending={save.isPending}
      onSubmit={(v) => save.mutate(v)}
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'transfer_out' }}>
        <Form.Item name="kind" label="Hình thức">
          <Radio.Group
            options={[
              { value: 'transfer_out', label: 'Chuyển trường' },
              { value: 'dropout', label: 'Thôi học' },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label="Lý do" rules={[{ required: true, whitespace: true, message: 'Nhập lý do' }]}>
          <Input.TextArea aria-label="Lý do" rows={2} maxLength={500} />
        </Form.Item>
        <Form.Item name="date" label="Ngày" tooltip="Để trống: hôm nay">
          <DatePicker format="DD/MM/YYYY" aria-label="Ngày" />
        </Form.Item>
        <Alert type="warning" showIcon title="Học sinh rời lớp; hồ sơ và điểm vẫn được lưu." />
        {save.error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={save.error.message} />}
      </Form>
    </FormModal>
  );
}

/// Miễn môn (SCH-8): a subject of the student's grade, in one semester, with the reason (e.g. a doctor's note).
export function ExemptionDialog({
  open,
  onClose,
  student,
  subjects,
}: DialogProps & { student: StudentProfile; subjects: CurriculumEntry[] }) {
  const [form] = Form.useForm<{ subject: string; semester: number; reason: string }>();
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (v: { subject: string; semester: number; reason: string }) =>
      request(`/api/v1/students/${student.id}/exemptions`, {
        method: 'POST',
        body: { subject: v.subject, semester: v.semester, reason: v.reason.trim() },
      }),
    onSuccess: () => {
      refresh();
      form.resetFields();
      onClose();
    },
  });
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={`Miễn môn học: ${student.full_name}`}
      okText="Miễn môn"
      form={form}
      pending={save.isPending}
      onSubmit={(v) => save.mutate(v)}
    >
      <Form form={form} layout="vertical" initialValues={{ semester: 1 }}>
        <Form.Item name="subject" label="Môn học" rules={[{ required: true, message: 'Chọn môn học' }]}>
          <Select
            aria-label="Môn học"
            showSearch
            optionFilterProp="label"
            options={subjects.map((s) => ({ value: s.subject, label: s.name }))}
          />
        </Form.Item>
        <Form.Item name="semester" label="Học kỳ">
          <Radio.Group
            options={[
              { value: 1, label: 'Học kỳ I' },
              { value: 2, label: 'Học kỳ II' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label="Lý do"
          rules={[{ required: true, whitespace: true, message: 'Nhập lý do miễn' }]}
        >
          <Input.TextArea aria-label="Lý do miễn" rows={2} maxLength={500} />
        </Form.Item>
        {save.error && <Alert type="error" showIcon title={save.error.message} />}
      </Form>
    </FormModal>
  );
}

/// Nhận học sinh chuyển đến (SCH-6): a student who transferred out of another school of the system, found by their
/// code; their record and guardians are copied and they join the chosen class.
export function AdmissionDialog({
  open,
  onClose,
  unitId,
  classes,
  onAdmitted,
}: DialogProps & { unitId: string; classes: SchoolClass[]; onAdmitted: (student: StudentProfile) => void }) {
  const [form] = Form.useForm<{ code: string; class_id: string; date?: Dayjs }>();
  const refresh = useRefresh();
  const save = useMutation({
    mutationFn: (v: { code: string; class_id: string; date?: Dayjs }) =>
      request<StudentProfile>(`/api/v1/schools/${unitId}/admissions`, {
        method: 'POST',
        body: { code: v.code.trim(), class_id: v.class_id, ...(v.date ? { date: dayText(v.date) } : {}) },
      }),
    onSuccess: (student) => {
      refresh();
      form.resetFields();
      onAdmitted(student);
    },
  });
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title="Nhận học sinh chuyển đến"
      okText="Nhận học sinh"
      form={form}
      pending={save.isPending}
      onSubmit={(v) => save.mutate(v)}
    >
      <Form form={form} layout="vertical">
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="Học sinh phải đã làm thủ tục chuyển đi ở trường cũ trong hệ thống. Hồ sơ, người giám hộ và điểm năm học này được chuyển theo."
        />
        <Form.Item
          name="code"
          label="Mã học sinh"
          rules={[{ required: true, whitespace: true, message: 'Nhập mã học sinh (mã CSDL ngành)' }]}
        >
          <Input aria-label="Mã học sinh" maxLength={20} />
        </Form.Item>
        <Form.Item name="class_id" label="Vào lớp" rules={[{ required: true, message: 'Chọn lớp' }]}>
          <Select aria-label="Vào lớp" options={classes.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
        <Form.Item name="date" label="Từ ngày" tooltip="Để trống: hôm nay">
          <DatePicker format="DD/MM/YYYY" aria-label="Từ ngày" />
        </Form.Item>
        {save.error && <Alert type="error" showIcon title={save.error.message} />}
      </Form>
    </FormModal>
  );
}
