import { Card, Col, Flex, Row, Typography } from 'antd';
import { Link } from 'react-router';
import { usePageTitle } from './usePageTitle';

const areas = [
  {
    title: 'Hồ sơ học sinh và nhân sự',
    text: 'Học sinh, cha mẹ học sinh, cán bộ, giáo viên, nhân viên; lớp học và phân công giảng dạy.',
  },
  {
    title: 'Sổ điểm và đánh giá',
    text: 'Nhập điểm, nhận xét và tổng hợp kết quả theo Thông tư 22, Thông tư 27 và Thông tư 58.',
  },
  {
    title: 'Chủ nhiệm và liên lạc',
    text: 'Điểm danh, hạnh kiểm, khen thưởng, sổ liên lạc điện tử, tin nhắn SMS và thư điện tử.',
  },
  { title: 'Báo cáo và thống kê', text: 'Sổ sách, báo cáo cho Phòng, Sở và Bộ; xuất Excel và PDF.' },
];

/// What Hocvu is, for whoever opens it first.
export function HomePage() {
  usePageTitle('Trang chủ');
  return (
    <Flex vertical gap="large">
      <div>
        <Typography.Title level={2}>Chào mừng đến với Hocvu</Typography.Title>
        <Typography.Paragraph style={{ fontSize: 16, maxWidth: 760 }}>
          Hocvu là hệ thống quản lý giáo dục mã nguồn mở dành cho nhà trường Việt Nam, từ mầm non đến trung học phổ
          thông và trung tâm giáo dục thường xuyên, cùng các Phòng và Sở Giáo dục và Đào tạo. Một chương trình duy nhất,
          lưu dữ liệu trong SQLite hoặc PostgreSQL, chạy được trên một máy chủ của trường hay cho cả tỉnh.
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          Hệ thống đang ở giai đoạn đầu. Xem tình trạng máy chủ tại trang{' '}
          <Link to="/trang-thai">Trạng thái hệ thống</Link>.
        </Typography.Paragraph>
      </div>
      <Row gutter={[16, 16]}>
        {areas.map((area) => (
          <Col key={area.title} xs={24} md={12}>
            <Card title={area.title} size="small" style={{ height: '100%' }}>
              {area.text}
            </Card>
          </Col>
        ))}
      </Row>
    </Flex>
  );
}
