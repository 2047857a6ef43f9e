import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Form, Modal, Select, Table, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import {
  can,
  useCurriculum,
  useSchoolStaff,
  useSchoolYears,
  useTeaching,
  useYearClasses,
  type CurriculumEntry,
  type SchoolClass,
  type StaffMember,
  type TeachingAssignment,
} from './school';

/// The subjects that are columns of the matrix: every subject of the year's curriculum, in its first order.
export function matrixSubjects(curriculum: CurriculumEntry[]): { code: string; name: string }[] {
  const seen = new Map<string, string>();
  for (const entry of curriculum) {
    if (!seen.has(entry.subject)) {
      seen.set(entry.subject, entry.name);
    }
  }
  return [...seen].map(([code, name]) => ({ code, name }));
}

/// The assignments of one cell (class × subject), semester 1 first.
export function cellAssignments(items: TeachingAssignment[], classId: string, subject: string): TeachingAssignment[] {
  return items.filter((a) => a.class_id === classId && a.subject === subject).sort((a, b) => a.semester - b.semester);
}

/// How a cell reads: one teacher for the year, or "HK I: …, HK II: …" when the semesters differ.
export function cellText(cell: TeachingAssignment[]): string {
  if (cell.length === 0) {
    return '';
  }
  const names = [...new Set(cell.map((a) => a.staff_name))];
  if (names.length === 1 && cell.length === 2) {
    return names[0]!;
  }
  return cell.map((a) => `HK ${a.semester === 1 ? 'I' : 'II'}: ${a.staff_name}`).join(', ');
}

interface Editing {
  cls: SchoolClass;
  subject: { code: string; name: string } | null; // null: the homeroom teacher
}

function staffOptions(staff: StaffMember[], subject: string | null) {
  // Teachers of the subject first, then everyone else, each group in the server's Vietnamese order.
  const teaches = (s: StaffMember) => subject !== null && s.subjects.includes(subject);
  return [...staff.filter(teaches), ...staff.filter((s) => !teaches(s))].map((s) => ({
    value: s.id,
    label: s.subjects.length > 0 ? `${s.full_name} (${s.subjects.join(', ')})` : s.full_name,
  }));
}

function CellDialog({
  editing,
  onClose,
  staff,
  items,
}: {
  editing: Editing;
  onClose: () => void;
  staff: StaffMember[];
  items: TeachingAssignment[];
}) {
  const queryClient = useQueryClient();
  const { cls, subject } = editing;
  const cell = subject ? cellAssignments(items, cls.id, subject.code) : [];
  const [form] = Form.useForm<{ staff_id?: string; semesters: number[] }>();
  const done = () => {
    void queryClient.invalidateQueries({ queryKey: ['teaching'] });
    void queryClient.invalidateQueries({ queryKey: ['school-classes'] });
    void queryClient.invalidateQueries({ queryKey: ['class', cls.id] });
    onClose();
  };
  const save = useMutation({
    mutationFn: async (v: { staff_id?: string; semesters: number[] }) => {
      if (!v.staff_id) {
        throw new Error('Chọn giáo viên');
      }
      if (subject === null) {
        return request(`/api/v1/classes/${cls.id}/homeroom`, { method: 'PUT', body: { staff_id: v.staff_id } });
      }
      return request(`/api/v1/classes/${cls.id}/teaching`, {
        method: 'POST',
        body: { subject: subject.code, staff_id: v.staff_id, semesters: [...v.semesters].sort() },
      });
    },
    onSuccess: done,
  });
  const remove = useMutation({
    mutationFn: async () => {
      if (subject === null) {
        return request(`/api/v1/classes/${cls.id}/homeroom`, { method: 'DELETE' });
      }
      for (const a of cell) {
        await request(`/api/v1/teaching-assignments/${a.id}`, { method: 'DELETE' });
      }
      return undefined;
    },
    onSuccess: done,
  });
  const current = subject === null ? (cls.homeroom_staff_id ?? undefined) : cell[0]?.staff_id;
  const hasAssignment = subject === null ? cls.homeroom_staff_id !== null : cell.length > 0;
  const error = save.error ?? remove.error;
  return (
    <Modal
      open
      title={subject ? `${subject.name} — lớp ${cls.name}` : `Giáo viên chủ nhiệm lớp ${cls.name}`}
      onCancel={onClose}
      footer={[
        hasAssignment && (
          <Button key="remove" danger loading={remove.isPending} onClick={() => remove.mutate()}>
            Bỏ phân công
          </Button>
        ),
        <Button key="cancel" onClick={onClose}>
          Hủy
        </Button>,
        <Button
          key="save"
          type="primary"
          loading={save.isPending}
          onClick={() =>
            form.validateFields().then(
              (v) => save.mutate(v),
              () => undefined,
            )
          }
        >
          Lưu
        </Button>,
      ]}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ staff_id: current, semesters: cell.length > 0 ? cell.map((a) => a.semester) : [1, 2] }}
      >
        <Form.Item name="staff_id" label="Giáo viên" rules={[{ required: true, message: 'Chọn giáo viên' }]}>
          <Select
            aria-label="Giáo viên"
            showSearch
            optionFilterProp="label"
            options={staffOptions(staff, subject?.code ?? null)}
          />
        </Form.Item>
        {subject && (
          <Form.Item
            name="semesters"
            label="Học kỳ"
            rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một học kỳ' }]}
          >
            <Checkbox.Group
              options={[
                { value: 1, label: 'Học kỳ I' },
                { value: 2, label: 'Học kỳ II' },
              ]}
            />
          </Form.Item>
        )}
        <Typography.Text type="secondary">
          {subject
            ? 'Người được phân công được nhập điểm môn này cho lớp; người trước đó thôi quyền này.'
            : 'Giáo viên chủ nhiệm xem được cả lớp; người trước đó thôi quyền chủ nhiệm.'}
        </Typography.Text>
        {error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={error.message} />}
      </Form>
    </Modal>
  );
}

/// Phân công giảng dạy (SCH-9): the classes × subjects matrix of a year with the teacher of every cell and each
/// class's homeroom teacher; the school's administrator edits a cell by clicking it.
export function AssignmentsPage() {
  usePageTitle('Phân công giảng dạy');
  const user = useSession().data;
  const unitId = user?.unit?.id;
  const manage = can(user, 'grant.manage');
  const years = useSchoolYears(unitId);
  const [yearChoice, setYearChoice] = useState<string | undefined>();
  const year = years.data?.find((y) => y.name === yearChoice) ?? years.data?.[0];
  const classes = useYearClasses(unitId, year?.name);
  const curriculum = useCurriculum(year?.id);
  const teaching = useTeaching(unitId, year?.name);
  const staff = useSchoolStaff(manage ? unitId : undefined);
  const [editing, setEditing] = useState<Editing | null>(null);
  const subjects = matrixSubjects(curriculum.data ?? []);
  const items = teaching.data ?? [];
  const gradeHas = (grade: number, code: string) =>
    (curriculum.data ?? []).some((c) => c.grade === grade && c.subject === code);
  const error = years.error ?? classes.error ?? curriculum.error ?? teaching.error;
  const missing = (classes.data ?? []).reduce(
    (n, cls) =>
      n +
      subjects.filter((s) => gradeHas(cls.grade, s.code) && cellAssignments(items, cls.id, s.code).length === 0).length,
    0,
  );

  const cellButton = (text: string, onClick: () => void, empty: string) =>
    manage ? (
      <Button
        type="link"
        size="small"
        style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}
        onClick={onClick}
      >
        {text || <Typography.Text type="warning">{empty}</Typography.Text>}
      </Button>
    ) : (
      text || <Typography.Text type="secondary">—</Typography.Text>
    );

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Phân công giảng dạy
      </Typography.Title>
      <Flex gap={16} align="center" wrap>
        <Select
          aria-label="Năm học"
          style={{ minWidth: 140 }}
          value={year?.name}
          loading={years.isPending}
          onChange={(value: string) => setYearChoice(value)}
          options={(years.data ?? []).map((y) => ({ value: y.name, label: `Năm học ${y.name}` }))}
        />
        {teaching.data && classes.data && (
          <Typography.Text type={missing > 0 ? 'warning' : 'secondary'} data-testid="assignments-missing">
            {missing > 0 ? `Còn ${missing} ô chưa phân công` : 'Mọi lớp, mọi môn đã có giáo viên'}
          </Typography.Text>
        )}
      </Flex>
      {error && <Alert type="error" showIcon title={error.message} />}
      <Table<SchoolClass>
        rowKey="id"
        data-testid="assignments-matrix"
        size="small"
        bordered
        loading={classes.isPending || teaching.isPending || curriculum.isPending}
        dataSource={classes.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: 'Năm học chưa có lớp' }}
        columns={[
          { title: 'Lớp', dataIndex: 'name', fixed: 'left', width: 72 },
          {
            title: 'GV chủ nhiệm',
            key: 'homeroom',
            width: 150,
            render: (_, cls) =>
              cellButton(cls.homeroom_name ?? '', () => setEditing({ cls, subject: null }), 'Chưa phân công'),
          },
          ...subjects.map((s) => ({
            title: <Tooltip title={s.name}>{s.code}</Tooltip>,
            key: s.code,
            width: 140,
            render: (_: unknown, cls: SchoolClass) =>
              gradeHas(cls.grade, s.code)
                ? cellButton(
                    cellText(cellAssignments(items, cls.id, s.code)),
                    () => setEditing({ cls, subject: s }),
                    'Chưa phân công',
                  )
                : null,
          })),
        ]}
      />
      {editing && (
        <CellDialog editing={editing} onClose={() => setEditing(null)} staff={staff.data ?? []} items={items} />
      )}
    </Flex>
  );
}
