import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { changePassword, login, SESSION_QUERY_KEY, signInErrorMessage, type User } from './session';

interface SignInValues {
  username: string;
  password: string;
  totp?: string;
}

interface ChangeValues {
  new_password: string;
  confirm: string;
}

/// Sign-in (Đăng nhập), with the second-factor code when the account has one, and the forced password change
/// that follows an admin-issued password.
export function LoginPage() {
  usePageTitle('Đăng nhập');
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [needTotp, setNeedTotp] = useState(false);
  const [mustChange, setMustChange] = useState<{ user: User; current: string } | null>(null);

  async function onSignIn(values: SignInValues) {
    setBusy(true);
    setError(null);
    try {
      const reply = await login(values.username, values.password, values.totp);
      if (reply.user.must_change_password) {
        setMustChange({ user: reply.user, current: values.password });
      } else {
        queryClient.setQueryData(SESSION_QUERY_KEY, reply.user);
        await navigate('/');
      }
    } catch (e) {
      if (e instanceof ApiError && e.code === 'auth.totp_required') {
        setNeedTotp(true);
      }
      setError(signInErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function onChange(values: ChangeValues) {
    if (!mustChange) {
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const reply = await changePassword(mustChange.current, values.new_password);
      queryClient.setQueryData(SESSION_QUERY_KEY, reply.user);
      await navigate('/');
    } catch (e) {
      setError(signInErrorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Flex justify="center" style={{ paddingBlock: 24 }}>
      <Card style={{ width: '100%', maxWidth: 420 }}>
        {mustChange ? (
          <>
            <Typography.Title level={3}>Đổi mật khẩu</Typography.Title>
            <Typography.Paragraph type="secondary">
              Chào {mustChange.user.full_name}. Mật khẩu này do quản trị viên cấp, hãy đặt mật khẩu riêng trước khi tiếp
              tục: ít nhất 10 ký tự, không phổ biến, không chứa tên đăng nhập.
            </Typography.Paragraph>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
            <Form<ChangeValues> layout="vertical" onFinish={onChange} requiredMark={false}>
              <Form.Item
                label="Mật khẩu mới"
                name="new_password"
                rules={[
                  { required: true, message: 'Nhập mật khẩu mới' },
                  { min: 10, message: 'Mật khẩu cần ít nhất 10 ký tự' },
                ]}
              >
                <Input.Password autoComplete="new-password" prefix={<LockOutlined />} />
              </Form.Item>
              <Form.Item
                label="Nhập lại mật khẩu mới"
                name="confirm"
                dependencies={['new_password']}
                rules={[
                  { required: true, message: 'Nhập lại mật khẩu mới' },
                  ({ getFieldValue }) => ({
                    validator: (_, value) =>
                      !value || getFieldValue('new_password') === value
                        ? Promise.resolve()
                        : Promise.reject(new Error('Hai mật khẩu chưa khớp')),
                  }),
                ]}
              >
                <Input.Password autoComplete="new-password" prefix={<LockOutlined />} />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={busy}>
                Đổi mật khẩu và tiếp tục
              </Button>
            </Form>
          </>
        ) : (
          <>
            <Typography.Title level={3}>Đăng nhập</Typography.Title>
            {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
            <Form<SignInValues> layout="vertical" onFinish={onSignIn} requiredMark={false}>
              <Form.Item
                label="Tên đăng nhập"
                name="username"
                rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}
              >
                <Input autoComplete="username" autoCapitalize="none" prefix={<UserOutlined />} />
              </Form.Item>
              <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
                <Input.Password autoComplete="current-password" prefix={<LockOutlined />} />
              </Form.Item>
              {needTotp && (
                <Form.Item
                  label="Mã xác thực (6 số)"
                  name="totp"
                  rules={[{ required: true, pattern: /^\d{6}$/, message: 'Nhập mã gồm 6 chữ số' }]}
                >
                  <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} prefix={<SafetyOutlined />} />
                </Form.Item>
              )}
              <Button type="primary" htmlType="submit" block loading={busy}>
                Đăng nhập
              </Button>
            </Form>
          </>
        )}
      </Card>
    </Flex>
  );
}
