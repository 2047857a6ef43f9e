import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Segmented, Spin, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { CommentsPanel } from './CommentsPanel';
import { ConductPanel } from './ConductPanel';
import { RecordsPanel } from './RecordsPanel';
import { WeeklyCommentsPanel } from './WeeklyComments';
import { HomeroomClassPicker, useHomeroomClass } from './HomeroomClassPicker';
import { QualitiesPanel } from './QualitiesPanel';
import { primaryOutcomeName, ratingCounts } from './qualities';
import { useClasses } from '../school/school';
import {
  confirmationPath,
  display,
  outcomeName,
  resultName,
  todayInVietnam,
  useClassSummary,
  useConduct,
  useHomeroomConfirmation,
  type ClassSummary,
  type HomeroomConfirmation,
} from './homeroom';
import './homeroom.css';

type Row = ClassSummary['items'][number];
type Period = 'hk1' | 'hk2' | 'year';

const periodLabels: Record<Period, string> = { hk1: 'Học kì I', hk2: 'Học kì II', year: 'Cả năm' };

/// Tổng kết lớp (GB-3): the class summary of a semester or the year, and the conduct and comments the homeroom
/// teacher enters.
export function ClassSummaryPage() {
  usePageTitle('Tổng kết lớp');
  const [params, setParams] = useSearchParams();
  const { classId } = useHomeroomClass();
  const view = params.get('xem');
  const tabs: Record<string, string> = {
    'ren-luyen': 'conduct',
    'nhan-xet': 'comments',
    'nhan-xet-tuan': 'weekly',
    'khen-thuong': 'records',
    'pham-chat': 'qualities',
  };
  const tab = tabs[view ?? ''] ?? 'summary';
  // Primary classes (TT27) have quality and competence ratings instead of conduct.
  const primary = (useClasses(classId ? [classId] : [])[0]?.data?.grade ?? 99) <= 5;
  const conduct = useConduct(tab === 'conduct' && !primary ? classId : '');
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Tổng kết lớp
      </Typography.Title>
      <HomeroomClassPicker />
      {classId !== '' && (
        <Tabs
          activeKey={tab}
          onChange={(k) => {
            const next = new URLSearchParams(params);
            const param = Object.keys(tabs).find((p) => tabs[p] === k);
            if (param) next.set('xem', param);
            else next.delete('xem');
            setParams(next);
          }}
          items={[
            { key: 'summary', label: 'Kết quả', children: <SummaryView classId={classId} /> },
            primary
              ? { key: 'qualities', label: 'Phẩm chất, năng lực', children: <QualitiesPanel classId={classId} /> }
              : {
                  key: 'conduct',
                  label: 'Rèn luyện và nhận xét',
                  children: (
                    <>
                      {conduct.isPending && <Spin />}
                      {conduct.error && <Alert type="error" showIcon message={conduct.error.message} />}
                      {conduct.data && <ConductPanel key={conduct.data.class_id} conduct={conduct.data} />}
                    </>
                  ),
                },
            { key: 'comments', label: 'Nhận xét tháng', children: <CommentsPanel classId={classId} /> },
            { key: 'weekly', label: 'Nhận xét bộ môn', children: <WeeklyCommentsPanel classId={classId} /> },
            { key: 'records', label: 'Khen thưởng, kỷ luật', children: <RecordsPanel classId={classId} /> },
          ]}
        />
      )}
    </Flex>
  );
}

/// The part of the school year under way: học kì I from August to January, học kì II to May, then the year.
export function currentPeriod(today: string = todayInVietnam()): Period {
  const month = Number(today.slice(5, 7));
  return month >= 8 || month === 1 ? 'hk1' : month <= 5 ? 'hk2' : 'year';
}

/// The summary table: every student's subject averages, levels, absences and — for the year — outcome, award and
/// rank, each row expanding to the engine's explanation.
export function SummaryView({ classId }: { classId: string }) {
  const [params, setParams] = useSearchParams();
  const wanted = params.get('ky');
  const period: Period = wanted === 'hk1' || wanted === 'hk2' || wanted === 'year' ? wanted : currentPeriod();
  const summary = useClassSummary(classId, period);
  const data = summary.data;
  const year = period === 'year';
  // TT27 (primary): levels and tests per subject, ratings, completion and titles; no conduct and no rank.
  const primary = data?.regulation === 'tt27';
  const outcomeText = primary ? primaryOutcomeName : outcomeName;

  const columns: ColumnsType<Row> = [
    { title: 'STT', key: 'stt', width: 48, fixed: 'left', render: (_v, _r, i) => i + 1 },
    {
      title: 'Họ và tên',
      dataIndex: 'full_name',
      fixed: 'left',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
    },
    ...(data?.subjects ?? []).map((s) => ({
      title: s.name,
      key: s.code,
      align: 'center' as const,
      render: (_v: unknown, row: Row) => {
        const test = row.tests?.[s.code];
        return `${display(row.subjects[s.code] ?? '')}${test ? ` · ${test}` : ''}`;
      },
    })),
    ...(primary
      ? ([
          {
            title: <Tooltip title="Phẩm chất, năng lực cuối kì: Tốt / Đạt / Cần cố gắng">PC, NL</Tooltip>,
            key: 'qualities',
            render: (_v, row) => ratingCounts(row.qualities ?? {}),
          },
          ...(period !== 'hk1'
            ? ([
                { title: 'Đánh giá', dataIndex: 'learning', align: 'center', render: resultName },
              ] satisfies ColumnsType<Row>)
            : []),
        ] satisfies ColumnsType<Row>)
      : ([
          { title: 'Học tập', dataIndex: 'learning', align: 'center', render: resultName },
          { title: 'Rèn luyện', dataIndex: 'conduct', align: 'center', render: resultName },
        ] satisfies ColumnsType<Row>)),
    { title: 'Nghỉ', dataIndex: 'absences', align: 'center' },
    ...(year || (primary && period === 'hk2')
      ? ([
          {
            title: 'Kết quả',
            key: 'outcome',
            render: (_v, row, i) => (
              <Tooltip title={row.explanation.join(' ')}>
                <span data-testid={`outcome-${i}`}>
                  {outcomeText(row.outcome)}
                  {row.reassess_subjects.length > 0 &&
                    ` (${row.reassess_subjects.map((c) => data?.subjects.find((x) => x.code === c)?.name ?? c).join(', ')})`}
                </span>
                {row.retained_for_absences && (
                  <Tag color="red" style={{ marginInlineStart: 4 }}>
                    nghỉ quá 45 buổi
                  </Tag>
                )}
                {row.after_summer?.done && (
                  <div>
                    <Typography.Text type="secondary">Sau hè: {outcomeName(row.after_summer.outcome)}</Typography.Text>
                  </div>
                )}
              </Tooltip>
            ),
          },
          { title: 'Khen thưởng', dataIndex: 'award', render: resultName },
          ...(primary
            ? []
            : ([
                { title: 'Hạng', dataIndex: 'rank', align: 'center', render: (v: number | null) => v || '' },
              ] satisfies ColumnsType<Row>)),
        ] satisfies ColumnsType<Row>)
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Segmented<Period>
        value={period}
        onChange={(p) => {
          const next = new URLSearchParams(params);
          next.set('ky', p);
          setParams(next);
        }}
        options={(Object.keys(periodLabels) as Period[]).map((p) => ({ value: p, label: periodLabels[p] }))}
      />
      {summary.error && <Alert type="error" showIcon message={summary.error.message} />}
      {period !== 'year' && <SemesterConfirmation classId={classId} period={period} />}
      <Table<Row>
        rowKey="student_id"
        data-testid="class-summary"
        size="small"
        bordered
        loading={summary.isPending}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={columns}
        expandable={{
          expandedRowRender: (row) => (
            <Flex vertical gap={4} data-testid="summary-explanation">
              {row.missing.length > 0 && (
                <Typography.Text type="warning">Còn thiếu: {row.missing.join('; ')}</Typography.Text>
              )}
              {row.reassessment_blocked_by_conduct && (
                <Typography.Text type="secondary">
                  Rèn luyện cả năm Chưa đạt nên không được kiểm tra lại (A6)
                </Typography.Text>
              )}
              <ul className="summary-explanation">
                {row.explanation.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            </Flex>
          ),
          rowExpandable: (row) => row.explanation.length > 0 || row.missing.length > 0,
        }}
      />
      {data && <Counts summary={data} year={year || (primary && period === 'hk2')} primary={primary} />}
    </Flex>
  );
}

function Counts({ summary, year, primary }: { summary: ClassSummary; year: boolean; primary: boolean }) {
  const groups: [string, Record<string, number>, (k: string) => string][] = [
    [primary ? 'Đánh giá' : 'Học tập', summary.counts.learning, resultName],
    ...(primary
      ? []
      : ([['Rèn luyện', summary.counts.conduct, resultName]] as [
          string,
          Record<string, number>,
          (k: string) => string,
        ][])),
    ...(year
      ? ([
          ['Kết quả', summary.counts.outcome, primary ? primaryOutcomeName : outcomeName],
          ['Khen thưởng', summary.counts.award, resultName],
        ] as [string, Record<string, number>, (k: string) => string][])
      : []),
  ];
  return (
    <Flex vertical gap={4} data-testid="summary-counts">
      {groups.map(([label, counts, name]) => (
        <Typography.Text key={label}>
          <strong>{label}:</strong>{' '}
          {Object.entries(counts)
            .map(([k, n]) => `${name(k)} ${n}`)
            .join(' · ') || '—'}
        </Typography.Text>
      ))}
    </Flex>
  );
}

/// GB-8, the homeroom teacher's half: confirm (ký xác nhận) the class's results of a semester once every subject
/// sheet of it is confirmed by its teacher; the year is confirmed by sending the year-close lists.
function SemesterConfirmation({ classId, period }: { classId: string; period: 'hk1' | 'hk2' }) {
  const queryClient = useQueryClient();
  const confirmation = useHomeroomConfirmation(classId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const data = confirmation.data;
  if (!data) return null;
  const semester = period === 'hk1' ? 1 : 2;
  const done = data.items.find((i) => i.period === period);
  const waiting = data.unconfirmed_sheets.filter((s) => s.semester === semester);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      const reply = await request<HomeroomConfirmation>(confirmationPath(classId), {
        method: 'POST',
        body: { period },
      });
      queryClient.setQueryData(['homeroom-confirmation', classId], reply);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Flex vertical gap={8} data-testid="semester-confirmation">
      {done ? (
        <Typography.Text type="success">
          Giáo viên chủ nhiệm {done.confirmed_by_name} đã ký xác nhận kết quả {periodLabels[period].toLowerCase()} lúc{' '}
          {new Date(done.confirmed_at).toLocaleString('vi-VN')}
        </Typography.Text>
      ) : (
        <Flex gap={8} align="center" wrap>
          <Button onClick={() => void confirm()} loading={busy} disabled={waiting.length > 0}>
            Ký xác nhận kết quả {periodLabels[period].toLowerCase()}
          </Button>
          {waiting.length > 0 && (
            <Typography.Text type="warning">
              Chờ giáo viên bộ môn ký xác nhận:{' '}
              {waiting.map((s) => `${s.subject_name}${s.teacher_name ? ` (${s.teacher_name})` : ''}`).join(', ')}
            </Typography.Text>
          )}
        </Flex>
      )}
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
    </Flex>
  );
}
