import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Checkbox, DatePicker, Flex, Form, Input, Radio, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { request } from '../../api/client';
import { emailRule, FormModal, phoneRule, showNewAccount } from './dialogs';
import { dayText, genderNames, useSubjectCatalogue, type StaffMember } from './school';

interface StaffForm {
  full_name: string;
  birth_date?: Dayjs | null;
  gender?: string;
  ethnicity?: string;
  phone?: string;
  email?: string;
  position?: string;
  subjects?: string[];
  qualification?: string;
  professional_rank?: string;
  with_account?: boolean;
}

/// The answer of `POST /api/v1/schools/{unit_id}/staff`: the record and, with an account, its one-time password.
type CreatedStaff = StaffMember & { password?: string };

const trim = (v: string | undefined) => (v ?? '').trim();

/// Thêm cán bộ or Sửa hồ sơ cán bộ (SCH-1): the HR fields a school keeps. A new person gets an account named by
/// the province rule unless unticked, and its one-time password is shown once; a correction keeps the username.
export function StaffDialog({
  open,
  onClose,
  unitId,
  staff,
}: {
  open: boolean;
  onClose: () => void;
  unitId: string;
  staff: StaffMember | null;
}) {
  const [form] = Form.useForm<StaffForm>();
  const queryClient = useQueryClient();
  const subjects = useSubjectCatalogue();
  const save = useMutation({
    mutationFn: (v: StaffForm) => {
      const body = {
        full_name: v.full_name.trim(),
        birth_date: dayText(v.birth_date) ?? '',
        gender: v.gender ?? '',
        ethnicity: trim(v.ethnicity),
        phone: trim(v.phone),
        email: trim(v.email),
        position: trim(v.position),
        subjects: v.subjects ?? [],
        qualification: trim(v.qualification),
        professional_rank: trim(v.professional_rank),
      };
      return staff
        ? request<CreatedStaff>(`/api/v1/staff/${staff.id}`, { method: 'PATCH', body })
        : request<CreatedStaff>(`/api/v1/schools/${unitId}/staff`, {
            method: 'POST',
            body: { ...body, with_account: v.with_account ?? true },
          });
    },
    onSuccess: (reply) => {
      void queryClient.invalidateQueries({ queryKey: ['school-staff'] });
      onClose();
      if (!staff && reply.username) {
        showNewAccount('Đã thêm cán bộ và tạo tài khoản', reply.username, reply.password);
      }
    },
  });
  return (
    <FormModal
      open={open}
      onClose={onClose}
      title={staff ? `Sửa hồ sơ cán bộ: ${staff.full_name}` : 'Thêm cán bộ, giáo viên'}
      okText={staff ? 'Lưu hồ sơ' : 'Thêm cán bộ'}
      form={form}
      pending={save.isPending}
      onSubmit={(v) => save.mutate(v)}
    >
      <Form<StaffForm>
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={
          staff
            ? {
                full_name: staff.full_name,
                birth_date: staff.birth_date ? dayjs(staff.birth_date) : null,
                gender: staff.gender || undefined,
                ethnicity: staff.ethnicity,
                phone: staff.phone,
                email: staff.email,
                position: staff.position,
                subjects: staff.subjects,
                qualification: staff.qualification,
                professional_rank: staff.professional_rank,
              }
            : { position: 'Giáo viên', with_account: true, subjects: [] }
        }
      >
        <Form.Item
          name="full_name"
          label="Họ và tên"
          rules={[{ required: true, whitespace: true, message: 'Nhập họ và tên' }]}
        >
          <Input aria-label="Họ và tên" maxLength={200} />
        </Form.Item>
        {staff?.username && (
          <Typography.Paragraph type="secondary">
            Tên đăng nhập <Typography.Text code>{staff.username}</Typography.Text> giữ nguyên khi sửa tên.
          </Typography.Paragraph>
        )}
        <Flex gap={16} wrap>
          <Form.Item name="birth_date" label="Ngày sinh">
            <DatePicker format="DD/MM/YYYY" aria-label="Ngày sinh" />
          </Form.Item>
          <Form.Item name="gender" label="Giới tính">
            <Radio.Group options={Object.entries(genderNames).map(([value, label]) => ({ value, label }))} />
          </Form.Item>
        </Flex>
        <Form.Item name="ethnicity" label="Dân tộc">
          <Input aria-label="Dân tộc" maxLength={200} />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="phone" label="Điện thoại" rules={[phoneRule]}>
            <Input aria-label="Điện thoại" inputMode="tel" maxLength={15} />
          </Form.Item>
          <Form.Item name="email" label="Email" rules={[emailRule]}>
            <Input aria-label="Email" inputMode="email" maxLength={200} />
          </Form.Item>
        </Flex>
        <Form.Item name="position" label="Chức vụ">
          <Input aria-label="Chức vụ" maxLength={200} />
        </Form.Item>
        <Form.Item name="subjects" label="Môn dạy">
          <Select
            mode="multiple"
            aria-label="Môn dạy"
            loading={subjects.isPending}
            optionFilterProp="label"
            options={[...(subjects.data ?? [])].map(([value, name]) => ({ value, label: `${name} (${value})` }))}
          />
        </Form.Item>
        <Flex gap={16} wrap>
          <Form.Item name="qualification" label="Trình độ chuyên môn">
            <Input aria-label="Trình độ chuyên môn" maxLength={200} />
          </Form.Item>
          <Form.Item name="professional_rank" label="Hạng chức danh">
            <Input aria-label="Hạng chức danh" maxLength={200} />
          </Form.Item>
        </Flex>
        {!staff && (
          <Form.Item name="with_account" valuePropName="checked">
            <Checkbox>Tạo tài khoản đăng nhập (tên theo quy định của Sở)</Checkbox>
          </Form.Item>
        )}
        {save.error && <Alert type="error" showIcon title={save.error.message} />}
      </Form>
    </FormModal>
  );
}
