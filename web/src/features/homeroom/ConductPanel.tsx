import { useQueryClient } from '@tanstack/react-query';
import { Alert, Flex, Input, Segmented, Select, Table, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, request } from '../../api/client';
import {
  conductPath,
  tt22Levels,
  tt58Levels,
  type Conduct,
  type ConductChange,
  type ConductEntry,
  type ConductLevel,
  type ConductPeriod,
} from './homeroom';
import { SaveBar } from './SaveBar';

type Row = Conduct['items'][number];
type Draft = { level: ConductLevel | ''; comment: string };

const periodNames: Record<ConductPeriod, string> = {
  hk1: 'Học kì I',
  hk2: 'Học kì II',
  year: 'Cả năm',
  summer: 'Sau rèn luyện hè',
};

function entryOf(row: Row, period: ConductPeriod): ConductEntry | null {
  return row[period];
}

/// Rèn luyện và nhận xét (GB-3): the homeroom teacher's conduct level and comment for every student of a semester,
/// with the year level the server computes (TT22 Điều 8) beside it — entered by hand only in TT58/TT26 years.
export function ConductPanel({ conduct }: { conduct: Conduct }) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState(conduct);
  const [period, setPeriod] = useState<ConductPeriod>('hk1');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const levels = saved.year_entered ? tt58Levels : tt22Levels;
  const periods: ConductPeriod[] = saved.year_entered ? ['hk1', 'hk2', 'year'] : ['hk1', 'hk2'];
  const editable = saved.may_edit && !saved.locked;

  const k = (studentId: string) => `${period}/${studentId}`;
  const current = (row: Row): Draft => {
    const stored = entryOf(row, period);
    return drafts[k(row.student_id)] ?? { level: stored?.level ?? '', comment: stored?.comment ?? '' };
  };

  const changes = useMemo(() => {
    const out: ConductChange[] = [];
    for (const [draftKey, draft] of Object.entries(drafts)) {
      const [p, studentId] = draftKey.split('/') as [ConductPeriod, string];
      const row = saved.items.find((r) => r.student_id === studentId);
      const stored = row ? entryOf(row, p) : null;
      if (draft.level !== (stored?.level ?? '') || draft.comment.trim() !== (stored?.comment ?? '')) {
        out.push({ student_id: studentId, period: p, level: draft.level, comment: draft.comment.trim() });
      }
    }
    return out;
  }, [drafts, saved]);

  const edit = (row: Row, change: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [k(row.student_id)]: { ...current(row), ...change } }));

  const save = async () => {
    if (saving || changes.length === 0) return;
    setSaving(true);
    setError(null);
    try {
      const reply = await request<Conduct>(conductPath(saved.class_id), {
        method: 'PUT',
        body: { base_version: saved.version, changes },
      });
      queryClient.setQueryData(['conduct', saved.class_id], reply);
      void queryClient.invalidateQueries({ queryKey: ['class-summary', saved.class_id] });
      setSaved(reply);
      setDrafts({});
      setSavedAt(new Date().toLocaleTimeString('vi-VN'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'homeroom.conflict') {
        const fresh = await request<Conduct>(conductPath(saved.class_id));
        const names = changes
          .filter((c) => {
            const before = saved.items.find((r) => r.student_id === c.student_id);
            const after = fresh.items.find((r) => r.student_id === c.student_id);
            return (
              JSON.stringify(before && entryOf(before, c.period)) !== JSON.stringify(after && entryOf(after, c.period))
            );
          })
          .map((c) => fresh.items.find((r) => r.student_id === c.student_id)?.full_name ?? c.student_id);
        setError(
          `Người khác đã lưu rèn luyện của lớp sau khi bạn mở trang${
            names.length > 0 ? ` (${names.join(', ')}: đã lấy kết quả mới)` : ''
          }; hãy kiểm tra rồi lưu lại.`,
        );
        const next = { ...drafts };
        for (const c of changes) {
          const before = saved.items.find((r) => r.student_id === c.student_id);
          const after = fresh.items.find((r) => r.student_id === c.student_id);
          if (
            JSON.stringify(before && entryOf(before, c.period)) !== JSON.stringify(after && entryOf(after, c.period))
          ) {
            delete next[`${c.period}/${c.student_id}`];
          }
        }
        setSaved(fresh);
        setDrafts(next);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Segmented<ConductPeriod>
          value={period}
          onChange={setPeriod}
          options={periods.map((p) => ({ value: p, label: periodNames[p] }))}
        />
        <SaveBar
          name="conduct"
          label="Lưu rèn luyện"
          unit="học sinh"
          pending={changes.length}
          saving={saving}
          savedAt={savedAt}
          editable={editable}
          locked={saved.locked}
          onSave={() => void save()}
        />
      </Flex>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      <Table<Row>
        rowKey="student_id"
        data-testid="conduct-table"
        size="small"
        pagination={false}
        dataSource={saved.items}
        scroll={{ x: true }}
        columns={[
          { title: 'STT', key: 'stt', width: 48, render: (_v, _r, i) => i + 1 },
          {
            title: 'Họ và tên',
            dataIndex: 'full_name',
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
          },
          {
            title: `Mức (${periodNames[period]})`,
            key: 'level',
            width: 150,
            render: (_v, row, i) => (
              <Select<ConductLevel | ''>
                data-testid={`conduct-level-${i}`}
                aria-label={`Mức rèn luyện của ${row.full_name}`}
                style={{ width: 130 }}
                disabled={!editable}
                value={current(row).level}
                onChange={(level) => edit(row, { level })}
                options={[{ value: '', label: '—' }, ...levels]}
              />
            ),
          },
          {
            title: 'Nhận xét của giáo viên chủ nhiệm',
            key: 'comment',
            render: (_v, row, i) => (
              <Input.TextArea
                data-testid={`conduct-comment-${i}`}
                aria-label={`Nhận xét về ${row.full_name}`}
                autoSize={{ minRows: 1, maxRows: 4 }}
                maxLength={2000}
                style={{ minWidth: 220 }}
                disabled={!editable}
                value={current(row).comment}
                onChange={(e) => edit(row, { comment: e.target.value })}
              />
            ),
          },
          {
            title: 'Cả năm',
            key: 'year',
            width: 110,
            render: (_v, row, i) =>
              row.year ? (
                <Tooltip title={row.explanation.join(' ')}>
                  <span data-testid={`conduct-year-${i}`}>
                    {row.year.level_name}
                    {row.year.computed && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {' '}
                        (tính theo TT22)
                      </Typography.Text>
                    )}
                  </span>
                </Tooltip>
              ) : (
                <Typography.Text type="secondary" data-testid={`conduct-year-${i}`}>
                  chưa đủ hai học kì
                </Typography.Text>
              ),
          },
        ]}
      />
    </Flex>
  );
}
