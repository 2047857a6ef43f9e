import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { demoUser, jsonResponse, mockApi, renderApp } from '../../test/render';
import { unitTree, unitsPath, type Unit } from './units';

const SLOW = 30_000;
const WAIT = { timeout: 10_000 };

function unit(id: string, parent: string | null, kind: Unit['kind'], code: string, name: string): Unit {
  return {
    id,
    parent_id: parent,
    kind,
    code,
    name,
    district_code: 'gianghia',
    levels: [],
    status: 'active',
    totp_required: false,
  };
}

const units = [
  unit('1', null, 'district', 'pgdgianghia', 'Phòng Giáo dục và Đào tạo thành phố Gia Nghĩa'),
  unit('2', '1', 'school', 'thkimdong', 'Trường Tiểu học Kim Đồng'),
  unit('3', '1', 'school', 'thcsledinhchinh', 'Trường THCS Lê Đình Chinh'),
];

describe('units page', () => {
  it('lays the visible units out as a tree', () => {
    const tree = unitTree(units);
    expect(tree).toHaveLength(1);
    expect(tree[0]!.children?.map((c) => c.code)).toEqual(['thkimdong', 'thcsledinhchinh']);
    expect(unitTree([units[2]!])[0]!.code).toBe('thcsledinhchinh'); // parent not visible: a root
  });

  it('builds the search query', () => {
    expect(unitsPath({ q: '' })).toBe('/api/v1/units');
    expect(unitsPath({ q: ' chu van an ', kind: 'school', level: 'THPT' })).toBe(
      '/api/v1/units?q=chu+van+an&kind=school&level=THPT',
    );
  });

  it(
    'shows the units the server returns',
    async () => {
      mockApi({ '/api/v1/me': demoUser([{ role: 'unit_admin' }]), '/api/v1/units': { items: units } });
      renderApp('/don-vi');
      expect(await screen.findByText('Trường THCS Lê Đình Chinh', {}, WAIT)).toBeTruthy();
      expect(screen.getByRole('heading', { name: 'Đơn vị' })).toBeTruthy();
    },
    SLOW,
  );

  it(
    'sends a visitor who is not signed in to the sign-in page, asking the server nothing',
    async () => {
      const fetchMock = vi.spyOn(globalThis, 'fetch');
      const { router } = renderApp('/don-vi');
      expect(await screen.findByRole('heading', { name: 'Đăng nhập' }, WAIT)).toBeTruthy();
      expect(router.state.location.pathname).toBe('/dang-nhap');
      expect(fetchMock).not.toHaveBeenCalled();
    },
    SLOW,
  );

  it(
    'sends to the sign-in page when the session has expired, and forgets the token',
    async () => {
      mockApi({
        '/api/v1/me': jsonResponse(
          { type: 'about:blank', title: 'Chưa đăng nhập', status: 401, code: 'auth.unauthenticated' },
          401,
          'application/problem+json',
        ),
      });
      const { router } = renderApp('/don-vi');
      expect(await screen.findByRole('heading', { name: 'Đăng nhập' }, WAIT)).toBeTruthy();
      expect(router.state.location.pathname).toBe('/dang-nhap');
      expect(sessionStorage.getItem('hocvu.csrf')).toBeNull();
    },
    SLOW,
  );
});
