import { DownloadOutlined, InboxOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Form,
  Result,
  Segmented,
  Select,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import {
  fieldNames,
  importContentType,
  MAX_IMPORT_BYTES,
  problemsCsv,
  rowsWithProblems,
  sendImport,
  type ImportCreated,
  type ImportKind,
  type ImportProblem,
  type ImportReport,
} from './importing';
import { useSchoolYears, useYearClasses } from './school';

type ImportFile = Blob & { name: string };

function downloadText(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/// What the server found in a file: the header row and column mapping, then every row's problem.
export function ImportReportView({ report, fileName }: { report: ImportReport; fileName: string }) {
  const badRows = rowsWithProblems(report.problems);
  return (
    <Flex vertical gap={16} data-testid="import-report">
      {report.ok ? (
        <Alert
          type="success"
          showIcon
          data-testid="import-status"
          title={`Tệp hợp lệ: ${report.rows} dòng dữ liệu, không có lỗi. Bấm “Nhập” để ghi vào hệ thống.`}
        />
      ) : (
        <Alert
          type="error"
          showIcon
          data-testid="import-status"
          title={`Có ${report.problems.length} lỗi ở ${badRows} trên ${report.rows} dòng. Chưa ghi gì vào hệ thống.`}
          description="Sửa các dòng dưới đây trong tệp rồi chọn lại tệp. Chỉ nhập được khi tệp không còn lỗi."
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, md: 3 }}
        items={[
          { key: 'sheet', label: 'Trang tính', children: report.sheet },
          { key: 'header', label: 'Dòng tiêu đề', children: <span data-testid="header-row">{report.header_row}</span> },
          { key: 'rows', label: 'Số dòng dữ liệu', children: report.rows },
        ]}
      />
      <Card size="small" title="Cột được nhận diện">
        <Flex gap={8} wrap data-testid="column-mapping">
          {report.columns.map((c) => (
            <Tag key={c.column}>
              {c.column} → {fieldNames[c.field] ?? c.field}
            </Tag>
          ))}
        </Flex>
      </Card>
      {report.problems.length > 0 && (
        <Card
          size="small"
          title={`Lỗi từng dòng (${report.problems.length})`}
          extra={
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                downloadText(
                  `bao-cao-loi-${fileName.replace(/\.[^.]+$/, '')}.csv`,
                  problemsCsv(report.problems),
                  'text/csv;charset=utf-8',
                )
              }
            >
              Tải báo cáo lỗi (CSV)
            </Button>
          }
        >
          <Table<ImportProblem & { key: number }>
            data-testid="import-problems"
            size="small"
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={report.problems.map((p, key) => ({ ...p, key }))}
            columns={[
              { title: 'Trang tính', dataIndex: 'sheet' },
              { title: 'Dòng', dataIndex: 'row', width: 72 },
              { title: 'Cột', key: 'column', render: (_, p) => (p.header ? `${p.column} (${p.header})` : p.column) },
              { title: 'Lỗi', dataIndex: 'message' },
            ]}
          />
        </Card>
      )}
    </Flex>
  );
}

function CreatedTable({ kind, created }: { kind: ImportKind; created: ImportCreated[] }) {
  return (
    <Table<ImportCreated>
      rowKey="id"
      data-testid="import-created"
      size="small"
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={created}
      columns={
        kind === 'students'
          ? [
              { title: 'Mã học sinh', dataIndex: 'code' },
              { title: 'Họ và tên', dataIndex: 'full_name' },
              { title: 'Lớp', dataIndex: 'class_name', render: (v?: string) => v || '—' },
            ]
          : [
              { title: 'Họ và tên', dataIndex: 'full_name' },
              { title: 'Tên đăng nhập', dataIndex: 'username', render: (v?: string) => v || '—' },
              {
                title: 'Mật khẩu lần đầu',
                dataIndex: 'password',
                render: (v?: string) => (v ? <Typography.Text code>{v}</Typography.Text> : '—'),
              },
            ]
      }
    />
  );
}

/// Nhập dữ liệu: a student or staff list from .xlsx or .csv (the Ministry's export layout). The server checks the
/// file and reports every row's problem before anything is written; "Nhập" writes all rows or none (SCH-1, SCH-3).
export function ImportPage() {
  usePageTitle('Nhập dữ liệu');
  const user = useSession().data;
  const unitId = user?.unit?.id;
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<ImportKind>('students');
  const [file, setFile] = useState<ImportFile | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [yearChoice, setYearChoice] = useState<string | undefined>(undefined);
  const [classId, setClassId] = useState<string | undefined>(undefined);
  const years = useSchoolYears(unitId);
  const year = yearChoice ?? years.data?.[0]?.name;
  const classes = useYearClasses(unitId, kind === 'students' ? year : undefined);

  const query = (): Record<string, string> => {
    if (kind !== 'students') {
      return {};
    }
    if (classId) {
      return { class_id: classId };
    }
    return year ? { year } : {};
  };

  const preview = useMutation({
    mutationFn: (f: ImportFile) => sendImport(unitId ?? '', kind, 'preview', f, query()),
  });
  const commit = useMutation({
    mutationFn: (f: ImportFile) => sendImport(unitId ?? '', kind, 'commit', f, query()),
    onSuccess: (report) => {
      if (report.committed) {
        void queryClient.invalidateQueries({ queryKey: ['school-classes'] });
        void queryClient.invalidateQueries({ queryKey: ['class-students'] });
        void queryClient.invalidateQueries({ queryKey: ['school-students'] });
        void queryClient.invalidateQueries({ queryKey: ['school-staff'] });
      }
    },
  });

  const reset = () => {
    setFile(null);
    setFileError(null);
    preview.reset();
    commit.reset();
  };

  const choose = (f: ImportFile) => {
    reset();
    if (!importContentType(f.name)) {
      setFileError('Chỉ nhận tệp Excel (.xlsx) hoặc .csv.');
      return;
    }
    if (f.size > MAX_IMPORT_BYTES) {
      setFileError('Tệp lớn hơn 5 MB. Hãy chia danh sách thành nhiều tệp nhỏ hơn.');
      return;
    }
    setFile(f);
    preview.mutate(f);
  };

  // The report to show: the commit's when it was refused (the school changed since the preview), else the preview's.
  const report = commit.data && !commit.data.committed ? commit.data : preview.data;
  const committed = commit.data?.committed ? commit.data : null;
  const error = preview.error ?? commit.error;
  const noun = kind === 'students' ? 'học sinh' : 'cán bộ, giáo viên';

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Nhập dữ liệu
      </Typography.Title>
      {user?.unit && <Typography.Text type="secondary">{user.unit.name}</Typography.Text>}
      <Segmented<ImportKind>
        value={kind}
        onChange={(value) => {
          setKind(value);
          reset();
        }}
        options={[
          { value: 'students', label: 'Danh sách học sinh' },
          { value: 'staff', label: 'Danh sách cán bộ, giáo viên' },
        ]}
      />
      {kind === 'students' && (
        <Form layout="inline">
          <Form.Item label="Năm học">
            <Select
              aria-label="Năm học"
              style={{ minWidth: 140 }}
              loading={years.isPending}
              value={year}
              onChange={(value: string) => {
                setYearChoice(value);
                setClassId(undefined);
                reset();
              }}
              options={(years.data ?? []).map((y) => ({ value: y.name, label: y.name }))}
            />
          </Form.Item>
          <Form.Item label="Xếp vào lớp" tooltip="Khi tệp không có cột Lớp, mọi học sinh được xếp vào lớp chọn ở đây">
            <Select
              aria-label="Xếp vào lớp"
              style={{ minWidth: 200 }}
              allowClear
              placeholder="Theo cột Lớp trong tệp"
              value={classId}
              onChange={(value?: string) => {
                setClassId(value);
                reset();
              }}
              options={(classes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
        </Form>
      )}
      <div data-testid="import-file">
        <Upload.Dragger
          accept=".xlsx,.csv"
          multiple={false}
          showUploadList={false}
          disabled={!unitId || preview.isPending || commit.isPending}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
        >
          <p className="ant-upload-drag-icon">
            <InboxOutlined />
          </p>
          <p className="ant-upload-text">Bấm hoặc kéo tệp danh sách {noun} vào đây</p>
          <p className="ant-upload-hint">
            Tệp .xlsx hoặc .csv theo mẫu xuất từ CSDL ngành (STT, {kind === 'students' ? 'Mã học sinh, ' : ''}Họ và tên,
            Ngày sinh dd/mm/yyyy, Giới tính, …), tối đa 5 MB. Tệp chỉ được kiểm tra, chưa ghi gì cho tới khi bấm “Nhập”.
          </p>
        </Upload.Dragger>
      </div>
      {file && (
        <Typography.Text>
          Tệp: <Typography.Text strong>{file.name}</Typography.Text>
          {preview.isPending && ' — đang kiểm tra…'}
        </Typography.Text>
      )}
      {fileError && <Alert type="error" showIcon title={fileError} />}
      {error && <Alert type="error" showIcon data-testid="import-error" title={error.message} />}
      {committed ? (
        <Result
          status="success"
          title={`Đã nhập ${committed.created.length} ${noun}`}
          subTitle={
            kind === 'staff'
              ? 'Mỗi người có tài khoản theo quy tắc tên đăng nhập; hãy trao mật khẩu lần đầu cho từng người (chỉ hiện một lần).'
              : 'Học sinh đã được xếp vào lớp.'
          }
          extra={[
            <Button key="again" icon={<UploadOutlined />} onClick={reset}>
              Nhập tệp khác
            </Button>,
            kind === 'students' ? (
              <Link key="classes" to="/lop-hoc">
                Xem danh sách lớp
              </Link>
            ) : (
              <Link key="staff" to="/can-bo">
                Xem danh sách cán bộ
              </Link>
            ),
          ]}
        >
          <CreatedTable kind={kind} created={committed.created} />
        </Result>
      ) : (
        report &&
        file && (
          <>
            <ImportReportView report={report} fileName={file.name} />
            <Flex gap={8}>
              <Button
                type="primary"
                disabled={!report.ok}
                loading={commit.isPending}
                onClick={() => commit.mutate(file)}
              >
                Nhập
              </Button>
              <Button onClick={reset}>Chọn tệp khác</Button>
            </Flex>
          </>
        )
      )}
    </Flex>
  );
}
