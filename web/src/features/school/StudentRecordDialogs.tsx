import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, DatePicker, Form, Input, Radio } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { request } from '../../api/client';
import { emailRule, FormModal, phoneRule } from './dialogs';
import { dayText, genderNames, type StudentProfile } from './school';

interface DialogProps {
  open: boolean;
  onClose: () => void;
  student: StudentProfile;
}

interface RecordForm {
  full_name: string;
  birth_date: Dayjs;
  gender: string;
  ethnicity: string;
  birthplace: string;
  address: string;
  priority: string;
  policy: string;
}

/// Sửa hồ sơ (SCH-3): the record's fields as the school keeps them; the student code stays. The server checks
/// every field again and answers a wrong one in Vietnamese; nothing is saved unless all are right.
export function StudentEditDialog({ open, onClose, student }: DialogProps) {
  const [form] = Form.useForm<RecordForm>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: RecordForm) =>
      request(`/api/v1/students/${student.id}`, {
        method: 'PATCH',
        body: {
          full_name: v.full_name.trim(),
          birth_date: dayText(v.birth_date),
          gender: v.gender,
          ethnicity: v.ethnicity.trim(),
          birthplace: v.birthplace.trim(),
          address: v.address.trim(),
          priority: v.priority.trim(),
          policy: v.policy.trim(),
        },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['student'] });
      void queryClient.invalidateQueries({ queryKey: ['class-students'] });
      void queryClient.invalidateQueries({ queryKey: ['school-students'] });
      onClose();
    },
  });
  const text = { whitespace: false, max: 200, message: 'Tối đa 200 ký tự' };
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={`Sửa hồ sơ: ${student.full_name}`}
      okText="Lưu hồ sơ"
      form={form}
      pending={save.isPending}
      onSubmit={(v) => save.mutate(v)}
    >
      <Form<RecordForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          full_name: student.full_name,
          birth_date: student.birth_date ? dayjs(student.birth_date) : undefined,
          gender: student.gender,
          ethnicity: student.ethnicity,
          birthplace: student.birthplace,
          address: student.address,
          priority: student.priority,
          policy: student.policy,
        }}
      >
        <Form.Item label="Mã học sinh">
          <Input value={student.code} disabled aria-label="Mã học sinh" />
        </Form.Item>
        <Form.Item
          name="full_name"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }, text]}
        >
          <Input aria-label="Họ và tên" maxLength={200} />
        </Form.Item>
        <Form.Item name="birth_date" label="Ngày sinh" rules={[{ required: true, message: 'Chọn ngày sinh' }]}>
          <DatePicker format="DD/MM/YYYY" aria-label="Ngày sinh" />
        </Form.Item>
        <Form.Item name="gender" label="Giới tính" rules={[{ required: true, message: 'Chọn giới tính' }]}>
          <Radio.Group options={Object.entries(genderNames).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="ethnicity" label="Dân tộc" rules={[text]}>
          <Input aria-label="Dân tộc" maxLength={200} />
        </Form.Item>
        <Form.Item name="birthplace" label="Nơi sinh" rules={[text]}>
          <Input aria-label="Nơi sinh" maxLength={200} />
        </Form.Item>
        <Form.Item name="address" label="Địa chỉ" rules={[text]}>
          <Input aria-label="Địa chỉ" maxLength={200} />
        </Form.Item>
        <Form.Item name="priority" label="Đối tượng ưu tiên" rules={[text]}>
          <Input aria-label="Đối tượng ưu tiên" maxLength={200} />
        </Form.Item>
        <Form.Item name="policy" label="Diện chính sách" rules={[text]}>
          <Input aria-label="Diện chính sách" maxLength={200} />
        </Form.Item>
        {save.error && <Alert type="error" showIcon title={save.error.message} />}
      </Form>
    </FormModal>
  );
}

interface GuardianForm {
  full_name: string;
  relation: string;
  phone: string;
  email: string;
}

/// Thêm cha mẹ, người giám hộ (SCH-3): name, relation, phone (for the parent account and messages) and email.
export function GuardianDialog({ open, onClose, student }: DialogProps) {
  const [form] = Form.useForm<GuardianForm>();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (v: GuardianForm) =>
      request(`/api/v1/students/${student.id}/guardians`, {
        method: 'POST',
        body: {
          full_name: v.full_name.trim(),
          relation: v.relation.trim(),
          phone: (v.phone ?? '').trim(),
          email: (v.email ?? '').trim(),
        },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['student'] });
      onClose();
    },
  });
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={`Thêm cha mẹ, người giám hộ: ${student.full_name}`}
      okText="Thêm"
      form={form}
      pending={save.isPending}
      onSubmit={(v) => save.mutate(v)}
    >
      <Form<GuardianForm> form={form} layout="vertical" preserve={false} initialValues={{ relation: 'Mẹ' }}>
        <Form.Item
          name="full_name"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}
        >
          <Input aria-label="Họ và tên người giám hộ" maxLength={200} />
        </Form.Item>
        <Form.Item
          name="relation"
          label="Quan hệ"
          rules={[{ required: true, whitespace: true, message: 'Nhập quan hệ (Cha, Mẹ, Ông, Bà…)' }]}
        >
          <Input aria-label="Quan hệ" maxLength={50} />
        </Form.Item>
        <Form.Item name="phone" label="Điện thoại" rules={[phoneRule]}>
          <Input aria-label="Điện thoại" inputMode="tel" maxLength={15} />
        </Form.Item>
        <Form.Item name="email" label="Email" rules={[emailRule]}>
          <Input aria-label="Email" inputMode="email" maxLength={200} />
        </Form.Item>
        {save.error && <Alert type="error" showIcon title={save.error.message} />}
      </Form>
    </FormModal>
  );
}
