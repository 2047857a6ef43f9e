import { Alert, Select, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { useSession } from '../org/session';
import { useClasses } from '../school/school';
import { homeroomClassIds } from './homeroom';

/// The class a homeroom page works on: `?lop=` when it is one of the signed-in teacher's homeroom classes,
/// otherwise their first one; '' when they have none.
export function useHomeroomClass(): { classId: string; classIds: string[]; names: Map<string, string> } {
  const [params] = useSearchParams();
  const classIds = homeroomClassIds(useSession().data?.roles ?? []);
  const classes = useClasses(classIds);
  const names = new Map(classIds.map((id, i) => [id, classes[i]?.data?.name ?? id]));
  const wanted = params.get('lop');
  const classId = wanted && classIds.includes(wanted) ? wanted : (classIds[0] ?? '');
  return { classId, classIds, names };
}

/// "Lớp 10A1", or a chooser when the teacher is homeroom teacher of several classes.
export function HomeroomClassPicker() {
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const { classId, classIds, names } = useHomeroomClass();
  if (session.isPending) return null;
  if (classIds.length === 0) {
    return <Alert type="info" showIcon message="Bạn chưa được phân công chủ nhiệm lớp nào" />;
  }
  if (classIds.length === 1) {
    return (
      <Typography.Text strong data-testid="homeroom-class">
        Lớp {names.get(classId)}
      </Typography.Text>
    );
  }
  return (
    <Select
      data-testid="homeroom-class"
      size="large"
      value={classId}
      style={{ minWidth: 160 }}
      options={classIds.map((id) => ({ value: id, label: `Lớp ${names.get(id)}` }))}
      onChange={(id) => {
        const next = new URLSearchParams(params);
        next.set('lop', id);
        setParams(next);
      }}
    />
  );
}
