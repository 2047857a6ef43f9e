import { useQuery } from '@tanstack/react-query';
import { request } from '../../api/client';

/// A unit as `GET /api/v1/units` lists it.
export interface Unit {
  id: string;
  parent_id: string | null;
  kind: 'ministry' | 'province' | 'district' | 'school' | 'centre';
  code: string;
  name: string;
  district_code: string;
  levels: string[];
  status: string;
  totp_required: boolean;
}

export interface UnitFilter {
  q: string;
  kind?: string | undefined;
  level?: string | undefined;
}

export const unitKindNames: Record<Unit['kind'], string> = {
  ministry: 'Bộ GD&ĐT',
  province: 'Sở GD&ĐT',
  district: 'Phòng GD&ĐT',
  school: 'Trường',
  centre: 'Trung tâm GDTX',
};

export function unitsPath(filter: UnitFilter): string {
  const params = new URLSearchParams();
  if (filter.q.trim()) {
    params.set('q', filter.q.trim());
  }
  if (filter.kind) {
    params.set('kind', filter.kind);
  }
  if (filter.level) {
    params.set('level', filter.level);
  }
  const query = params.toString();
  return query ? `/api/v1/units?${query}` : '/api/v1/units';
}

/// The units the signed-in person may see, filtered on the server (diacritics-insensitive search).
export function useUnits(filter: UnitFilter) {
  return useQuery({
    queryKey: ['units', filter.q.trim(), filter.kind ?? '', filter.level ?? ''],
    queryFn: ({ signal }) => request<{ items: Unit[] }>(unitsPath(filter), { signal }).then((body) => body.items),
  });
}

/// Lays the flat list out as a tree by `parent_id`; units whose parent is not visible become roots.
export interface UnitNode extends Unit {
  children?: UnitNode[];
}

export function unitTree(units: Unit[]): UnitNode[] {
  const nodes = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parent_id ? nodes.get(node.parent_id) : undefined;
    if (parent) {
      (parent.children ??= []).push(node);
    } else {
      roots.push(node);
    }
  }
  return roots;
}
