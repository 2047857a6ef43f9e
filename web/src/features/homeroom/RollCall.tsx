import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Flex, Input, Segmented, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { ApiError, request } from '../../api/client';
import {
  attendancePath,
  nextStatus,
  sessionMark,
  sessionNames,
  statusCycle,
  statusNames,
  type Attendance,
  type AttendanceChange,
  type AttendanceStatus,
  type Session,
} from './homeroom';
import './homeroom.css';

type Drafts = Record<string, AttendanceStatus>;

const key = (session: Session, studentId: string) => `${session}/${studentId}`;

/// A student with no mark for a session is present: the server keeps only the marks that say otherwise.
function storedStatus(attendance: Attendance, studentId: string, session: Session): AttendanceStatus {
  const student = attendance.students.find((s) => s.student_id === studentId);
  return (student && sessionMark(student.marks, session)?.status) ?? 'present';
}

interface Props {
  attendance: Attendance;
}

/// Điểm danh: the class in Vietnamese order, one large tap target per student that walks through có mặt → P
/// (có phép) → K (không phép) → muộn; sáng/chiều; one save for the changes. A day nobody has saved yet can be saved
/// with everyone present, so the register shows the roll was called. Made for a phone held in one hand.
export function RollCall({ attendance }: Props) {
  const queryClient = useQueryClient();
  const [saved, setSaved] = useState<Attendance>(attendance);
  const [session, setSession] = useState<Session>(attendance.main_session);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflicts, setConflicts] = useState<string[]>([]);

  const statusOf = (studentId: string, s: Session): AttendanceStatus =>
    drafts[key(s, studentId)] ?? storedStatus(saved, studentId, s);

  const changes = useMemo(() => {
    const out: AttendanceChange[] = [];
    for (const s of saved.sessions) {
      for (const student of saved.students) {
        const status = drafts[key(s, student.student_id)];
        if (status !== undefined && status !== storedStatus(saved, student.student_id, s)) {
          out.push({ student_id: student.student_id, session: s, period: 0, status });
        }
      }
    }
    return out;
  }, [drafts, saved]);
  // The first save of a day may say only "everyone is here": it sends the session as it stands.
  const firstSave = saved.version === 0;
  const toSend: AttendanceChange[] =
    changes.length > 0 || !firstSave
      ? changes
      : saved.students.map((s) => ({ student_id: s.student_id, session, period: 0, status: 'present' }));

  const needReason = saved.reason_required && toSend.length > 0;
  const counts = useMemo(() => {
    const c: Record<AttendanceStatus, number> = { present: 0, excused: 0, unexcused: 0, late: 0 };
    for (const student of saved.students) {
      c[drafts[key(session, student.student_id)] ?? storedStatus(saved, student.student_id, session) ?? 'present'] += 1;
    }
    return c;
  }, [drafts, saved, session]);

  const tap = (studentId: string) => {
    if (!saved.may_edit) return;
    setDrafts((d) => ({ ...d, [key(session, studentId)]: nextStatus(statusOf(studentId, session)) }));
  };

  const save = async () => {
    if (saving || toSend.length === 0 || (needReason && reason.trim() === '')) return;
    setSaving(true);
    setError(null);
    setConflicts([]);
    try {
      const reply = await request<Attendance>(attendancePath(saved.class_id, saved.date), {
        method: 'PUT',
        body: {
          base_version: saved.version,
          changes: toSend,
          ...(saved.reason_required ? { reason: reason.trim() } : {}),
        },
      });
      queryClient.setQueryData(['attendance', saved.class_id, saved.date], reply);
      void queryClient.invalidateQueries({ queryKey: ['attendance-totals', saved.class_id] });
      setSaved(reply);
      setDrafts({});
      setReason('');
      setSavedAt(new Date().toLocaleTimeString('vi-VN'));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'homeroom.conflict') {
        // Someone saved these marks after this list was opened: name their change, take it, never overwrite it.
        const fresh = await request<Attendance>(attendancePath(saved.class_id, saved.date));
        const lines: string[] = [];
        const next = { ...drafts };
        for (const change of changes) {
          const student = fresh.students.find((s) => s.student_id === change.student_id);
          const mark = student && sessionMark(student.marks, change.session);
          if (student && mark && mark.version > saved.version) {
            lines.push(
              `${student.full_name} (buổi ${sessionNames[change.session]}): bạn chọn ` +
                `${statusNames[change.status].long.toLowerCase()}, ${mark.updated_by_name} đã lưu ` +
                `${statusNames[mark.status].long.toLowerCase()}`,
            );
            delete next[key(change.session, change.student_id)];
          }
        }
        setConflicts(lines);
        setSaved(fresh);
        setDrafts(next);
        queryClient.setQueryData(['attendance', fresh.class_id, fresh.date], fresh);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setSaving(false);
    }
  };

  const state = saving
    ? 'Đang lưu…'
    : changes.length > 0
      ? `Chưa lưu ${changes.length} thay đổi`
      : savedAt
        ? `Đã lưu lúc ${savedAt}`
        : firstSave
          ? 'Chưa điểm danh ngày này'
          : 'Đã lưu điểm danh';

  return (
    <Flex vertical gap={12} className="roll-call-wrap">
      {saved.sessions.length > 1 && (
        <Segmented<Session>
          block
          size="large"
          className="roll-call-sessions"
          data-testid="session-switch"
          value={session}
          onChange={setSession}
          options={saved.sessions.map((s) => ({ value: s, label: `Buổi ${sessionNames[s]}` }))}
        />
      )}
      <Typography.Text data-testid="roll-call-counts">
        {statusCycle.map((s) => `${statusNames[s].short} ${counts[s]}`).join(' · ')}
      </Typography.Text>
      {!saved.may_edit && <Alert type="info" showIcon message="Bạn chỉ được xem điểm danh của lớp này" />}
      {error && <Alert type="error" showIcon message={error} closable onClose={() => setError(null)} />}
      {conflicts.length > 0 && (
        <Alert
          type="warning"
          showIcon
          data-testid="conflict"
          message="Điểm danh đã được người khác thay đổi sau khi bạn mở danh sách; các em dưới đây lấy kết quả đã lưu, hãy kiểm tra lại"
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {conflicts.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          }
        />
      )}
      <ol className="roll-call" data-testid="roll-call">
        {saved.students.map((student, i) => {
          const status = statusOf(student.student_id, session);
          const dirty = status !== storedStatus(saved, student.student_id, session);
          const periods = student.marks.filter((m) => m.session === session && m.period > 0);
          return (
            <li key={student.student_id}>
              <button
                type="button"
                className={`roll-call-student status-${status}${dirty ? ' dirty' : ''}`}
                data-testid={`student-${i}`}
                data-status={status}
                aria-label={`${student.full_name}: ${statusNames[status].long}`}
                disabled={!saved.may_edit}
                onClick={() => tap(student.student_id)}
              >
                <span className="stt">{i + 1}</span>
                <span className="name">
                  {student.full_name}
                  {periods.length > 0 && (
                    <small>{periods.map((m) => `Tiết ${m.period}: ${statusNames[m.status].short}`).join(', ')}</small>
                  )}
                </span>
                <span className="mark">{statusNames[status].short}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="roll-call-bar">
        {needReason && (
          <Input
            size="large"
            data-testid="roll-call-reason"
            placeholder="Lý do sửa điểm danh của ngày đã qua"
            value={reason}
            maxLength={500}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
        <Flex gap={12} align="center">
          <Button
            type="primary"
            size="large"
            data-testid="save-attendance"
            disabled={!saved.may_edit || toSend.length === 0 || (needReason && reason.trim() === '')}
            loading={saving}
            onClick={() => void save()}
          >
            Lưu điểm danh
          </Button>
          <Typography.Text data-testid="save-state" type={changes.length > 0 || firstSave ? 'warning' : 'success'}>
            {state}
          </Typography.Text>
        </Flex>
      </div>
    </Flex>
  );
}
