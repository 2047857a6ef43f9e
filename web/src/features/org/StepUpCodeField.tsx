import { Form, Input } from 'antd';

/// The authenticator code a decision asks for when the server wants a step-up (403 `auth.step_up_required`): six
/// digits, in a form whose field is `totp`. For every approval dialog of the principal board.
export function StepUpCodeField({ testId }: { testId: string }) {
  return (
    <Form.Item
      name="totp"
      label="Mã xác thực hai lớp (6 số)"
      rules={[{ required: true, pattern: /^\d{6}$/, message: 'Nhập đủ 6 chữ số' }]}
    >
      <Input
        data-testid={testId}
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={6}
        style={{ maxWidth: 160 }}
      />
    </Form.Item>
  );
}
