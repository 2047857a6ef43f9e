import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Popconfirm, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { showNewAccount } from './dialogs';
import { ExemptionDialog, LeaveDialog, TransferClassDialog } from './LifecycleDialogs';
import { GuardianDialog, StudentEditDialog } from './StudentRecordDialogs';
import {
  can,
  genderNames,
  studentStatusNames,
  useClass,
  useCurriculum,
  useSchoolClasses,
  useStudentProfile,
  vietnameseDate,
  type Enrolment,
  type Exemption,
  type Guardian,
} from './school';

type Dialog = 'transfer' | 'leave' | 'exemption' | 'edit' | 'guardian' | null;

/// The answer of `POST /api/v1/guardians/{id}/account`.
interface ParentAccount {
  account: { username: string };
  created: boolean;
  password?: string;
}

/// Hồ sơ học sinh: the record, guardians with their parent accounts, class history and exemptions; the record
/// managers correct the record and add guardians (SCH-3), transfer the student to another class (SCH-4), record a
/// transfer out or dropout (SCH-5) and exempt a subject (SCH-8) from here.
export function StudentProfilePage() {
  const { id = '' } = useParams();
  const user = useSession().data;
  const manage = can(user, 'account.manage');
  const student = useStudentProfile(id);
  const s = student.data;
  usePageTitle(s ? s.full_name : 'Hồ sơ học sinh');
  const [dialog, setDialog] = useState<Dialog>(null);
  const queryClient = useQueryClient();
  const classes = useSchoolClasses(manage && s ? s.unit_id : undefined);
  const currentClass = useClass(s?.class?.id ?? '');
  const curriculum = useCurriculum(manage ? s?.class?.year_id : undefined);
  const gradeSubjects = (curriculum.data ?? []).filter((c) => c.grade === currentClass.data?.grade);

  const removeExemption = useMutation({
    mutationFn: (x: Exemption) => request(`/api/v1/exemptions/${x.id}`, { method: 'DELETE' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['student', id] }),
  });
  const parentAccount = useMutation({
    mutationFn: (g: Guardian) => request<ParentAccount>(`/api/v1/guardians/${g.id}/account`, { method: 'POST' }),
    onSuccess: (reply) => {
      void queryClient.invalidateQueries({ queryKey: ['student', id] });
      showNewAccount(
        reply.created ? 'Đã tạo tài khoản phụ huynh' : 'Đã gắn tài khoản phụ huynh sẵn có',
        reply.account.username,
        reply.password,
      );
    },
  });

  if (student.isError) {
    return <Alert type="error" showIcon title={student.error.message} />;
  }
  if (!s) {
    return <Spin />;
  }
  const studying = s.status === 'studying';
  const subjectName = (code: string) => gradeSubjects.find((c) => c.subject === code)?.name ?? code;
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {s.full_name}
      </Typography.Title>
      <Flex gap={8} wrap align="center">
        <Tag color={studying ? 'green' : 'default'} data-testid="student-status">
          {studentStatusNames[s.status] ?? s.status}
        </Tag>
        {s.class && (
          <Link to={`/lop-hoc/${s.class.id}`} data-testid="student-class">
            Lớp {s.class.name}
          </Link>
        )}
        {manage && studying && s.class && (
          <>
            <Button onClick={() => setDialog('transfer')}>Chuyển lớp</Button>
            <Button onClick={() => setDialog('exemption')}>Miễn môn học</Button>
            <Button danger onClick={() => setDialog('leave')}>
              Chuyển trường / Thôi học
            </Button>
          </>
        )}
      </Flex>
      {!studying && s.status_reason && (
        <Alert
          type="info"
          showIcon
          title={`${studentStatusNames[s.status] ?? s.status}${s.status_date ? ` từ ${vietnameseDate(s.status_date)}` : ''}: ${s.status_reason}`}
        />
      )}
      <Card title="Hồ sơ" size="small" extra={manage && <Button onClick={() => setDialog('edit')}>Sửa hồ sơ</Button>}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'code', label: 'Mã học sinh', children: s.code },
            { key: 'birth', label: 'Ngày sinh', children: vietnameseDate(s.birth_date) },
            { key: 'gender', label: 'Giới tính', children: genderNames[s.gender] ?? s.gender },
            { key: 'ethnicity', label: 'Dân tộc', children: s.ethnicity },
            { key: 'birthplace', label: 'Nơi sinh', children: s.birthplace },
            { key: 'address', label: 'Địa chỉ', children: s.address },
            { key: 'priority', label: 'Đối tượng ưu tiên', children: s.priority || '—' },
            { key: 'policy', label: 'Diện chính sách', children: s.policy || '—' },
          ]}
        />
      </Card>
      <Card
        title="Cha mẹ, người giám hộ"
        size="small"
        extra={manage && <Button onClick={() => setDialog('guardian')}>Thêm người giám hộ</Button>}
      >
        <Table<Guardian>
          rowKey="id"
          data-testid="guardians"
          size="small"
          pagination={false}
          dataSource={s.guardians}
          locale={{ emptyText: 'Chưa có thông tin người giám hộ' }}
          columns={[
            { title: 'Họ và tên', dataIndex: 'full_name' },
            { title: 'Quan hệ', dataIndex: 'relation' },
            { title: 'Điện thoại', dataIndex: 'phone' },
            { title: 'Email', dataIndex: 'email' },
            {
              title: 'Tài khoản phụ huynh',
              key: 'account',
              render: (_, g) =>
                g.account_id ? (
                  <Tag color="blue">Đã có tài khoản</Tag>
                ) : manage && g.phone ? (
                  <Button size="small" loading={parentAccount.isPending} onClick={() => parentAccount.mutate(g)}>
                    Tạo tài khoản
                  </Button>
                ) : (
                  'Chưa có'
                ),
            },
          ]}
        />
        {parentAccount.error && <Alert type="error" showIcon title={parentAccount.error.message} />}
      </Card>
      <Card title="Quá trình học" size="small">
        <Table<Enrolment>
          rowKey="id"
          data-testid="enrolments"
          size="small"
          pagination={false}
          dataSource={s.enrolments ?? []}
          locale={{ emptyText: 'Chưa xếp lớp' }}
          columns={[
            { title: 'Lớp', dataIndex: 'class_name' },
            { title: 'Từ ngày', dataIndex: 'started_on', render: (v: string) => vietnameseDate(v) },
            { title: 'Đến ngày', dataIndex: 'ended_on', render: (v: string) => (v ? vietnameseDate(v) : '—') },
            { title: 'Ghi chú', dataIndex: 'end_reason' },
          ]}
        />
      </Card>
      <Card title="Miễn môn học" size="small">
        <Table<Exemption>
          rowKey="id"
          data-testid="exemptions"
          size="small"
          pagination={false}
          dataSource={s.exemptions ?? []}
          locale={{ emptyText: 'Không miễn môn nào' }}
          columns={[
            { title: 'Môn học', dataIndex: 'subject', render: (v: string) => subjectName(v) },
            { title: 'Học kỳ', dataIndex: 'semester', render: (v: number) => (v === 1 ? 'Học kỳ I' : 'Học kỳ II') },
            { title: 'Lý do', dataIndex: 'reason' },
            ...(manage
              ? [
                  {
                    title: '',
                    key: 'remove',
                    render: (_: unknown, x: Exemption) => (
                      <Popconfirm
                        title="Bỏ miễn môn này?"
                        okText="Bỏ miễn"
                        cancelText="Không"
                        onConfirm={() => removeExemption.mutate(x)}
                      >
                        <Button size="small" type="link" danger>
                          Bỏ miễn
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
        {removeExemption.error && <Alert type="error" showIcon title={removeExemption.error.message} />}
      </Card>
      {manage && (
        <>
          {/* Mounted for each opening, so that the form starts from the record as it is now. */}
          {dialog === 'edit' && <StudentEditDialog open onClose={() => setDialog(null)} student={s} />}
          {dialog === 'guardian' && <GuardianDialog open onClose={() => setDialog(null)} student={s} />}
        </>
      )}
      {manage && studying && s.class && (
        <>
          <TransferClassDialog
            open={dialog === 'transfer'}
            onClose={() => setDialog(null)}
            student={s}
            classes={classes.data ?? []}
          />
          <LeaveDialog open={dialog === 'leave'} onClose={() => setDialog(null)} student={s} />
          <ExemptionDialog
            open={dialog === 'exemption'}
            onClose={() => setDialog(null)}
            student={s}
            subjects={gradeSubjects}
          />
        </>
      )}
    </Flex>
  );
}
