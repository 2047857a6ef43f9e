import { Button, Tag, Typography } from 'antd';

/// The save button of a homeroom batch sheet (conduct, TT27 ratings) with its state — unsaved count, saving, saved
/// at — and the lock once the year-close lists are submitted. Test ids: `save-<name>`, `<name>-state`.
export function SaveBar({
  name,
  label,
  unit,
  pending,
  saving,
  savedAt,
  editable,
  locked,
  onSave,
}: {
  name: string;
  label: string;
  unit: string;
  pending: number;
  saving: boolean;
  savedAt: string | null;
  editable: boolean;
  locked: boolean;
  onSave: () => void;
}) {
  return (
    <>
      <Button
        type="primary"
        data-testid={`save-${name}`}
        disabled={!editable || pending === 0}
        loading={saving}
        onClick={onSave}
      >
        {label}
      </Button>
      <Typography.Text data-testid={`${name}-state`} type={pending > 0 ? 'warning' : 'secondary'}>
        {saving
          ? 'Đang lưu…'
          : pending > 0
            ? `Chưa lưu ${pending} ${unit}`
            : savedAt
              ? `Đã lưu lúc ${savedAt}`
              : 'Không có thay đổi'}
      </Typography.Text>
      {locked && <Tag color="red">Đã khóa sau khi gửi danh sách cuối năm</Tag>}
    </>
  );
}
