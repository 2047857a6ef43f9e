import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Input,
  Popconfirm,
  Select,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import {
  can,
  dayText,
  useSchoolYears,
  useYearClasses,
  vietnameseDate,
  type SchoolClass,
  type SchoolYear,
} from './school';

/// The year after `name`: 2026-2027 → 2027-2028.
export function nextYearName(name: string | undefined): string {
  const m = /^(\d{4})-(\d{4})$/.exec(name ?? '');
  if (!m) {
    const now = new Date().getFullYear();
    return `${now}-${now + 1}`;
  }
  return `${Number(m[1]) + 1}-${Number(m[2]) + 1}`;
}

/// What `POST /api/v1/years/{id}/carry-over` answers, as a preview (dry_run) or once applied.
export interface CarryOverSummary {
  to_year_id: string;
  to_year: string;
  promoted: number;
  retained: number;
  graduated: number;
  classes_created: string[];
  class_sizes: Record<string, number>;
  applied: boolean;
}

const sessionNames: Record<string, string> = { morning: 'Buổi sáng', afternoon: 'Buổi chiều', full_day: 'Cả ngày' };

interface NewYear {
  name: string;
  s1?: [Dayjs, Dayjs];
  s2?: [Dayjs, Dayjs];
  copy_from?: string;
}

function NewYearForm({ unitId, years }: { unitId: string; years: SchoolYear[] }) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewYear>();
  const create = useMutation({
    mutationFn: (v: NewYear) => {
      const semesters =
        v.s1 && v.s2
          ? [
              { number: 1, starts_on: dayText(v.s1[0]), ends_on: dayText(v.s1[1]) },
              { number: 2, starts_on: dayText(v.s2[0]), ends_on: dayText(v.s2[1]) },
            ]
          : undefined;
      return request<SchoolYear>(`/api/v1/schools/${unitId}/years`, {
        method: 'POST',
        body: {
          name: v.name.trim(),
          ...(semesters ? { semesters } : {}),
          ...(v.copy_from ? { copy_from: v.copy_from } : {}),
        },
      });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['school-years', unitId] });
      form.resetFields();
    },
  });
  return (
    <Card size="small" title="Tạo năm học mới">
      <Form
        form={form}
        name="new-year"
        layout="vertical"
        initialValues={{ name: nextYearName(years[0]?.name), copy_from: years[0]?.id }}
        onFinish={(v) => create.mutate(v)}
      >
        <Flex gap={16} wrap>
          <Form.Item
            name="name"
            label="Năm học"
            rules={[{ required: true, pattern: /^\s*\d{4}-\d{4}\s*$/, message: 'Năm học có dạng 2027-2028' }]}
          >
            <Input aria-label="Tên năm học" style={{ width: 140 }} />
          </Form.Item>
          <Form.Item
            name="s1"
            label="Học kỳ I"
            tooltip="Để trống cả hai học kỳ: 05/09 – 15/01 và 16/01 – 31/05"
            dependencies={['s2']}
            rules={[
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  Boolean(value) === Boolean(getFieldValue('s2'))
                    ? Promise.resolve()
                    : Promise.reject(new Error('Nhập ngày của cả hai học kỳ, hoặc để trống cả hai')),
              }),
            ]}
          >
            <DatePicker.RangePicker format="DD/MM/YYYY" aria-label="Học kỳ I" />
          </Form.Item>
          <Form.Item name="s2" label="Học kỳ II">
            <DatePicker.RangePicker format="DD/MM/YYYY" aria-label="Học kỳ II" />
          </Form.Item>
          <Form.Item name="copy_from" label="Sao chép lớp và chương trình từ">
            <Select
              aria-label="Sao chép từ năm học"
              allowClear
              placeholder="Không sao chép"
              style={{ minWidth: 180 }}
              options={years.map((y) => ({ value: y.id, label: `Năm học ${y.name}` }))}
            />
          </Form.Item>
        </Flex>
        {create.error && <Alert style={{ marginBottom: 16 }} type="error" showIcon title={create.error.message} />}
        <Button type="primary" htmlType="submit" loading={create.isPending}>
          Tạo năm học
        </Button>
      </Form>
    </Card>
  );
}

function ClassesByGrade({
  unitId,
  year,
  classes,
  manage,
}: {
  unitId: string;
  year: SchoolYear;
  classes: SchoolClass[];
  manage: boolean;
}) {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ grade: number; name: string; session: string }>();
  const create = useMutation({
    mutationFn: (v: { grade: number; name: string; session: string }) =>
      request(`/api/v1/schools/${unitId}/classes`, {
        method: 'POST',
        body: { year_id: year.id, grade: v.grade, name: v.name.trim(), session: v.session },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['school-classes'] });
      form.resetFields(['name']);
    },
  });
  const grades = [...new Set(classes.map((c) => c.grade))].sort((a, b) => a - b);
  return (
    <Card size="small" title={`Lớp học năm ${year.name}`}>
      <Table<{ grade: number }>
        rowKey="grade"
        data-testid="classes-by-grade"
        size="small"
        pagination={false}
        dataSource={grades.map((grade) => ({ grade }))}
        locale={{ emptyText: 'Năm học chưa có lớp' }}
        columns={[
          { title: 'Khối', dataIndex: 'grade', width: 72 },
          {
            title: 'Lớp',
            key: 'classes',
            render: (_, { grade }) => (
              <Flex gap={4} wrap>
                {classes
                  .filter((c) => c.grade === grade)
                  .map((c) => (
                    <Tag key={c.id}>
                      <Link to={`/lop-hoc/${c.id}`}>{c.name}</Link> · {c.student_count}
                    </Tag>
                  ))}
              </Flex>
            ),
          },
          {
            title: 'Số học sinh',
            key: 'count',
            width: 110,
            render: (_, { grade }) => classes.filter((c) => c.grade === grade).reduce((n, c) => n + c.student_count, 0),
          },
        ]}
      />
      {manage && (
        <Form
          form={form}
          name="new-class"
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          initialValues={{ session: 'morning', grade: grades[0] }}
          onFinish={(v) => create.mutate(v)}
        >
          <Form.Item name="grade" rules={[{ required: true, message: 'Chọn khối' }]}>
            <Select
              aria-label="Khối"
              placeholder="Khối"
              style={{ width: 100 }}
              options={Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: `Khối ${i + 1}` }))}
            />
          </Form.Item>
          <Form.Item name="name" rules={[{ required: true, whitespace: true, message: 'Nhập tên lớp' }]}>
            <Input aria-label="Tên lớp" placeholder="Tên lớp, ví dụ 10A3" style={{ width: 180 }} maxLength={20} />
          </Form.Item>
          <Form.Item name="session">
            <Select
              aria-label="Buổi học"
              style={{ width: 130 }}
              options={Object.entries(sessionNames).map(([value, label]) => ({ value, label }))}
            />
          </Form.Item>
          <Button htmlType="submit" loading={create.isPending}>
            Thêm lớp
          </Button>
        </Form>
      )}
      {create.error && <Alert style={{ marginTop: 16 }} type="error" showIcon title={create.error.message} />}
    </Card>
  );
}

export function CarryOverSummaryView({ summary }: { summary: CarryOverSummary }) {
  return (
    <Flex vertical gap={12} data-testid="carry-over-summary">
      <Flex gap={32} wrap>
        <Statistic title="Lên lớp" value={summary.promoted} />
        <Statistic title="Ở lại lớp" value={summary.retained} />
        <Statistic title="Tốt nghiệp / hoàn thành cấp học" value={summary.graduated} />
      </Flex>
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'year', label: 'Sang năm học', children: summary.to_year },
          {
            key: 'created',
            label: 'Lớp của năm mới',
            children: summary.classes_created.length > 0 ? summary.classes_created.join(', ') : '—',
          },
        ]}
      />
      <Table<{ name: string; size: number }>
        rowKey="name"
        data-testid="carry-over-classes"
        size="small"
        pagination={false}
        dataSource={Object.entries(summary.class_sizes).map(([name, size]) => ({ name, size }))}
        locale={{ emptyText: 'Không có học sinh nào được xếp lớp' }}
        columns={[
          { title: 'Lớp năm mới', dataIndex: 'name' },
          { title: 'Số học sinh được xếp vào', dataIndex: 'size' },
        ]}
      />
    </Flex>
  );
}

function CarryOver({ year, unitId }: { year: SchoolYear; unitId: string }) {
  const queryClient = useQueryClient();
  const [toYear, setToYear] = useState(nextYearName(year.name));
  const run = useMutation({
    mutationFn: (dryRun: boolean) =>
      request<CarryOverSummary>(`/api/v1/years/${year.id}/carry-over`, {
        method: 'POST',
        body: { to_year: toYear.trim(), dry_run: dryRun },
      }),
    onSuccess: (summary) => {
      if (summary.applied) {
        void queryClient.invalidateQueries({ queryKey: ['school-years', unitId] });
        void queryClient.invalidateQueries({ queryKey: ['school-classes'] });
        void queryClient.invalidateQueries({ queryKey: ['school-students'] });
      }
    },
  });
  const summary = run.data;
  const previewed = summary !== undefined && !summary.applied && summary.to_year === toYear.trim();
  return (
    <Card size="small" title={`Kết chuyển năm học ${year.name}`}>
      <Flex vertical gap={16}>
        <Typography.Text type="secondary">
          Học sinh được lên lớp chuyển sang lớp cùng tên của khối trên (10A1 → 11A1), học sinh ở lại lớp học lại khối
          cũ, học sinh khối cuối cấp tốt nghiệp. Xem trước bảng tổng hợp rồi mới kết chuyển; chưa xem trước thì không
          kết chuyển được.
        </Typography.Text>
        <Flex gap={8} wrap>
          <Input
            aria-label="Sang năm học"
            addonBefore="Sang năm học"
            style={{ width: 260 }}
            value={toYear}
            onChange={(e) => {
              setToYear(e.target.value);
              run.reset();
            }}
          />
          <Button loading={run.isPending && run.variables === true} onClick={() => run.mutate(true)}>
            Xem trước
          </Button>
          <Popconfirm
            title={`Kết chuyển sang năm học ${toYear}?`}
            description="Lớp và danh sách học sinh năm mới được tạo theo bảng tổng hợp."
            okText="Kết chuyển"
            cancelText="Hủy"
            disabled={!previewed}
            onConfirm={() => run.mutate(false)}
          >
            <Button type="primary" disabled={!previewed} loading={run.isPending && run.variables === false}>
              Kết chuyển
            </Button>
          </Popconfirm>
        </Flex>
        {run.error && <Alert type="error" showIcon data-testid="carry-over-error" title={run.error.message} />}
        {summary && (
          <Alert
            type={summary.applied ? 'success' : 'info'}
            showIcon
            title={
              summary.applied
                ? `Đã kết chuyển sang năm học ${summary.to_year}.`
                : `Bản xem trước: chưa có gì được ghi. Bấm “Kết chuyển” để thực hiện.`
            }
          />
        )}
        {summary && <CarryOverSummaryView summary={summary} />}
      </Flex>
    </Card>
  );
}

/// Năm học (SCH-14, SCH-7): the school's years with their semesters; a new year, optionally a copy of another
/// year's classes and curriculum; the classes of a year by grade; and the carry-over into the next year, with the
/// summary shown before it runs.
export function YearsPage() {
  usePageTitle('Năm học');
  const user = useSession().data;
  const unitId = user?.unit?.id;
  const settings = can(user, 'unit.settings');
  const records = can(user, 'account.manage');
  const years = useSchoolYears(unitId);
  const [chosen, setChosen] = useState<string | undefined>();
  const year = years.data?.find((y) => y.id === chosen) ?? years.data?.[0];
  const classes = useYearClasses(unitId, year?.id);
  const semester = (y: SchoolYear, n: number) => {
    const s = y.semesters.find((x) => x.number === n);
    return s ? `${vietnameseDate(s.starts_on)} – ${vietnameseDate(s.ends_on)}` : '—';
  };
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Năm học
      </Typography.Title>
      {years.isError && <Alert type="error" showIcon title={years.error.message} />}
      <Table<SchoolYear>
        rowKey="id"
        data-testid="years-table"
        size="small"
        loading={years.isPending}
        dataSource={years.data ?? []}
        pagination={false}
        locale={{ emptyText: 'Trường chưa có năm học nào' }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: year ? [year.id] : [],
          onChange: (keys) => setChosen(String(keys[0])),
          columnTitle: 'Chọn',
        }}
        columns={[
          { title: 'Năm học', dataIndex: 'name' },
          { title: 'Học kỳ I', key: 's1', render: (_, y) => semester(y, 1) },
          { title: 'Học kỳ II', key: 's2', render: (_, y) => semester(y, 2) },
          {
            title: 'Trạng thái',
            dataIndex: 'status',
            render: (v: string) => (
              <Tag color={v === 'open' ? 'green' : 'default'}>{v === 'open' ? 'Đang mở' : 'Đã đóng'}</Tag>
            ),
          },
        ]}
      />
      {unitId && year && <ClassesByGrade unitId={unitId} year={year} classes={classes.data ?? []} manage={settings} />}
      {unitId && settings && years.data && <NewYearForm unitId={unitId} years={years.data} />}
      {unitId && year && settings && records && <CarryOver key={year.id} year={year} unitId={unitId} />}
    </Flex>
  );
}
