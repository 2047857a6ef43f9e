import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Flex, Input, Segmented, Spin, Table, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { ApiError, request } from '../../api/client';
import {
  outstandingItem,
  qualitiesPath,
  qualityChanges,
  qualityGroups,
  ratingNames,
  useQualities,
  type QualitySheet,
  type Rating,
  type RatingPoint,
} from './qualities';
import { SaveBar } from './SaveBar';

type Row = QualitySheet['items'][number];
type Draft = { rating: Rating | 'x' | ''; note?: string };

const pointNames: Record<RatingPoint, string> = { gk: 'Giữa kì', ck: 'Cuối kì' };

/// Phẩm chất, năng lực (TT27 Điều 7 khoản 2): the homeroom teacher of a primary class rates every student's
/// 5 qualities and 10 competences (Tốt / Đạt / Cần cố gắng) at mid-term and end of term; at the end of the year also
/// the class's recognition of an outstanding achievement (Điều 13). The end-of-year ratings complete the year's
/// result.
export function QualitiesPanel({ classId }: { classId: string }) {
  const [semester, setSemester] = useState<1 | 2>(1);
  const sheet = useQualities(classId, semester);
  return (
    <Flex vertical gap={12}>
      <Segmented<1 | 2>
        value={semester}
        onChange={setSemester}
        options={[
          { value: 1, label: 'Học kì I' },
          { value: 2, label: 'Học kì II (cuối năm)' },
        ]}
      />
      {sheet.isPending && <Spin />}
      {sheet.error && <Alert type="error" showIcon message={sheet.error.message} />}
      {sheet.data && <QualitiesTable key={`${classId}/${semester}`} sheet={sheet.data} />}
    </Flex>
  );
}

export function QualitiesTable({ sheet }: { sheet: QualitySheet }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(sheet);
  const [point, setPoint] = useState<RatingPoint>('ck');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const editable = saved.may_edit && !saved.locked;
  const yearEnd = saved.semester === 2 && point === 'ck';
  const changes = useMemo(() => qualityChanges(saved, drafts), [saved, drafts]);

  const key = (row: Row, item: string) => `${point}/${row.student_id}/${item}`;
  const value = (row: Row, item: string): Draft => {
    const draft = drafts[key(row, item)];
    if (draft) return draft;
    if (item === outstandingItem) return { rating: row.outstanding ? 'x' : '', note: row.outstanding_note ?? '' };
    return { rating: row[point][item] ?? '' };
  };
  const edit = (row: Row, item: string, next: Draft) => setDrafts((d) => ({ ...d, [key(row, item)]: next }));

  /// Every empty rating of the shown point set to Tốt: the usual start, then the teacher lowers the exceptions.
  const fillGood = () => {
    const next = { ...drafts };
    for (const row of saved.items) {
      for (const group of qualityGroups) {
        for (const item of group.items) {
          if (value(row, item.code).rating === '') next[key(row, item.code)] = { rating: 'T' };
        }
      }
    }
    setDrafts(next);
  };

  const save = async () => {
    if (saving || changes.length === 0) return;
    setSaving(true);
    setError(null);
    try {
      const reply = await request<QualitySheet>(qualitiesPath(saved.class_id, saved.semester), {
        method: 'PUT',
        body: { base_version: saved.version, changes },
      });
      queryClient.setQueryData(['qualities', saved.class_id, saved.semester], reply);
      void queryClient.invalidateQueries({ queryKey: ['class-summary', saved.class_id] });
      setSaved(reply);
      setDrafts({});
      setSavedAt(new Date().toLocaleTimeString('vi-VN'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'homeroom.conflict') {
        // Someone else saved these ratings after this page read them: take theirs, keep the other drafts.
        const fresh = await request<QualitySheet>(qualitiesPath(saved.class_id, saved.semester));
        const next = { ...drafts };
        const names = new Set<string>();
        for (const c of changes) {
          const before = saved.items.find((r) => r.student_id === c.student_id);
          const after = fresh.items.find((r) => r.student_id === c.student_id);
          if (before && after && before[c.point][c.item] !== after[c.point][c.item]) {
            delete next[`${c.point}/${c.student_id}/${c.item}`];
            names.add(after.full_name);
          }
        }
        setError(
          `Người khác đã lưu phẩm chất, năng lực của lớp sau khi bạn mở trang${
            names.size > 0 ? ` (${[...names].join(', ')}: đã lấy kết quả mới)` : ''
          }; hãy kiểm tra rồi lưu lại.`,
        );
        setSaved(fresh);
        setDrafts(next);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const columns: ColumnsType<Row> = [
    { title: 'STT', key: 'stt', width: 48, fixed: 'left', render: (_v, _r, i) => i + 1 },
    {
      title: 'Họ và tên',
      dataIndex: 'full_name',
      fixed: 'left',
      render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
    },
    ...qualityGroups.map((group) => ({
      title: group.title,
      children: group.items.map((item) => ({
        title: <Tooltip title={`${group.title} ${item.name}`}>{item.label}</Tooltip>,
        key: item.code,
        align: 'center' as const,
        render: (_v: unknown, row: Row) => (
          <select
            className="quality-select"
            aria-label={`${item.label} của ${row.full_name}`}
            data-testid={`quality-${row.student_id}-${item.code}`}
            disabled={!editable}
            value={value(row, item.code).rating}
            onChange={(e) => edit(row, item.code, { rating: e.target.value as Rating | '' })}
          >
            <option value="">—</option>
            {(Object.keys(ratingNames) as Rating[]).map((r) => (
              <option key={r} value={r} title={ratingNames[r]}>
                {r}
              </option>
            ))}
          </select>
        ),
      })),
    })),
    ...(yearEnd
      ? [
          {
            title: (
              <Tooltip title="Được tập thể lớp công nhận có thành tích nổi bật hoặc tiến bộ rõ rệt (TT27 Điều 13)">
                Tiêu biểu
              </Tooltip>
            ),
            key: outstandingItem,
            render: (_v: unknown, row: Row) => {
              const v = value(row, outstandingItem);
              return (
                <Flex gap={4} align="center">
                  <Checkbox
                    aria-label={`Tiêu biểu: ${row.full_name}`}
                    data-testid={`outstanding-${row.student_id}`}
                    disabled={!editable}
                    checked={v.rating === 'x'}
                    onChange={(e) => edit(row, outstandingItem, { rating: e.target.checked ? 'x' : '', note: v.note })}
                  />
                  {v.rating === 'x' && (
                    <Input
                      size="small"
                      aria-label={`Thành tích của ${row.full_name}`}
                      placeholder="Thành tích, tiến bộ"
                      maxLength={500}
                      style={{ width: 180 }}
                      disabled={!editable}
                      value={v.note}
                      onChange={(e) => edit(row, outstandingItem, { rating: 'x', note: e.target.value })}
                    />
                  )}
                </Flex>
              );
            },
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12} data-testid="qualities-panel">
      <Flex gap={8} wrap align="center">
        <Segmented<RatingPoint>
          value={point}
          onChange={setPoint}
          options={(['gk', 'ck'] as RatingPoint[]).map((p) => ({ value: p, label: pointNames[p] }))}
        />
        <Button disabled={!editable} onClick={fillGood}>
          Điền Tốt vào ô trống
        </Button>
        <SaveBar
          name="qualities"
          label="Lưu phẩm chất, năng lực"
          unit="ô"
          pending={changes.length}
          saving={saving}
          savedAt={savedAt}
          editable={editable}
          locked={saved.locked}
          onSave={() => void save()}
        />
      </Flex>
      <Typography.Text type="secondary">
        T: Tốt · Đ: Đạt · C: Cần cố gắng.{yearEnd && ' Mức cuối năm học được dùng để đánh giá kết quả giáo dục.'}
      </Typography.Text>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      <Table<Row>
        rowKey="student_id"
        data-testid="qualities-table"
        size="small"
        bordered
        pagination={false}
        dataSource={saved.items}
        scroll={{ x: 'max-content' }}
        columns={columns}
      />
    </Flex>
  );
}
