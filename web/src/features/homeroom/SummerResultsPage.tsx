import { useQueryClient } from '@tanstack/react-query';
import { Alert, Flex, Input, Select, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { request } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { useSubjectNames } from '../school/school';
import { HomeroomClassPicker, useHomeroomClass } from './HomeroomClassPicker';
import { display, outcomeName, tt22Levels, useYearClose, type YearClose, type YearCloseItem } from './homeroom';
import { SaveBar } from './SaveBar';
import { useSaver } from './useSaver';
import './homeroom.css';

/// The summer part of a student's line of the year-close lists (`items[].summer`): re-assessment results by subject
/// code and the re-evaluated conduct.
type SummerItem = YearCloseItem & { summer?: { reassessment: Record<string, string>; conduct: string | null } };

interface Draft {
  reassessment: Record<string, string>;
  conduct?: string;
}

/// A re-assessment result as typed: a score 0–10 with at most one decimal (comma or point), Đ or CĐ, or nothing.
export function validSummerValue(text: string): boolean {
  const t = text.trim();
  if (t === '' || t === 'Đ' || t === 'CĐ') return true;
  if (!/^\d{1,2}([.,]\d)?$/.test(t)) return false;
  return Number(t.replace(',', '.')) <= 10;
}

/// Kết quả rèn luyện, kiểm tra lại hè (A17): after the summer the homeroom teacher enters the re-assessment results
/// of the approved re-assessment list and the re-evaluated conduct of the summer-training list; the final outcome is
/// the engine's, as the server returns it.
export function SummerResultsPage() {
  usePageTitle('Kết quả rèn luyện, kiểm tra lại hè');
  const { classId } = useHomeroomClass();
  const yearClose = useYearClose(classId);
  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Kết quả rèn luyện, kiểm tra lại hè
      </Typography.Title>
      <HomeroomClassPicker />
      {classId !== '' && yearClose.isPending && <Spin />}
      {yearClose.error && <Alert type="error" showIcon message={yearClose.error.message} />}
      {yearClose.data && <SummerResults key={yearClose.data.class_id} yearClose={yearClose.data} />}
    </Flex>
  );
}

export function SummerResults({ yearClose }: { yearClose: YearClose }) {
  const queryClient = useQueryClient();
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const saver = useSaver();
  const subjectName = useSubjectNames();
  if (yearClose.status !== 'approved') {
    return (
      <Alert
        type="info"
        showIcon
        data-testid="summer-not-approved"
        message="Danh sách cuối năm của lớp chưa được Hiệu trưởng phê duyệt; kết quả hè được nhập sau khi duyệt."
      />
    );
  }
  const items = (yearClose.items as SummerItem[]).filter(
    (i) => i.proposed?.outcome === 'reassessment' || i.proposed?.outcome === 'summer_training',
  );
  if (items.length === 0) {
    return <Alert type="success" showIcon message="Lớp không có học sinh phải kiểm tra lại hay rèn luyện hè" />;
  }
  const valueOf = (i: SummerItem, code: string) =>
    drafts[i.student_id]?.reassessment[code] ?? display(i.summer?.reassessment[code] ?? '');
  const conductOf = (i: SummerItem) => drafts[i.student_id]?.conduct ?? i.summer?.conduct ?? '';
  const invalid = items.some((i) =>
    (i.proposed?.reassess_subjects ?? []).some((c) => !validSummerValue(valueOf(i, c))),
  );
  const changes = Object.entries(drafts).map(([student_id, d]) => ({
    student_id,
    ...(Object.keys(d.reassessment).length > 0
      ? { reassessment: Object.fromEntries(Object.entries(d.reassessment).map(([c, v]) => [c, v.trim()])) }
      : {}),
    ...(d.conduct !== undefined ? { conduct: d.conduct } : {}),
  }));
  const edit = (id: string, change: (d: Draft) => Draft) =>
    setDrafts((all) => ({ ...all, [id]: change(all[id] ?? { reassessment: {} }) }));

  const save = () =>
    saver.run(async () => {
      const reply = await request<YearClose>(
        `/api/v1/classes/${encodeURIComponent(yearClose.class_id)}/summer-results`,
        { method: 'PUT', body: { items: changes } },
      );
      queryClient.setQueryData(['year-close', reply.class_id], reply);
      setDrafts({});
    });

  return (
    <Flex vertical gap={12}>
      <Typography.Text>
        Năm học {yearClose.year}. Nhập điểm kiểm tra lại (0–10, hoặc Đ/CĐ với môn đánh giá bằng nhận xét) và kết quả rèn
        luyện lại trong hè; kết quả lên lớp do hệ thống tính theo quy chế.
      </Typography.Text>
      <Flex gap={8} align="center" wrap>
        <SaveBar
          name="summer"
          label="Lưu kết quả hè"
          unit="học sinh"
          pending={changes.length}
          saving={saver.saving}
          savedAt={saver.savedAt}
          editable={!invalid}
          locked={false}
          onSave={() => void save()}
        />
        {invalid && <Typography.Text type="danger">Có ô chưa hợp lệ</Typography.Text>}
      </Flex>
      {saver.error && <Alert type="error" showIcon message={saver.error} closable onClose={saver.clearError} />}
      <Table<SummerItem>
        rowKey="student_id"
        size="small"
        data-testid="summer-results"
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        columns={[
          { title: 'STT', key: 'stt', width: 48, render: (_v, _r, i) => i + 1 },
          {
            title: 'Họ và tên',
            dataIndex: 'full_name',
            render: (v: string) => <span style={{ whiteSpace: 'nowrap' }}>{v}</span>,
          },
          { title: 'Diện', key: 'list', render: (_v, i) => outcomeName(i.proposed?.outcome ?? '') },
          {
            title: 'Kiểm tra lại',
            key: 'reassessment',
            render: (_v, i) => (
              <Flex gap={8} wrap>
                {(i.proposed?.outcome === 'reassessment' ? (i.proposed.reassess_subjects ?? []) : []).map((code) => {
                  const v = valueOf(i, code);
                  return (
                    <label key={code} style={{ whiteSpace: 'nowrap' }}>
                      {subjectName(code)}{' '}
                      <Input
                        aria-label={`Điểm kiểm tra lại ${code} của ${i.full_name}`}
                        status={validSummerValue(v) ? undefined : 'error'}
                        style={{ width: 64 }}
                        value={v}
                        onChange={(e) =>
                          edit(i.student_id, (d) => ({
                            ...d,
                            reassessment: { ...d.reassessment, [code]: e.target.value },
                          }))
                        }
                      />
                    </label>
                  );
                })}
              </Flex>
            ),
          },
          {
            title: 'Rèn luyện hè',
            key: 'conduct',
            render: (_v, i) =>
              i.proposed?.outcome === 'summer_training' ? (
                <Select
                  aria-label={`Kết quả rèn luyện hè của ${i.full_name}`}
                  style={{ width: 120 }}
                  value={conductOf(i)}
                  onChange={(level: string) => edit(i.student_id, (d) => ({ ...d, conduct: level }))}
                  options={[{ value: '', label: 'Chưa đánh giá' }, ...tt22Levels]}
                />
              ) : null,
          },
          {
            title: 'Kết quả cuối cùng',
            key: 'final',
            render: (_v, i) =>
              i.final?.done ? (
                <Tag color={i.final.outcome === 'promoted' ? 'green' : 'red'} data-testid={`final-${i.student_id}`}>
                  {outcomeName(i.final.outcome)}
                </Tag>
              ) : (
                <Typography.Text type="secondary" data-testid={`final-${i.student_id}`}>
                  Chờ kết quả hè
                </Typography.Text>
              ),
          },
          {
            title: 'Căn cứ',
            key: 'explanation',
            render: (_v, i) => <Typography.Text type="secondary">{i.explanation.join(' ')}</Typography.Text>,
          },
        ]}
      />
    </Flex>
  );
}
