import { Alert, Flex, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../api/client';
import { usePageTitle } from '../../app/usePageTitle';
import { unitKindNames, unitTree, useUnits, type UnitNode } from './units';

const LEVELS = ['MN', 'TH', 'THCS', 'THPT'];

/// The unit tree (Đơn vị) the signed-in person may see, with search by name or code (with or without
/// diacritics) and filters by kind and level.
export function UnitsPage() {
  usePageTitle('Đơn vị');
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string | undefined>();
  const [level, setLevel] = useState<string | undefined>();
  const units = useUnits({ q, kind, level });
  const filtered = q.trim() !== '' || kind !== undefined || level !== undefined;

  return (
    <Flex vertical gap={16}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        Đơn vị
      </Typography.Title>
      <Flex gap={8} wrap>
        <Input.Search
          placeholder="Tìm theo tên hoặc mã, ví dụ: chu van an"
          allowClear
          onSearch={setQ}
          style={{ maxWidth: 360 }}
          aria-label="Tìm đơn vị"
        />
        <Select
          allowClear
          placeholder="Loại đơn vị"
          style={{ minWidth: 160 }}
          value={kind}
          onChange={setKind}
          options={Object.entries(unitKindNames).map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          placeholder="Cấp học"
          style={{ minWidth: 120 }}
          value={level}
          onChange={setLevel}
          options={LEVELS.map((l) => ({ value: l, label: l }))}
        />
      </Flex>
      {units.error instanceof ApiError && units.error.code === 'auth.unauthenticated' ? (
        <Alert
          type="info"
          showIcon
          message="Cần đăng nhập"
          description={
            <>
              Hãy <Link to="/dang-nhap">đăng nhập</Link> để xem các đơn vị.
            </>
          }
        />
      ) : units.error ? (
        <Alert type="error" showIcon message={units.error.message} />
      ) : (
        <Table<UnitNode>
          key={units.data ? 'loaded' : 'loading'} // expand every row once the data is there
          rowKey="id"
          size="middle"
          loading={units.isPending}
          pagination={false}
          dataSource={units.data ? (filtered ? units.data : unitTree(units.data)) : []}
          expandable={{ defaultExpandAllRows: true }}
          columns={[
            { title: 'Tên đơn vị', dataIndex: 'name' },
            { title: 'Loại', dataIndex: 'kind', render: (k: UnitNode['kind']) => unitKindNames[k] },
            { title: 'Mã', dataIndex: 'code' },
            { title: 'Huyện/thị', dataIndex: 'district_code' },
            {
              title: 'Cấp học',
              dataIndex: 'levels',
              render: (levels: string[]) => levels.map((l) => <Tag key={l}>{l}</Tag>),
            },
          ]}
        />
      )}
    </Flex>
  );
}
