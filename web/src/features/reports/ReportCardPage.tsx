import { PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Space, Spin, Table, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { genderNames, vietnameseDate } from '../school/school';
import { ExcelButton } from './ReportsPage';
import { levelText, outcomeText, periodNames, reportUrls, useReportCard, type Period } from './reports';
import './reports.css';

/// Phiếu báo điểm of one student, laid out to print on A4 (the menu and buttons are hidden when printing). Open to
/// the principal board, and to the student, the parents and the homeroom teacher for that student.
export function ReportCardPage() {
  const { studentId = '' } = useParams();
  const [search] = useSearchParams();
  const raw = search.get('period');
  const period: Period = raw === 'hk1' || raw === 'hk2' ? raw : 'year';
  const classId = search.get('class_id') ?? undefined;
  const url = reportUrls.reportCard(studentId, period, classId);
  const card = useReportCard(url);
  usePageTitle(card.data ? `Phiếu báo điểm ${card.data.student.full_name}` : 'Phiếu báo điểm');
  if (card.isError) return <Alert type="error" showIcon message={card.error.message} />;
  if (!card.data) return <Spin />;
  const c = card.data;
  const year = c.period === 'year';
  return (
    <Flex vertical gap={16} className="report-card" data-testid="report-card">
      <Space className="no-print">
        <Button type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
          In phiếu
        </Button>
        <ExcelButton url={url} />
      </Space>
      <div className="report-card-head">
        <Typography.Text strong>{c.class.school_name}</Typography.Text>
        <Typography.Title level={3} style={{ margin: '8px 0' }}>
          PHIẾU BÁO ĐIỂM {periodNames[c.period].toUpperCase()} — NĂM HỌC {c.class.year}
        </Typography.Title>
      </div>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'name', label: 'Họ và tên', children: c.student.full_name },
          { key: 'class', label: 'Lớp', children: c.class.name },
          { key: 'birth', label: 'Ngày sinh', children: vietnameseDate(c.student.birth_date) },
          { key: 'gender', label: 'Giới tính', children: genderNames[c.student.gender] ?? c.student.gender },
          { key: 'code', label: 'Mã học sinh', children: c.student.code },
          { key: 'homeroom', label: 'GVCN', children: c.class.homeroom_name || '—' },
        ]}
      />
      <Table
        rowKey="code"
        size="small"
        bordered
        pagination={false}
        dataSource={c.subjects}
        data-testid="report-card-subjects"
        columns={[
          { title: 'STT', key: 'n', width: 50, render: (_, __, i) => i + 1 },
          { title: 'Môn học', dataIndex: 'name' },
          ...(year
            ? [
                { title: 'Học kỳ I', dataIndex: 'hk1', align: 'center' as const },
                { title: 'Học kỳ II', dataIndex: 'hk2', align: 'center' as const },
                { title: 'Cả năm', dataIndex: 'year', align: 'center' as const },
              ]
            : [{ title: periodNames[c.period], dataIndex: c.period, align: 'center' as const }]),
        ]}
      />
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          { key: 'learning', label: 'Kết quả học tập', children: levelText(c.standing.learning) },
          ...(c.class.regulation === 'tt27'
            ? []
            : [{ key: 'conduct', label: 'Kết quả rèn luyện', children: c.standing.conduct || '—' }]),
          { key: 'absences', label: 'Số buổi nghỉ', children: c.standing.absences ?? '—' },
          ...(year
            ? [
                {
                  key: 'outcome',
                  label: 'Kết quả cuối năm',
                  children: outcomeText(c.standing.outcome, c.class.regulation),
                },
              ]
            : []),
          { key: 'award', label: 'Danh hiệu', children: c.standing.award || '—' },
          ...(c.homeroom_comment ? [{ key: 'comment', label: 'Nhận xét của GVCN', children: c.homeroom_comment }] : []),
        ]}
      />
      {c.explanation.length > 0 && (
        <div className="report-card-explanation">
          <Typography.Text type="secondary">Căn cứ xếp loại:</Typography.Text>
          <ul>
            {c.explanation.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="report-card-sign">
        <span>Phụ huynh học sinh</span>
        <span>Giáo viên chủ nhiệm</span>
      </div>
    </Flex>
  );
}
