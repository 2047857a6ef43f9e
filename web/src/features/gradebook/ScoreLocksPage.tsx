import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Flex, Input, Select, Switch, Table, Typography } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { useSession } from '../org/session';
import { useSchoolClasses, useSchoolYears } from '../school/school';
import { errorText, locksPath, semesterNames, useProgress, useScoreLocks, type ScoreLock } from './admin';
import './gradebook-admin.css';

const BOOK = '*';

/// Khóa sổ điểm (SCH-11): per class, the score locks of each subject and semester and the book locks of a semester
/// or the whole year. A lock refuses every change (gradebook.locked), an approved correction too.
export function ScoreLocksPage() {
  usePageTitle('Khóa sổ điểm');
  const unitId = useSession().data?.unit?.id;
  const classes = useSchoolClasses(unitId);
  const [chosen, setChosen] = useState<string>();
  const cls = classes.data?.find((c) => c.id === chosen) ?? classes.data?.[0];
  const locks = useScoreLocks(cls?.id);
  const years = useSchoolYears(unitId);
  const sheets = useProgress(unitId, years.data?.find((y) => y.id === cls?.year_id)?.name);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  const lockOf = (subject: string, semester: number) =>
    locks.data?.find((l) => l.subject_code === subject && l.semester === semester);
  const toggle = async (subject: string, semester: number, locked: boolean, what: string) => {
    if (!cls) return;
    setBusy(`${subject}-${semester}`);
    setError(null);
    try {
      const reply = await request<{ items: ScoreLock[] }>(locksPath(cls.id), {
        method: 'PUT',
        body: {
          subject_code: subject,
          semester,
          locked,
          ...(locked && reason.trim() ? { reason: reason.trim() } : {}),
        },
      });
      queryClient.setQueryData(['score-locks', cls.id], reply.items);
      void message.success(`${locked ? 'Đã khóa' : 'Đã mở khóa'} ${what} lớp ${cls.name}`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };
  const lockSwitch = (subject: string, semester: number, what: string) => {
    const lock = lockOf(subject, semester);
    return (
      <Flex gap={6} align="center">
        <Switch
          size="small"
          checked={lock !== undefined}
          loading={busy === `${subject}-${semester}`}
          disabled={locks.isPending}
          data-testid={`lock-${subject}-${semester}`}
          aria-label={`Khóa ${what}`}
          onChange={(on) => void toggle(subject, semester, on, what)}
        />
        {lock && (
          <Typography.Text type="secondary" title={lock.reason}>
            {new Date(lock.locked_at).toLocaleDateString('vi-VN')}
            {lock.reason ? ` · ${lock.reason}` : ''}
          </Typography.Text>
        )}
      </Flex>
    );
  };
  const subjects = (sheets.data ?? []).filter((r) => r.class_id === cls?.id && r.semester === 1);

  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Khóa sổ điểm
      </Typography.Title>
      <Flex gap={12} wrap align="center">
        <Select
          aria-label="Lớp"
          data-testid="locks-class"
          showSearch
          optionFilterProp="label"
          style={{ width: 160 }}
          value={cls?.id}
          loading={classes.isPending}
          options={(classes.data ?? []).map((c) => ({ value: c.id, label: `Lớp ${c.name}` }))}
          onChange={setChosen}
        />
        <Input
          data-testid="lock-reason"
          placeholder="Lý do khóa (ghi vào nhật ký)"
          value={reason}
          maxLength={500}
          onChange={(e) => setReason(e.target.value)}
          style={{ maxWidth: 360 }}
        />
      </Flex>
      {(classes.error ?? locks.error ?? sheets.error) && (
        <Alert type="error" showIcon message={errorText(classes.error ?? locks.error ?? sheets.error)} />
      )}
      {error && <Alert type="error" showIcon message={error} data-testid="lock-error" />}
      {cls && (
        <>
          <Typography.Title level={4} style={{ margin: 0 }}>
            Khóa sổ cả lớp {cls.name}
          </Typography.Title>
          <Flex gap={24} wrap data-testid="book-locks">
            {[1, 2, 0].map((semester) => (
              <Flex key={semester} gap={8} align="center">
                <Typography.Text>{semesterNames[semester]}</Typography.Text>
                {lockSwitch(BOOK, semester, `sổ điểm ${semesterNames[semester]?.toLowerCase()}`)}
              </Flex>
            ))}
          </Flex>
          <Typography.Title level={4} style={{ margin: 0 }}>
            Khóa điểm từng môn
          </Typography.Title>
          <Table
            rowKey="subject_code"
            data-testid="subject-locks"
            size="small"
            loading={sheets.isPending}
            dataSource={subjects}
            pagination={false}
            scroll={{ x: true }}
            columns={[
              { title: 'Môn', dataIndex: 'subject_name' },
              ...[1, 2].map((semester) => ({
                title: semesterNames[semester],
                key: `hk${semester}`,
                render: (_v: unknown, r: { subject_code: string; subject_name: string }) =>
                  lockSwitch(
                    r.subject_code,
                    semester,
                    `điểm ${r.subject_name} ${semesterNames[semester]?.toLowerCase()}`,
                  ),
              })),
            ]}
          />
        </>
      )}
    </Flex>
  );
}
