import { Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { ReactNode } from 'react';
import {
  outcomeName as regulationOutcomeName,
  resultName,
  yearCloseStatusNames,
  type YearClose,
  type YearCloseItem,
  type YearCloseOverride,
} from './homeroom';
import { useSubjectNames } from '../school/school';
import { primaryOutcomeName } from './qualities';

/// The lists as the regulation names them, each with its students.
export function ListsOverview({ yearClose }: { yearClose: YearClose }) {
  const names = new Map(yearClose.items.map((i) => [i.student_id, i.full_name]));
  // TT27 (primary): completion or the principal's decision; no summer re-assessment or conduct training.
  const primary = yearClose.regulation === 'tt27';
  const lists: [string, string, string[]][] = [
    ['promoted', primary ? 'Hoàn thành chương trình lớp học, lên lớp' : 'Lên lớp', yearClose.lists.promoted],
    ['retained', primary ? 'Chưa được lên lớp' : 'Ở lại lớp', yearClose.lists.retained],
    ...(primary
      ? []
      : ([
          ['reassessment', 'Kiểm tra lại trong hè', yearClose.lists.reassessment],
          ['summer_training', 'Rèn luyện trong hè', yearClose.lists.summer_training],
        ] as [string, string, string[]][])),
    ...Object.entries(yearClose.lists.awards).map(([award, ids]): [string, string, string[]] => [
      `award-${award}`,
      award,
      ids,
    ]),
  ];
  return (
    <Flex gap={12} wrap data-testid="year-close-lists">
      {lists.map(([key, title, ids]) => (
        <Card
          key={key}
          size="small"
          title={`${title} (${ids.length})`}
          style={{ minWidth: 200, flex: '1 1 200px' }}
          data-testid={`list-${key}`}
        >
          {ids.length === 0 ? (
            <Typography.Text type="secondary">Không có học sinh</Typography.Text>
          ) : (
            <Typography.Text>{ids.map((id) => names.get(id) ?? id).join(', ')}</Typography.Text>
          )}
        </Card>
      ))}
    </Flex>
  );
}

export function StatusTag({ yearClose }: { yearClose: Pick<YearClose, 'status'> }) {
  const s = yearCloseStatusNames[yearClose.status];
  return (
    <Tag color={s.color} data-testid="year-close-status">
      {s.label}
    </Tag>
  );
}

/// Who did what when: submission and decision.
export function History({ yearClose }: { yearClose: YearClose }) {
  const at = (iso: string | null) => (iso ? new Date(iso).toLocaleString('vi-VN') : '');
  return (
    <Flex vertical gap={2}>
      {yearClose.submitted_by_name && (
        <Typography.Text type="secondary">
          Gửi bởi {yearClose.submitted_by_name} lúc {at(yearClose.submitted_at)}
          {yearClose.note ? ` — ghi chú: ${yearClose.note}` : ''}
        </Typography.Text>
      )}
      {yearClose.decided_by_name && (
        <Typography.Text type={yearClose.status === 'rejected' ? 'danger' : 'secondary'} data-testid="decision">
          {yearClose.status === 'rejected' ? 'Trả lại' : 'Phê duyệt'} bởi {yearClose.decided_by_name} lúc{' '}
          {at(yearClose.decided_at)}
          {yearClose.decision_note ? ` — ${yearClose.decision_note}` : ''}
        </Typography.Text>
      )}
    </Flex>
  );
}

/// The result on the lists: as proposed once submitted, the engine's before.
export function proposedOf(item: YearCloseItem) {
  return item.proposed ?? item.engine;
}

export function overrideText(o: YearCloseOverride, subjectName: (code: string) => string = (c) => c): string {
  const parts: string[] = [];
  if (o.award === 'extraordinary') parts.push('khen thưởng thành tích đột xuất');
  if (o.outcome) {
    parts.push(
      `${regulationOutcomeName(o.outcome).toLowerCase()}${o.basis === 'disability' ? ' (học sinh khuyết tật, Điều 12 khoản 4)' : ''}`,
    );
  }
  if (o.reassess_subjects) parts.push(`kiểm tra lại ${o.reassess_subjects.map(subjectName).join(', ')}`);
  return `${parts.join('; ')} — lý do: ${o.reason}`;
}

/// Every student's row: levels, absences, the engine's result and what is proposed, with the explanation on hover
/// and on expanding the row. `action` adds a last column (the homeroom teacher's adjustment).
export function YearCloseTable({
  yearClose,
  overrides,
  action,
}: {
  yearClose: YearClose;
  overrides?: Record<string, YearCloseOverride | null>;
  action?: (item: YearCloseItem, index: number) => ReactNode;
}) {
  const overrideOf = (item: YearCloseItem) => (overrides ? (overrides[item.student_id] ?? null) : item.override);
  const subjectName = useSubjectNames();
  const primary = yearClose.regulation === 'tt27';
  const outcomeName = primary ? primaryOutcomeName : regulationOutcomeName;
  const columns: ColumnsType<YearCloseItem> = [
    { title: 'STT', key: 'stt', width: 48, render: (_v, _r, i) => i + 1 },
    {
      title: 'Họ và tên',
      dataIndex: 'full_name',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
    },
    { title: primary ? 'Đánh giá' : 'Học tập', dataIndex: 'learning', align: 'center', render: resultName },
    ...(primary
      ? []
      : ([
          { title: 'Rèn luyện', dataIndex: 'conduct', align: 'center', render: resultName },
        ] satisfies ColumnsType<YearCloseItem>)),
    { title: 'Nghỉ', dataIndex: 'absences', align: 'center' },
    {
      title: 'Kết quả (đề xuất)',
      key: 'outcome',
      render: (_v, item, i) => (
        <Tooltip title={item.explanation.join(' ')}>
          <span data-testid={`proposed-${i}`}>{outcomeName(proposedOf(item).outcome)}</span>
          {proposedOf(item).outcome !== item.engine.outcome && (
            <Typography.Text type="secondary"> (máy tính: {outcomeName(item.engine.outcome)})</Typography.Text>
          )}
          {item.retained_for_absences && (
            <Tag color="red" style={{ marginInlineStart: 4 }}>
              nghỉ quá 45 buổi
            </Tag>
          )}
          {item.final?.done && (
            <div>
              <Typography.Text type="secondary">Sau hè: {outcomeName(item.final.outcome)}</Typography.Text>
            </div>
          )}
        </Tooltip>
      ),
    },
    ...(primary
      ? []
      : ([
          {
            title: 'Kiểm tra lại',
            key: 'reassess',
            render: (_v, item) => proposedOf(item).reassess_subjects.map(subjectName).join(', '),
          },
        ] satisfies ColumnsType<YearCloseItem>)),
    {
      title: 'Khen thưởng',
      key: 'award',
      render: (_v, item) => (
        <>
          {resultName(proposedOf(item).award)}
          {proposedOf(item).award !== '' && item.retained_for_absences && (
            <Tooltip title="TT22 Điều 15 không xét số buổi nghỉ; Hiệu trưởng xem xét khi duyệt (A16)">
              <Tag color="orange" style={{ marginInlineStart: 4 }}>
                A16
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
    {
      title: 'Điều chỉnh',
      key: 'override',
      render: (_v, item, i) => {
        const o = overrideOf(item);
        return (
          <Flex vertical gap={4} align="start">
            {o && (
              <Typography.Text data-testid={`override-${i}`} style={{ maxWidth: 280 }}>
                {overrideText(o, subjectName)}
              </Typography.Text>
            )}
            {action?.(item, i)}
          </Flex>
        );
      },
    },
  ];
  return (
    <Table<YearCloseItem>
      rowKey="student_id"
      data-testid="year-close-table"
      size="small"
      bordered
      pagination={false}
      dataSource={yearClose.items}
      scroll={{ x: 'max-content' }}
      columns={columns}
      expandable={{
        expandedRowRender: (item) => (
          <ul className="summary-explanation">
            {item.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ),
        rowExpandable: (item) => item.explanation.length > 0,
      }}
    />
  );
}
