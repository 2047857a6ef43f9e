import { Alert, Checkbox, Flex, Progress, Segmented, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { useSchoolYears } from '../school/school';
import { dayText, errorText, kindShort, semesterNames, useProgress, vietnamDay, type ProgressRow } from './admin';
import './gradebook-admin.css';

/// "2026-10" → "10/2026".
const monthText = (month: string) => `${month.slice(5)}/${month.slice(0, 4)}`;

/// Tiến độ nhập điểm (SCH-10): for every teacher, class and subject, the share of the required scores entered, by
/// column kind and by month; a row is late when a kind's entry window has closed with scores still missing.
export function ProgressPage() {
  usePageTitle('Tiến độ nhập điểm');
  const unitId = useSession().data?.unit?.id;
  const years = useSchoolYears(unitId);
  const [chosenYear, setChosenYear] = useState<string>();
  const yearId = chosenYear ?? years.data?.[0]?.id;
  const progress = useProgress(unitId, years.data?.find((y) => y.id === yearId)?.name);
  const [semester, setSemester] = useState<1 | 2>(1);
  const [lateOnly, setLateOnly] = useState(false);
  const all = (progress.data ?? []).filter((r) => r.semester === semester);
  const late = all.filter((r) => r.late).length;
  const rows = lateOnly ? all.filter((r) => r.late) : all;
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Tiến độ nhập điểm
      </Typography.Title>
      <Flex gap={12} wrap align="center">
        <Select
          aria-label="Năm học"
          style={{ width: 200 }}
          value={yearId}
          loading={years.isPending}
          options={(years.data ?? []).map((y) => ({ value: y.id, label: `Năm học ${y.name}` }))}
          onChange={setChosenYear}
        />
        <Segmented
          value={semester}
          options={[
            { label: semesterNames[1], value: 1 },
            { label: semesterNames[2], value: 2 },
          ]}
          onChange={(v) => setSemester(v === 2 ? 2 : 1)}
        />
        <Checkbox data-testid="late-only" checked={lateOnly} onChange={(e) => setLateOnly(e.target.checked)}>
          Chỉ hiện môn chậm tiến độ
        </Checkbox>
        <Typography.Text data-testid="late-count" type={late > 0 ? 'danger' : 'secondary'}>
          {late > 0 ? `${late} môn chậm tiến độ` : 'Không có môn nào chậm tiến độ'}
        </Typography.Text>
      </Flex>
      {(years.error ?? progress.error) && (
        <Alert type="error" showIcon message={errorText(years.error ?? progress.error)} />
      )}
      <Table<ProgressRow>
        rowKey={(r) => `${r.class_id}-${r.subject_code}-${r.semester}`}
        data-testid="progress"
        size="small"
        loading={progress.isPending && yearId !== undefined}
        dataSource={rows}
        rowClassName={(r) => (r.late ? 'gradebook-admin-late' : '')}
        pagination={{ pageSize: 100, hideOnSinglePage: true }}
        scroll={{ x: true }}
        locale={{ emptyText: lateOnly ? 'Không có môn nào chậm tiến độ' : 'Chưa có lớp nào trong năm học' }}
        columns={[
          {
            title: 'Giáo viên',
            dataIndex: 'teacher_name',
            sorter: (a, b) => a.teacher_name.localeCompare(b.teacher_name, 'vi'),
            render: (v: string) => v || <Typography.Text type="secondary">Chưa phân công</Typography.Text>,
          },
          { title: 'Lớp', dataIndex: 'class_name' },
          { title: 'Môn', dataIndex: 'subject_name' },
          {
            title: 'Đã nhập',
            key: 'share',
            sorter: (a, b) => a.percent - b.percent,
            render: (_v, r) => (
              <Flex vertical gap={0} style={{ minWidth: 140 }}>
                <Typography.Text>
                  {r.entered}/{r.required} điểm
                </Typography.Text>
                <Progress percent={r.percent} size="small" status={r.late ? 'exception' : undefined} />
              </Flex>
            ),
          },
          {
            title: 'Theo loại cột',
            key: 'kinds',
            render: (_v, r) => (
              <Flex vertical gap={2}>
                {r.kinds.map((k) => (
                  <Typography.Text key={k.item_kind} type={k.late ? 'danger' : undefined}>
                    {kindShort[k.item_kind]} {k.entered}/{k.required}
                    {k.closes_at ? ` · hạn ${dayText(vietnamDay(k.closes_at, true))}` : ''}
                    {k.late ? ' · quá hạn' : ''}
                  </Typography.Text>
                ))}
              </Flex>
            ),
          },
          {
            title: 'Theo tháng (lũy kế)',
            key: 'months',
            render: (_v, r) =>
              r.by_month.length === 0 ? (
                <Typography.Text type="secondary">Chưa nhập</Typography.Text>
              ) : (
                <Flex vertical gap={2}>
                  {r.by_month.map((m) => (
                    <Typography.Text key={m.month}>
                      {monthText(m.month)}: +{m.entered} → {m.percent}%
                    </Typography.Text>
                  ))}
                </Flex>
              ),
          },
          {
            title: 'Trạng thái',
            key: 'state',
            render: (_v, r) => (
              <Flex gap={4} wrap>
                {r.late && <Tag color="red">Chậm tiến độ</Tag>}
                {r.confirmed && <Tag color="green">Đã xác nhận</Tag>}
                {!r.late && !r.confirmed && r.percent === 100 && <Tag color="blue">Đủ điểm</Tag>}
              </Flex>
            ),
          },
        ]}
      />
    </Flex>
  );
}
