import { DownloadOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Empty, Flex, Select, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { createContext, useContext, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { useUnits } from '../org/units';
import { useClassStudents, useSchoolClasses, vietnameseDate } from '../school/school';
import { RatesChart } from './RatesChart';
import {
  gradeName,
  levelText,
  outcomeText,
  periodNames,
  reportUrls,
  useClassSheet,
  useRates,
  useStudentSheet,
  useSummary,
  xlsxUrl,
  type ClassSummary,
  type Distribution,
  type Period,
  type SemesterScores,
} from './reports';

/// The school whose reports the page shows: the signed-in person's own school, or for the Sở and Phòng (who read
/// the schools below them, ORG-5) the school chosen at the top of the page.
const ReportSchool = createContext<string | undefined>(undefined);

/// The "Tải Excel" button: a plain link to the same view as .xlsx (the server names the file).
export function ExcelButton({ url, disabled }: { url: string | null; disabled?: boolean }) {
  return (
    <Button
      icon={<DownloadOutlined />}
      href={url && !disabled ? xlsxUrl(url) : undefined}
      disabled={!url || disabled}
      data-testid="xlsx-download"
    >
      Tải Excel
    </Button>
  );
}

function PeriodSelect({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  return (
    <Select<Period>
      value={value}
      onChange={onChange}
      style={{ width: 130 }}
      aria-label="Kỳ"
      options={(Object.keys(periodNames) as Period[]).map((p) => ({ value: p, label: periodNames[p] }))}
    />
  );
}

function ClassSelect({ value, onChange }: { value: string | undefined; onChange: (id: string) => void }) {
  const classes = useSchoolClasses(useContext(ReportSchool));
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      placeholder="Chọn lớp"
      style={{ width: 140 }}
      aria-label="Lớp"
      loading={classes.isPending}
      showSearch
      optionFilterProp="label"
      options={(classes.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
    />
  );
}

function StudentSelect({
  classId,
  value,
  onChange,
}: {
  classId: string | undefined;
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const students = useClassStudents(classId ?? '');
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      placeholder="Chọn học sinh"
      style={{ width: 240 }}
      aria-label="Học sinh"
      disabled={!classId}
      showSearch
      optionFilterProp="label"
      options={(classId ? (students.data ?? []) : []).map((s) => ({
        value: s.id,
        label: `${s.full_name} (${s.code})`,
      }))}
    />
  );
}

function ErrorAlert({ error }: { error: Error | null }) {
  return error ? <Alert type="error" showIcon message={error.message} /> : null;
}

/// A score cell: empty shows "—"; "CĐ" in red.
function mark(value: string) {
  if (value === '') return <Typography.Text type="secondary">—</Typography.Text>;
  if (value === 'CĐ') return <Typography.Text type="danger">CĐ</Typography.Text>;
  return value;
}

function semesterColumns<T>(
  title: string,
  labels: string[],
  pick: (row: T) => SemesterScores,
  averageTitle: string,
): ColumnsType<T>[number] {
  return {
    title,
    children: [
      ...labels.map((label, k) => ({
        title: label,
        key: `${title}-tx${k}`,
        align: 'center' as const,
        render: (_: unknown, row: T) => (pick(row).exempt ? '' : mark(pick(row).regular[k] ?? '')),
      })),
      {
        title: 'GK',
        key: `${title}-gk`,
        align: 'center' as const,
        render: (_: unknown, row: T) => mark(pick(row).midterm),
      },
      {
        title: 'CK',
        key: `${title}-ck`,
        align: 'center' as const,
        render: (_: unknown, row: T) => mark(pick(row).final),
      },
      {
        title: averageTitle,
        key: `${title}-avg`,
        align: 'center' as const,
        render: (_: unknown, row: T) =>
          pick(row).exempt ? <Tag>Miễn</Tag> : <strong>{mark(pick(row).average)}</strong>,
      },
    ],
  };
}

function percentCell(d: Distribution, i: number) {
  return (
    <span>
      {d.counts[i]} <Typography.Text type="secondary">({d.percent[i]}%)</Typography.Text>
    </span>
  );
}

/// Tỉ lệ xếp loại theo môn và theo khối, with charts.
function RatesView() {
  const school = useContext(ReportSchool);
  const [period, setPeriod] = useState<Period>('year');
  const [grade, setGrade] = useState<number>(0);
  const url = school ? reportUrls.rates(school, period) : null;
  const rates = useRates(url);
  const data = rates.data;
  const grades = [...new Set((data?.subjects ?? []).map((s) => s.grade))].sort((a, b) => a - b);
  const subjects = (data?.subjects ?? []).filter((s) => s.grade === grade);
  const scored = subjects.filter((s) => s.scored);
  const comment = subjects.filter((s) => !s.scored);
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <PeriodSelect value={period} onChange={setPeriod} />
        <Select<number>
          value={grade}
          onChange={setGrade}
          style={{ width: 150 }}
          aria-label="Khối"
          options={grades.map((g) => ({ value: g, label: gradeName(g) }))}
        />
        <ExcelButton url={url} />
      </Space>
      <ErrorAlert error={rates.error} />
      {data && (
        <Typography.Text type="secondary">
          {data.school_name} — năm học {data.year} — {periodNames[data.period]}. Môn tính điểm: Tốt ĐTB ≥ 8,0; Khá
          6,5–7,9; Đạt 5,0–6,4; Chưa đạt dưới 5,0. Tỉ lệ tính trên số học sinh đã có kết quả.
        </Typography.Text>
      )}
      {data && data.skipped_classes.length > 0 && (
        <Alert type="warning" showIcon message={`Chưa tính: ${data.skipped_classes.join('; ')}`} />
      )}
      <Typography.Title level={4} style={{ margin: 0 }}>
        Theo môn — {gradeName(grade)}
      </Typography.Title>
      {scored.length > 0 && (
        <RatesChart
          title={`Tỉ lệ xếp loại các môn tính điểm, ${gradeName(grade)}`}
          levels={data?.scored_levels ?? []}
          rows={scored.map((s) => ({ label: s.name, counts: s.distribution.counts, percent: s.distribution.percent }))}
        />
      )}
      {comment.length > 0 && (
        <RatesChart
          title={`Tỉ lệ Đạt các môn đánh giá bằng nhận xét, ${gradeName(grade)}`}
          levels={data?.comment_levels ?? []}
          rows={comment.map((s) => ({ label: s.name, counts: s.distribution.counts, percent: s.distribution.percent }))}
        />
      )}
      <Table
        rowKey={(s) => `${s.code}-${s.grade}`}
        data-testid="rates-subjects"
        size="small"
        loading={rates.isPending && url !== null}
        pagination={false}
        dataSource={subjects}
        locale={{ emptyText: 'Chưa có kết quả' }}
        columns={[
          { title: 'Môn học', dataIndex: 'name' },
          { title: 'Số HS có kết quả', key: 'assessed', align: 'center', render: (_, s) => s.distribution.assessed },
          ...['Tốt', 'Khá', 'Đạt', 'Chưa đạt'].map((level, i) => ({
            title: level,
            key: level,
            align: 'center' as const,
            render: (_: unknown, s: (typeof subjects)[number]) => {
              const k = s.scored ? i : i - 2;
              return k < 0 ? '' : percentCell(s.distribution, k);
            },
          })),
          { title: 'Chưa đủ điểm', key: 'incomplete', align: 'center', render: (_, s) => s.distribution.incomplete },
        ]}
      />
      <Typography.Title level={4} style={{ margin: 0 }}>
        Theo khối
      </Typography.Title>
      {data && data.grades.length > 0 && (
        <RatesChart
          title="Tỉ lệ xếp loại học tập theo khối"
          levels={data.learning_levels}
          rows={data.grades.map((g) => ({
            label: gradeName(g.grade),
            counts: g.learning.counts,
            percent: g.learning.percent,
          }))}
        />
      )}
      <Table
        rowKey="grade"
        data-testid="rates-grades"
        size="small"
        pagination={false}
        dataSource={data?.grades ?? []}
        locale={{ emptyText: 'Chưa có lớp nào' }}
        columns={[
          { title: 'Khối', key: 'grade', render: (_, g) => gradeName(g.grade) },
          { title: 'Số lớp', dataIndex: 'classes', align: 'center' },
          { title: 'Số HS', dataIndex: 'students', align: 'center' },
          {
            title: 'Học tập',
            children: [
              ...(data?.learning_levels ?? []).map((level, i) => ({
                title: level,
                key: `ht-${i}`,
                align: 'center' as const,
                render: (_: unknown, g: NonNullable<typeof data>['grades'][number]) => percentCell(g.learning, i),
              })),
              {
                title: 'Chưa đủ',
                key: 'ht-x',
                align: 'center' as const,
                render: (_: unknown, g: NonNullable<typeof data>['grades'][number]) => g.learning.incomplete,
              },
            ],
          },
          {
            title: 'Rèn luyện',
            children: (data?.learning_levels ?? []).map((level, i) => ({
              title: level,
              key: `rl-${i}`,
              align: 'center' as const,
              render: (_: unknown, g: NonNullable<typeof data>['grades'][number]) =>
                g.conduct ? percentCell(g.conduct, i) : <Typography.Text type="secondary">—</Typography.Text>,
            })),
          },
        ]}
      />
    </Flex>
  );
}

/// Bảng điểm lớp theo môn.
function ClassSheetView() {
  const [classId, setClassId] = useState<string>();
  const [subject, setSubject] = useState<string>();
  const subjects = useSummary(classId ? reportUrls.summary(classId, 'hk1') : null);
  const url = classId && subject ? reportUrls.classSheet(classId, subject) : null;
  const sheet = useClassSheet(url);
  const labels = sheet.data?.subject.regular_labels ?? [];
  type Row = NonNullable<typeof sheet.data>['rows'][number];
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <ClassSelect
          value={classId}
          onChange={(id) => {
            setClassId(id);
            setSubject(undefined);
          }}
        />
        <Select<string>
          value={subject}
          onChange={setSubject}
          placeholder="Chọn môn"
          style={{ width: 220 }}
          aria-label="Môn học"
          disabled={!classId}
          options={(subjects.data?.subjects ?? []).map((s) => ({ value: s.code, label: s.name }))}
        />
        <ExcelButton url={url} />
      </Space>
      <ErrorAlert error={sheet.error ?? subjects.error} />
      {!url && <Empty description="Chọn lớp và môn học" />}
      {url && (
        <Table<Row>
          rowKey={(r) => r.student.id}
          data-testid="class-sheet"
          size="small"
          bordered
          scroll={{ x: true }}
          loading={sheet.isPending}
          pagination={false}
          dataSource={sheet.data?.rows ?? []}
          columns={[
            { title: 'STT', key: 'n', render: (_, __, i) => i + 1, width: 50 },
            { title: 'Mã HS', key: 'code', render: (_, r) => r.student.code },
            { title: 'Họ và tên', key: 'name', render: (_, r) => r.student.full_name },
            semesterColumns<Row>('Học kỳ I', labels, (r) => r.hk1, 'ĐTB HK I'),
            semesterColumns<Row>('Học kỳ II', labels, (r) => r.hk2, 'ĐTB HK II'),
            {
              title: sheet.data?.subject.scored === false ? 'Cả năm' : 'ĐTBmcn',
              key: 'year',
              align: 'center',
              render: (_, r) => <strong>{mark(r.year)}</strong>,
            },
          ]}
        />
      )}
    </Flex>
  );
}

function SummaryTable({ summary, loading }: { summary: ClassSummary | undefined; loading: boolean }) {
  type Row = ClassSummary['rows'][number];
  // The class's learning levels (TT22 Tốt … Chưa đạt; TT27 Hoàn thành xuất sắc … Chưa hoàn thành), then incomplete.
  const levels = [
    ...(summary?.levels ?? ['Tốt', 'Khá', 'Đạt', 'Chưa đạt']).filter((l) => l !== 'incomplete'),
    'Chưa đủ dữ liệu',
  ];
  const regulation = summary?.class.regulation ?? '';
  const conduct = summary?.has_conduct ?? true;
  return (
    <Flex vertical gap={12}>
      <Table<Row>
        rowKey={(r) => r.student.id}
        data-testid="class-summary"
        size="small"
        bordered
        scroll={{ x: true }}
        loading={loading}
        pagination={false}
        dataSource={summary?.rows ?? []}
        columns={[
          { title: 'STT', key: 'n', render: (_, __, i) => i + 1, width: 50 },
          { title: 'Họ và tên', key: 'name', render: (_, r) => r.student.full_name },
          ...(summary?.subjects ?? []).map((s, k) => ({
            title: s.name,
            key: s.code,
            align: 'center' as const,
            render: (_: unknown, r: Row) => mark(r.averages[k] ?? ''),
          })),
          {
            title: 'Học tập',
            key: 'learning',
            render: (_, r) => (
              <Tooltip title={r.explanation.join('\n')}>
                <span>{levelText(r.standing.learning)}</span>
              </Tooltip>
            ),
          },
          ...(conduct
            ? [{ title: 'Rèn luyện', key: 'conduct', render: (_: unknown, r: Row) => r.standing.conduct || '—' }]
            : []),
          { title: 'Nghỉ', key: 'absences', align: 'center', render: (_, r) => r.standing.absences ?? '—' },
          ...(summary?.period === 'year'
            ? [
                {
                  title: 'Kết quả',
                  key: 'outcome',
                  render: (_: unknown, r: Row) => outcomeText(r.standing.outcome, regulation),
                },
              ]
            : []),
          { title: 'Danh hiệu', key: 'award', render: (_, r) => r.standing.award || '' },
        ]}
      />
      {summary && (
        <Table
          rowKey="level"
          size="small"
          pagination={false}
          style={{ maxWidth: 520 }}
          data-testid="summary-counts"
          dataSource={levels.map((level, i) => ({
            level,
            learning: summary.learning_counts[i],
            conduct: summary.has_conduct ? summary.conduct_counts[i] : null,
          }))}
          columns={[
            { title: 'Mức', dataIndex: 'level' },
            { title: 'Học tập (số HS)', dataIndex: 'learning', align: 'center' },
            ...(conduct
              ? [
                  {
                    title: 'Rèn luyện (số HS)',
                    dataIndex: 'conduct',
                    align: 'center' as const,
                    render: (v: number | null) => v ?? '—',
                  },
                ]
              : []),
          ]}
        />
      )}
    </Flex>
  );
}

/// Tổng hợp kết quả lớp (any period) or Xếp loại cả năm.
function SummaryView({ yearOnly }: { yearOnly: boolean }) {
  const [classId, setClassId] = useState<string>();
  const [period, setPeriod] = useState<Period>('hk1');
  const url = classId
    ? yearOnly
      ? reportUrls.yearClassification(classId)
      : reportUrls.summary(classId, period)
    : null;
  const summary = useSummary(url);
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <ClassSelect value={classId} onChange={setClassId} />
        {!yearOnly && <PeriodSelect value={period} onChange={setPeriod} />}
        <ExcelButton url={url} />
      </Space>
      <ErrorAlert error={summary.error} />
      {!url ? <Empty description="Chọn lớp" /> : <SummaryTable summary={summary.data} loading={summary.isPending} />}
    </Flex>
  );
}

/// Bảng điểm học sinh theo môn.
function StudentSheetView() {
  const [classId, setClassId] = useState<string>();
  const [studentId, setStudentId] = useState<string>();
  const url = classId && studentId ? reportUrls.studentSheet(classId, studentId) : null;
  const sheet = useStudentSheet(url);
  const data = sheet.data;
  const tx = Math.max(0, ...(data?.subjects ?? []).map((s) => s.regular_labels.length));
  const labels = Array.from({ length: tx }, (_, k) => `TX${k + 1}`);
  type Row = NonNullable<typeof data>['subjects'][number];
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <ClassSelect
          value={classId}
          onChange={(id) => {
            setClassId(id);
            setStudentId(undefined);
          }}
        />
        <StudentSelect classId={classId} value={studentId} onChange={setStudentId} />
        <ExcelButton url={url} />
      </Space>
      <ErrorAlert error={sheet.error} />
      {!url && <Empty description="Chọn lớp và học sinh" />}
      {data && (
        <Typography.Text>
          {data.student.full_name} — mã {data.student.code} — ngày sinh {vietnameseDate(data.student.birth_date)} — lớp{' '}
          {data.class.name}. Học tập: HK I {levelText(data.learning.hk1)}, HK II {levelText(data.learning.hk2)}, cả năm{' '}
          {levelText(data.learning.year)}.
        </Typography.Text>
      )}
      {url && (
        <Table<Row>
          rowKey="code"
          data-testid="student-sheet"
          size="small"
          bordered
          scroll={{ x: true }}
          loading={sheet.isPending}
          pagination={false}
          dataSource={data?.subjects ?? []}
          columns={[
            { title: 'Môn học', dataIndex: 'name' },
            semesterColumns<Row>('Học kỳ I', labels, (r) => r.hk1, 'ĐTB HK I'),
            semesterColumns<Row>('Học kỳ II', labels, (r) => r.hk2, 'ĐTB HK II'),
            { title: 'Cả năm', key: 'year', align: 'center', render: (_, r) => <strong>{mark(r.year)}</strong> },
          ]}
        />
      )}
    </Flex>
  );
}

/// Phiếu báo điểm: choose a student, then open the printable card.
function ReportCardView() {
  const [classId, setClassId] = useState<string>();
  const [studentId, setStudentId] = useState<string>();
  const [period, setPeriod] = useState<Period>('hk1');
  const url = classId && studentId ? reportUrls.reportCard(studentId, period, classId) : null;
  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <ClassSelect
          value={classId}
          onChange={(id) => {
            setClassId(id);
            setStudentId(undefined);
          }}
        />
        <StudentSelect classId={classId} value={studentId} onChange={setStudentId} />
        <PeriodSelect value={period} onChange={setPeriod} />
        {studentId && classId ? (
          <Link to={`/phieu-bao-diem/${studentId}?period=${period}&class_id=${classId}`}>
            <Button type="primary" icon={<PrinterOutlined />}>
              Xem và in phiếu
            </Button>
          </Link>
        ) : (
          <Button type="primary" icon={<PrinterOutlined />} disabled>
            Xem và in phiếu
          </Button>
        )}
        <ExcelButton url={url} />
      </Space>
      {!url && <Empty description="Chọn lớp và học sinh" />}
    </Flex>
  );
}

const views = [
  { key: 'ti-le-xep-loai', label: 'Tỉ lệ xếp loại', children: <RatesView /> },
  { key: 'bang-diem-lop', label: 'Bảng điểm lớp theo môn', children: <ClassSheetView /> },
  { key: 'tong-hop-lop', label: 'Tổng hợp kết quả lớp', children: <SummaryView yearOnly={false} /> },
  { key: 'xep-loai-ca-nam', label: 'Xếp loại cả năm', children: <SummaryView yearOnly /> },
  { key: 'bang-diem-hoc-sinh', label: 'Bảng điểm học sinh', children: <StudentSheetView /> },
  { key: 'phieu-bao-diem', label: 'Phiếu báo điểm', children: <ReportCardView /> },
];

/// The schools an authority may read (the server lists only its subtree), to choose whose reports to show.
function SchoolSelect({ value, onChange }: { value: string | undefined; onChange: (id: string) => void }) {
  const schools = useUnits({ q: '', kind: 'school' });
  return (
    <Select<string>
      value={value}
      onChange={onChange}
      placeholder="Chọn trường"
      style={{ width: 340 }}
      aria-label="Trường"
      loading={schools.isPending}
      showSearch
      optionFilterProp="label"
      options={(schools.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}

/// Báo cáo: the principal board's views (GB-5), one tab each, every one with its Excel export. A school's board sees
/// its own school; the Sở and Phòng choose a school below them (kept in the address as `?truong=`), read only.
export function ReportsPage() {
  usePageTitle('Báo cáo');
  const { view } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unit = useSession().data?.unit;
  const ownSchool = unit && (unit.kind === 'school' || unit.kind === 'centre') ? unit.id : undefined;
  const school = ownSchool ?? params.get('truong') ?? undefined;
  const active = view !== undefined && views.some((v) => v.key === view) ? view : 'ti-le-xep-loai';
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Báo cáo
      </Typography.Title>
      {!ownSchool && (
        <Space wrap>
          <SchoolSelect value={school} onChange={(id) => setParams({ truong: id })} />
        </Space>
      )}
      {school ? (
        <ReportSchool.Provider value={school}>
          <Tabs
            // A new school starts every view afresh: its classes are not the last school's.
            key={school}
            activeKey={active}
            onChange={(key) => navigate({ pathname: `/bao-cao/${key}`, search: ownSchool ? '' : `?truong=${school}` })}
            items={views}
            destroyOnHidden
          />
        </ReportSchool.Provider>
      ) : (
        <Empty description="Chọn trường để xem báo cáo" />
      )}
    </Flex>
  );
}
