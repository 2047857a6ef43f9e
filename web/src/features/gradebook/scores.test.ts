import { describe, expect, it } from 'vitest';
import { liveAverage, parseCell, parsePaste, type Column } from './scores';

const columns: Column[] = [
  { item: 'tx1', kind: 'tx', label: 'TX1', topic: false },
  { item: 'tx2', kind: 'tx', label: 'TX2', topic: false },
  { item: 'tx3', kind: 'tx', label: 'TX3', topic: false },
  { item: 'gk', kind: 'gk', label: 'GK', topic: false },
  { item: 'ck', kind: 'ck', label: 'CK', topic: false },
];

describe('parseCell', () => {
  it('accepts 0–10 with one decimal, comma or point', () => {
    expect(parseCell(true, '7,5')).toEqual({ ok: true, value: '7.5', tenths: 75 });
    expect(parseCell(true, ' 10 ')).toEqual({ ok: true, value: '10.0', tenths: 100 });
    expect(parseCell(true, '')).toEqual({ ok: true, value: '', tenths: null });
    for (const bad of ['10.5', '7.25', '-1', 'a', '11']) expect(parseCell(true, bad).ok).toBe(false);
  });
  it('accepts Đ and CĐ for comment subjects', () => {
    expect(parseCell(false, 'd')).toMatchObject({ ok: true, value: 'Đ' });
    expect(parseCell(false, 'cđ')).toMatchObject({ ok: true, value: 'CĐ' });
    expect(parseCell(false, '7').ok).toBe(false);
  });
});

describe('liveAverage', () => {
  it('follows TT22 with half-up rounding on exact tenths', () => {
    // (8 + 7 + 9 + 2×7 + 3×8.5) / 8 = 63.5 / 8 = 7.9375 → 7.9
    expect(liveAverage(columns, { tx1: '8', tx2: '7', tx3: '9', gk: '7', ck: '8,5' }, true)).toBe('7.9');
    // 39.6/8 = 4.95 → 5.0 (A1), not 4.9
    expect(liveAverage(columns, { tx1: '5', tx2: '5', tx3: '4.6', gk: '5', ck: '5' }, true)).toBe('5.0');
    expect(liveAverage(columns, { tx1: '8' }, true)).toBe('');
  });
  it('gives Đ only when every assessment is Đ', () => {
    const values = { tx1: 'Đ', tx2: 'Đ', tx3: 'Đ', gk: 'Đ', ck: 'CĐ' };
    expect(liveAverage(columns, values, false)).toBe('CĐ');
    expect(liveAverage(columns, { ...values, ck: 'Đ' }, false)).toBe('Đ');
  });
});

describe('parsePaste', () => {
  it('reads an Excel block', () => {
    expect(parsePaste('7\t8\r\n9\t10\r\n')).toEqual([
      ['7', '8'],
      ['9', '10'],
    ]);
    expect(parsePaste('5')).toEqual([['5']]);
  });
});
