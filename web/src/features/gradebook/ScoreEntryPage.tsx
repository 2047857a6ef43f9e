import { Alert, Flex, Segmented, Spin, Table, Typography } from 'antd';
import { Link, useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { useSubjectNames } from '../school/school';
import { ScoreGrid } from './ScoreGrid';
import { useClassNames, useMe, useSheet } from './scores';
import './score-grid.css';

/// Nhập điểm: the class × subject sheets the signed-in teacher's grants name.
export function ScoreSheetsPage() {
  usePageTitle('Nhập điểm');
  const me = useMe().data;
  const sheets = (me?.roles ?? [])
    .filter((g) => g.role === 'subject_teacher' && g.class_id && g.subject)
    .map((g) => ({ classId: g.class_id as string, subject: (g.subject as string).toUpperCase() }))
    .filter((s, i, all) => all.findIndex((o) => o.classId === s.classId && o.subject === s.subject) === i);
  const names = useClassNames([...new Set(sheets.map((s) => s.classId))]).data ?? new Map<string, string>();
  const subjectName = useSubjectNames();
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Nhập điểm
      </Typography.Title>
      <Table
        rowKey={(s) => `${s.classId}/${s.subject}`}
        data-testid="score-sheets"
        dataSource={sheets}
        pagination={false}
        locale={{ emptyText: 'Bạn chưa được phân công giảng dạy môn nào' }}
        columns={[
          { title: 'Lớp', key: 'class', render: (_, s) => names.get(s.classId) ?? s.classId },
          { title: 'Môn', key: 'subject', render: (_, s) => subjectName(s.subject) },
          {
            title: '',
            key: 'open',
            render: (_, s) => <Link to={`/nhap-diem/${s.classId}/${s.subject}?hk=1`}>Mở bảng điểm</Link>,
          },
        ]}
      />
    </Flex>
  );
}

/// One sheet: học kì chooser and the entry grid.
export function ScoreEntryPage() {
  const { classId = '', subject = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const semester = params.get('hk') === '2' ? 2 : 1;
  const sheet = useSheet(classId, subject, semester);
  usePageTitle(sheet.data ? `Điểm ${sheet.data.subject_name} ${sheet.data.class_name}` : 'Bảng điểm');
  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }} data-testid="sheet-title">
        {sheet.data ? `${sheet.data.subject_name} — lớp ${sheet.data.class_name}` : 'Bảng điểm'}
      </Typography.Title>
      <Segmented
        value={semester}
        options={[
          { label: 'Học kì I', value: 1 },
          { label: 'Học kì II', value: 2 },
        ]}
        onChange={(v) => setParams({ hk: String(v) })}
      />
      {sheet.isPending && <Spin />}
      {sheet.error && <Alert type="error" showIcon message={sheet.error.message} />}
      {sheet.data && <ScoreGrid key={`${classId}/${subject}/${semester}`} sheet={sheet.data} />}
    </Flex>
  );
}
