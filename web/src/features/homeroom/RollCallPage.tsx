import { Alert, DatePicker, Flex, Segmented, Spin, Table, Tabs, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import { usePageTitle } from '../../app/usePageTitle';
import { HomeroomClassPicker, useHomeroomClass } from './HomeroomClassPicker';
import { todayInVietnam, useAttendance, useAttendanceTotals, type AttendanceTotals } from './homeroom';
import { RollCall } from './RollCall';

/// Điểm danh (GB-3): the roll-call of a day for the homeroom teacher's class (today unless `?ngay=`), and the
/// absence totals of a month, a semester or the year.
export function RollCallPage() {
  usePageTitle('Điểm danh');
  const [params, setParams] = useSearchParams();
  const { classId } = useHomeroomClass();
  const today = todayInVietnam();
  const wanted = params.get('ngay');
  const date = wanted && /^\d{4}-\d{2}-\d{2}$/.test(wanted) && wanted <= today ? wanted : today;
  const tab = params.get('xem') === 'tong-hop' ? 'totals' : 'day';
  const attendance = useAttendance(classId, date);

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value === null) next.delete(name);
    else next.set(name, value);
    setParams(next);
  };

  return (
    <Flex vertical gap={12} style={{ minWidth: 0 }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Điểm danh
      </Typography.Title>
      <Flex gap={12} align="center" wrap>
        <HomeroomClassPicker />
      </Flex>
      {classId !== '' && (
        <Tabs
          activeKey={tab}
          onChange={(k) => setParam('xem', k === 'totals' ? 'tong-hop' : null)}
          items={[
            {
              key: 'day',
              label: 'Theo ngày',
              children: (
                <Flex vertical gap={12}>
                  <DatePicker
                    size="large"
                    allowClear={false}
                    inputReadOnly
                    data-testid="roll-call-date"
                    format="dddd, DD/MM/YYYY"
                    value={dayjs(date)}
                    disabledDate={(d) => d.format('YYYY-MM-DD') > today}
                    onChange={(d) => setParam('ngay', d ? d.format('YYYY-MM-DD') : null)}
                    style={{ width: '100%', maxWidth: 640, minHeight: 44 }}
                  />
                  {attendance.isPending && <Spin />}
                  {attendance.error && <Alert type="error" showIcon message={attendance.error.message} />}
                  {attendance.data && (
                    <RollCall
                      key={`${attendance.data.class_id}/${attendance.data.date}`}
                      attendance={attendance.data}
                    />
                  )}
                </Flex>
              ),
            },
            {
              key: 'totals',
              label: 'Tổng hợp',
              children: <AttendanceTotalsView classId={classId} month={date.slice(0, 7)} />,
            },
          ]}
        />
      )}
    </Flex>
  );
}

/// Absence totals: a month (default the month shown), a semester or the year; the last column is the count A10
/// uses for promotion (whole-session absences, excused or not; more than 45 means retained).
function AttendanceTotalsView({ classId, month }: { classId: string; month: string }) {
  const [params, setParams] = useSearchParams();
  const period = params.get('ky') ?? month;
  const totals = useAttendanceTotals(classId, period);
  const isMonth = /^\d{4}-\d{2}$/.test(period);
  const choose = (value: string) => {
    const next = new URLSearchParams(params);
    next.set('ky', value);
    setParams(next);
  };
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Segmented
          value={isMonth ? 'month' : period}
          onChange={(v) => choose(v === 'month' ? month : String(v))}
          options={[
            { value: 'month', label: 'Tháng' },
            { value: 'hk1', label: 'Học kì I' },
            { value: 'hk2', label: 'Học kì II' },
            { value: 'year', label: 'Cả năm' },
          ]}
        />
        {isMonth && (
          <DatePicker
            picker="month"
            allowClear={false}
            inputReadOnly
            format="MM/YYYY"
            data-testid="totals-month"
            value={dayjs(`${period}-01`)}
            onChange={(d) => d && choose(d.format('YYYY-MM'))}
          />
        )}
      </Flex>
      {totals.error && <Alert type="error" showIcon message={totals.error.message} />}
      <Table<AttendanceTotals['items'][number]>
        rowKey="student_id"
        data-testid="attendance-totals"
        size="small"
        loading={totals.isPending}
        dataSource={totals.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        caption={
          totals.data && (
            <Typography.Text type="secondary">
              Từ {dayjs(totals.data.from).format('DD/MM/YYYY')} đến {dayjs(totals.data.to).format('DD/MM/YYYY')}
            </Typography.Text>
          )
        }
        columns={[
          { title: 'STT', key: 'stt', width: 48, render: (_v, _r, i) => i + 1 },
          { title: 'Họ và tên', dataIndex: 'full_name' },
          { title: 'P', dataIndex: 'excused', align: 'center' },
          { title: 'K', dataIndex: 'unexcused', align: 'center' },
          { title: 'Muộn', dataIndex: 'late', align: 'center' },
          { title: 'Tiết vắng', dataIndex: 'periods_absent', align: 'center' },
          {
            title: 'Số buổi nghỉ',
            dataIndex: 'absences',
            align: 'center',
            render: (n: number) =>
              n > 45 ? (
                <Typography.Text type="danger" strong title="Nghỉ quá 45 buổi: không đủ điều kiện lên lớp">
                  {n}
                </Typography.Text>
              ) : (
                n
              ),
          },
        ]}
      />
    </Flex>
  );
}
