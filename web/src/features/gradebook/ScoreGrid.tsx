import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, List, Modal, Popconfirm, Tag, Typography, type ButtonProps } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { ApiError, request } from '../../api/client';
import {
  display,
  fetchHistory,
  liveAverage,
  parseColumn,
  parsePaste,
  sheetPath,
  type HistoryEntry,
  type Sheet,
} from './scores';

type Drafts = Record<string, Record<string, string>>;

function draftsOf(sheet: Sheet): Drafts {
  const drafts: Drafts = {};
  for (const row of sheet.rows) {
    const values: Record<string, string> = {};
    for (const [item, cell] of Object.entries(row.cells)) values[item] = display(cell.value);
    drafts[row.student_id] = values;
  }
  return drafts;
}

function storedValue(sheet: Sheet, studentId: string, item: string): string {
  return sheet.rows.find((r) => r.student_id === studentId)?.cells[item]?.value ?? '';
}

interface Props {
  sheet: Sheet;
}

/// Bảng nhập điểm: a spreadsheet-like grid of one class × subject × semester. Arrow keys and Enter move between
/// cells, a block copied from Excel pastes from the focused cell, invalid values are marked as typed, the average
/// is recomputed as the teacher types, and Ctrl+S or the button saves the changed cells in one request.
export function ScoreGrid({ sheet }: Props) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<Sheet>(sheet);
  const [drafts, setDrafts] = useState<Drafts>(() => draftsOf(sheet));
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<string[]>([]);
  const [focused, setFocused] = useState<{ row: number; col: number } | null>(null);
  const [history, setHistory] = useState<{ title: string; items: HistoryEntry[] } | null>(null);
  /// GB-7: changes refused because their entry window closed, offered as correction requests.
  const [late, setLate] = useState<{ student_id: string; item: string; value: string }[] | null>(null);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const editable = saved.may_edit;

  useEffect(() => {
    setSaved(sheet);
    setDrafts(draftsOf(sheet));
  }, [sheet]);

  const columns = saved.columns;
  const rows = saved.rows;

  const changes = useMemo(() => {
    const out: { student_id: string; item: string; value: string }[] = [];
    let invalid = 0;
    for (const row of rows) {
      if (row.exempt) continue;
      for (const col of columns) {
        const parsed = parseColumn(col, saved.scored, drafts[row.student_id]?.[col.item] ?? '');
        if (!parsed.ok) {
          invalid += 1;
          continue;
        }
        if (parsed.value !== storedValue(saved, row.student_id, col.item)) {
          out.push({ student_id: row.student_id, item: col.item, value: parsed.value });
        }
      }
    }
    return { out, invalid };
  }, [drafts, rows, columns, saved]);

  const focusCell = useCallback(
    (row: number, col: number) => {
      let r = row;
      const step = row >= (focused?.row ?? 0) ? 1 : -1;
      while (r >= 0 && r < rows.length && rows[r]?.exempt) r += step;
      if (r < 0 || r >= rows.length || col < 0 || col >= columns.length) return;
      const input = inputs.current.get(`${r}:${col}`);
      input?.focus();
      input?.select();
    },
    [rows, columns, focused],
  );

  const setValue = (studentId: string, item: string, value: string) =>
    setDrafts((d) => ({ ...d, [studentId]: { ...d[studentId], [item]: value } }));

  const save = useCallback(async () => {
    if (saving || changes.out.length === 0 || changes.invalid > 0) return;
    setSaving(true);
    setError(null);
    setConflicts([]);
    try {
      const reply = await request<Sheet>(sheetPath(saved.class_id, saved.subject_code, saved.semester), {
        method: 'PUT',
        body: { base_version: saved.version, changes: changes.out },
      });
      queryClient.setQueryData(['score-sheet', saved.class_id, saved.subject_code, saved.semester], reply);
      setSaved(reply);
      setDrafts(draftsOf(reply));
      setSavedAt(new Date().toLocaleTimeString('vi-VN'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'gradebook.conflict') {
        // Someone saved these cells after this sheet was opened: show whose value won, take it, never overwrite.
        const fresh = await request<Sheet>(sheetPath(saved.class_id, saved.subject_code, saved.semester));
        const lines: string[] = [];
        const next = { ...drafts };
        for (const change of changes.out) {
          const row = fresh.rows.find((r) => r.student_id === change.student_id);
          const cell = row?.cells[change.item];
          if (row && cell && cell.version > saved.version) {
            const label = columns.find((c) => c.item === change.item)?.label ?? change.item;
            lines.push(
              `${row.full_name}, ${label}: bạn nhập ${display(change.value) || '(trống)'}, ` +
                `${cell.updated_by} đã lưu ${display(cell.value) || '(trống)'}`,
            );
            next[change.student_id] = { ...next[change.student_id], [change.item]: display(cell.value) };
          }
        }
        setConflicts(lines);
        setSaved(fresh);
        setDrafts(next);
      } else if (e instanceof ApiError && e.code === 'gradebook.window_closed') {
        // SCH-13: after the window a change needs the principal's approval (GB-7): offer a correction request
        // for the cells of the closed columns.
        const fresh = await request<Sheet>(sheetPath(saved.class_id, saved.subject_code, saved.semester));
        const closed = new Set(fresh.closed_items);
        setLate(changes.out.filter((c) => closed.has(columns.find((col) => col.item === c.item)?.kind ?? '')));
        setReason('');
        setError(e.title);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setSaving(false);
    }
  }, [saving, changes, saved, drafts, columns, queryClient]);

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>, row: number, col: number) => {
    const input = event.currentTarget;
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
      event.preventDefault();
      focusCell(row + 1, col);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      focusCell(row - 1, col);
    } else if (event.key === 'ArrowRight' && input.selectionEnd === input.value.length) {
      event.preventDefault();
      focusCell(row, col + 1);
    } else if (event.key === 'ArrowLeft' && input.selectionStart === 0) {
      event.preventDefault();
      focusCell(row, col - 1);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>, row: number, col: number) => {
    const text = event.clipboardData.getData('text/plain');
    if (!text.includes('\t') && !text.includes('\n')) return;
    event.preventDefault();
    const block = parsePaste(text);
    setDrafts((d) => {
      const next = { ...d };
      let r = row;
      for (const line of block) {
        while (r < rows.length && rows[r]?.exempt) r += 1;
        const target = rows[r];
        if (!target) break;
        const values = { ...next[target.student_id] };
        line.forEach((value, i) => {
          const c = columns[col + i];
          if (c) values[c.item] = value.trim();
        });
        next[target.student_id] = values;
        r += 1;
      }
      return next;
    });
  };

  const fileCorrections = async () => {
    if (!late || reason.trim() === '') return;
    try {
      for (const c of late) {
        await request('/api/v1/corrections', {
          method: 'POST',
          body: {
            class_id: saved.class_id,
            subject_code: saved.subject_code,
            semester: saved.semester,
            student_id: c.student_id,
            item: c.item,
            new_value: c.value,
            reason: reason.trim(),
          },
        });
      }
      // The filed cells go back to their saved values until the principal approves.
      setDrafts((d) => {
        const next = { ...d };
        for (const c of late) {
          next[c.student_id] = { ...next[c.student_id], [c.item]: display(storedValue(saved, c.student_id, c.item)) };
        }
        return next;
      });
      setNotice(`Đã gửi ${late.length} yêu cầu sửa điểm; điểm mới có hiệu lực khi Hiệu trưởng duyệt.`);
      setLate(null);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  const confirmSheet = async () => {
    try {
      await request(
        `/api/v1/classes/${saved.class_id}/subjects/${saved.subject_code}/confirmation?semester=${saved.semester}`,
        { method: 'POST' },
      );
      const fresh = await request<Sheet>(sheetPath(saved.class_id, saved.subject_code, saved.semester));
      queryClient.setQueryData(['score-sheet', saved.class_id, saved.subject_code, saved.semester], fresh);
      setSaved(fresh);
      setDrafts(draftsOf(fresh));
      setNotice('Đã xác nhận bảng điểm (GB-8); muốn sửa tiếp cần Ban giám hiệu mở lại.');
    } catch (e) {
      setError(
        e instanceof ApiError && e.detail ? `${e.title}: ${e.detail}` : e instanceof Error ? e.message : String(e),
      );
    }
  };

  const showHistory = async () => {
    if (!focused) return;
    const row = rows[focused.row];
    const col = columns[focused.col];
    if (!row || !col) return;
    const reply = await fetchHistory(saved.class_id, saved.subject_code, saved.semester, row.student_id, col.item);
    setHistory({ title: `${row.full_name} — ${col.label}`, items: reply.items });
  };

  const state = saving
    ? 'Đang lưu…'
    : changes.invalid > 0
      ? `Có ${changes.invalid} ô không hợp lệ`
      : changes.out.length > 0
        ? `Chưa lưu ${changes.out.length} ô`
        : savedAt
          ? `Đã lưu lúc ${savedAt}`
          : 'Không có thay đổi';

  return (
    <Flex vertical gap={12}>
      <Flex gap={8} align="center" wrap>
        <Button
          type="primary"
          data-testid="save-scores"
          onClick={() => void save()}
          disabled={!editable || changes.out.length === 0 || changes.invalid > 0}
          loading={saving}
        >
          Lưu điểm (Ctrl+S)
        </Button>
        <Typography.Text data-testid="save-state" type={changes.out.length > 0 ? 'warning' : 'secondary'}>
          {state}
        </Typography.Text>
        <Button onClick={() => void showHistory()} disabled={!focused} data-testid="cell-history">
          Lịch sử ô đang chọn
        </Button>
        {editable && !saved.confirmed && (
          <Popconfirm
            title="Xác nhận bảng điểm?"
            description="Sau khi xác nhận, giáo viên không sửa được nữa nếu Ban giám hiệu chưa mở lại."
            okText="Xác nhận"
            cancelText="Hủy"
            okButtonProps={{ 'data-testid': 'confirm-sheet-ok' } as ButtonProps}
            onConfirm={() => void confirmSheet()}
          >
            <Button data-testid="confirm-sheet" disabled={changes.out.length > 0}>
              Xác nhận
            </Button>
          </Popconfirm>
        )}
        {saved.confirmed && <Tag color="green">Giáo viên đã xác nhận</Tag>}
        {saved.locked && <Tag color="red">Đã khóa{saved.lock_reason ? `: ${saved.lock_reason}` : ''}</Tag>}
        {saved.closed_items.length > 0 && (
          <Tag color="orange">Hết hạn nhập: {saved.closed_items.map((k) => k.toUpperCase()).join(', ')}</Tag>
        )}
      </Flex>
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {notice && (
        <Alert type="success" showIcon data-testid="notice" message={notice} closable onClose={() => setNotice(null)} />
      )}
      <Modal
        open={late !== null && late.length > 0}
        title="Gửi yêu cầu sửa điểm"
        okText="Gửi yêu cầu sửa điểm"
        cancelText="Hủy"
        okButtonProps={{ disabled: reason.trim() === '', 'data-testid': 'send-correction' } as ButtonProps}
        onOk={() => void fileCorrections()}
        onCancel={() => setLate(null)}
      >
        <Typography.Paragraph>
          Đã hết thời hạn nhập các cột này. Thay đổi sẽ được gửi Hiệu trưởng duyệt (kèm lý do) và chỉ có hiệu lực sau
          khi được duyệt.
        </Typography.Paragraph>
        <ul data-testid="correction-cells">
          {(late ?? []).map((c) => {
            const row = rows.find((r) => r.student_id === c.student_id);
            const label = columns.find((col) => col.item === c.item)?.label ?? c.item;
            const old = display(storedValue(saved, c.student_id, c.item)) || '(trống)';
            return (
              <li key={`${c.student_id}/${c.item}`}>
                {row?.full_name}, {label}: {old} → {display(c.value) || '(trống)'}
              </li>
            );
          })}
        </ul>
        <Input.TextArea
          aria-label="Lý do sửa điểm"
          placeholder="Lý do (bắt buộc), ví dụ: chấm sót câu 3"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
      {conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="conflict"
          message="Điểm đã được người khác thay đổi sau khi bạn mở bảng điểm; các ô dưới đây lấy giá trị đã lưu, hãy kiểm tra và nhập lại nếu cần"
          description={
            <ul style={{ margin: 0 }}>
              {conflicts.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          }
        />
      )}
      <div style={{ overflowX: 'auto' }}>
        <table className="score-grid" data-testid="score-grid">
          <thead>
            <tr>
              <th>STT</th>
              <th style={{ textAlign: 'left' }}>Họ và tên</th>
              {columns.map((c) => (
                <th key={c.item} title={c.topic ? 'Kết quả chuyên đề học tập (TT22 Điều 6 khoản 3)' : undefined}>
                  {c.label}
                </th>
              ))}
              <th>
                {saved.regulation === 'tt27'
                  ? saved.semester === 1
                    ? 'Mức cuối HK I'
                    : 'Mức cả năm'
                  : saved.scored
                    ? 'ĐTBmhk'
                    : 'Kết quả'}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => {
              const values = drafts[row.student_id] ?? {};
              const parsedValues: Record<string, string> = {};
              for (const c of columns) {
                const p = parseColumn(c, saved.scored, values[c.item] ?? '');
                parsedValues[c.item] = p.ok ? p.value : '';
              }
              const unchanged = columns.every((c) => parsedValues[c.item] === (row.cells[c.item]?.value ?? ''));
              const average = unchanged ? row.average : liveAverage(columns, parsedValues, saved.scored);
              return (
                <tr key={row.student_id}>
                  <td>{r + 1}</td>
                  <td style={{ textAlign: 'left', whiteSpace: 'nowrap' }}>{row.full_name}</td>
                  {row.exempt ? (
                    <td colSpan={columns.length} style={{ color: '#888' }}>
                      Miễn môn học kì này
                    </td>
                  ) : (
                    columns.map((c, ci) => {
                      const raw = values[c.item] ?? '';
                      const parsed = parseColumn(c, saved.scored, raw);
                      const dirty = parsed.ok && parsed.value !== (row.cells[c.item]?.value ?? '');
                      return (
                        <td key={c.item}>
                          <input
                            ref={(el) => {
                              if (el) inputs.current.set(`${r}:${ci}`, el);
                              else inputs.current.delete(`${r}:${ci}`);
                            }}
                            data-testid={`cell-${r}-${c.item}`}
                            aria-label={`${row.full_name} ${c.label}`}
                            aria-invalid={!parsed.ok}
                            title={parsed.ok ? undefined : parsed.error}
                            className={!parsed.ok ? 'invalid' : dirty ? 'dirty' : undefined}
                            value={raw}
                            readOnly={!editable}
                            onChange={(e) => setValue(row.student_id, c.item, e.target.value)}
                            onKeyDown={(e) => onKeyDown(e, r, ci)}
                            onPaste={(e) => onPaste(e, r, ci)}
                            onFocus={(e) => {
                              setFocused({ row: r, col: ci });
                              e.currentTarget.select();
                            }}
                          />
                        </td>
                      );
                    })
                  )}
                  <td
                    data-testid={`avg-${r}`}
                    title={
                      unchanged ? row.explanation.join('\n') : 'Tạm tính khi đang nhập; lưu để có kết quả chính thức'
                    }
                    style={{ fontWeight: 600, fontStyle: unchanged ? 'normal' : 'italic' }}
                  >
                    {display(average)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <Modal open={history !== null} title={history?.title} footer={null} onCancel={() => setHistory(null)}>
        <List
          data-testid="history-list"
          locale={{ emptyText: 'Ô này chưa có thay đổi' }}
          dataSource={history?.items ?? []}
          renderItem={(h) => (
            <List.Item>
              {new Date(h.at).toLocaleString('vi-VN')} — {h.actor_name}: {display(h.old_value) || '(trống)'} →{' '}
              {display(h.new_value) || '(trống)'}
              {h.reason && ` (lý do: ${h.reason})`}
              {h.correction_id && <Tag style={{ marginLeft: 8 }}>Điều chỉnh đã duyệt</Tag>}
            </List.Item>
          )}
        />
      </Modal>
    </Flex>
  );
}
