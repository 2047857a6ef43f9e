import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Flex, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { ApiError, ClientErrorCode } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { databaseEngineName, useHealth, type Health } from './health';

/// Statuses that mean the hocvu server itself did not answer (a proxy did).
const GATEWAY_STATUSES = new Set([502, 503, 504]);

function serverUnreachable(error: Error): boolean {
  return (
    error instanceof ApiError &&
    (error.isNetworkError || (error.code === ClientErrorCode.UnexpectedResponse && GATEWAY_STATUSES.has(error.status)))
  );
}

function errorTitle(error: Error): string {
  return serverUnreachable(error) ? 'Không kết nối được máy chủ' : 'Máy chủ báo lỗi';
}

function errorDescription(error: Error): string {
  if (serverUnreachable(error)) {
    return 'Không thể liên lạc với máy chủ Hocvu. Hãy kiểm tra máy chủ đang chạy và kết nối mạng, rồi bấm "Làm mới".';
  }
  if (error instanceof ApiError) {
    return `${error.title} (mã lỗi: ${error.code}).`;
  }
  return error.message;
}

function HealthDetails({ health, updatedAt }: { health: Health; updatedAt: number }) {
  const ok = health.status === 'ok';
  return (
    <Descriptions
      bordered
      column={1}
      size="middle"
      items={[
        {
          key: 'status',
          label: 'Trạng thái',
          children: (
            <Tag color={ok ? 'success' : 'warning'} data-testid="health-status">
              {ok ? 'Hoạt động bình thường' : health.status}
            </Tag>
          ),
        },
        {
          key: 'version',
          label: 'Phiên bản',
          children: <span data-testid="health-version">{health.version}</span>,
        },
        {
          key: 'db',
          label: 'Cơ sở dữ liệu',
          children: <span data-testid="health-db">{databaseEngineName(health.db)}</span>,
        },
        {
          key: 'updated',
          label: 'Cập nhật lúc',
          children: dayjs(updatedAt).format('HH:mm:ss, DD/MM/YYYY'),
        },
      ]}
    />
  );
}

/// "Trạng thái hệ thống": what `GET /healthz` says about the server.
export function StatusPage() {
  usePageTitle('Trạng thái hệ thống');
  const health = useHealth();

  return (
    <Flex vertical gap="middle">
      <Flex justify="space-between" align="center" wrap gap="small">
        <Typography.Title level={2} style={{ margin: 0 }}>
          Trạng thái hệ thống
        </Typography.Title>
        <Button icon={<ReloadOutlined />} loading={health.isFetching} onClick={() => void health.refetch()}>
          Làm mới
        </Button>
      </Flex>
      <Card>
        {health.isPending ? (
          <Skeleton active paragraph={{ rows: 3 }} />
        ) : health.isError ? (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={errorTitle(health.error)}
            description={errorDescription(health.error)}
          />
        ) : (
          <HealthDetails health={health.data} updatedAt={health.dataUpdatedAt} />
        )}
      </Card>
    </Flex>
  );
}
