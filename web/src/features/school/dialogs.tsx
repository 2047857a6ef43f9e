import { Flex, Modal, Typography, type FormInstance } from 'antd';
import type { ReactNode } from 'react';

/// A record step's dialog around one form: OK checks the form's fields and, when they are all right, hands their
/// values to `onSubmit`; the button spins while `pending`. The form itself (and the server's refusal under it) is
/// the dialog's `children`.
export function FormModal<T>({
  open,
  onClose,
  title,
  okText,
  danger = false,
  form,
  pending,
  onSubmit,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  okText: string;
  danger?: boolean;
  form: FormInstance<T>;
  pending: boolean;
  onSubmit: (values: T) => void;
  children: ReactNode;
}) {
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      {...(danger ? { okButtonProps: { danger: true } } : {})}
      cancelText="Hủy"
      onCancel={onClose}
      confirmLoading={pending}
      onOk={() =>
        form.validateFields().then(
          (v) => onSubmit(v),
          () => undefined,
        )
      }
      destroyOnHidden
    >
      {children}
    </Modal>
  );
}

/// A phone number as the server takes it (it keeps the digits): 9–15 digits, spaces, "+" or ".".
export const phoneRule = { pattern: /^[0-9 +.]{9,15}$/, message: 'Số điện thoại gồm 10 chữ số, ví dụ 0912345678' };
export const emailRule = { type: 'email' as const, message: 'Email chưa đúng' };

/// Shows a new account's username and its one-time password (shown once: the server keeps only its hash).
export function showNewAccount(title: string, username: string, password: string | undefined) {
  Modal.success({
    title,
    content: (
      <Flex vertical>
        <span>
          Tên đăng nhập: <Typography.Text code>{username}</Typography.Text>
        </span>
        {password && (
          <span>
            Mật khẩu lần đầu: <Typography.Text code>{password}</Typography.Text> (chỉ hiện một lần)
          </span>
        )}
      </Flex>
    ),
  });
}
