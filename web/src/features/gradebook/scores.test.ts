import { describe, expect, it } from 'vitest';
import { liveAverage, parseCell, parsePaste, type Column, parseColumn } from './scores';

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

describe('TT27 and TT58 columns (GB-1)', () => {
  const level: Column = { item: 'ck_muc', kind: 'ck', label: 'Mức CK', topic: false, type: 'level' };
  const test: Column = { item: 'ck_kt', kind: 'ck', label: 'KT CK', topic: false, type: 'whole_score' };
  it('reads levels as T/H/C and tests as whole numbers', () => {
    expect(parseColumn(level, false, 't')).toEqual({ ok: true, value: 'HTT', tenths: null });
    expect(parseColumn(level, false, 'cht')).toEqual({ ok: true, value: 'CHT', tenths: null });
    expect(parseColumn(level, false, 'Tốt').ok).toBe(false);
    expect(parseColumn(test, false, '9')).toEqual({ ok: true, value: '9.0', tenths: 90 });
    expect(parseColumn(test, false, '0')).toEqual({ ok: true, value: '0.0', tenths: 0 });
    expect(parseColumn(test, false, '7,5').ok).toBe(false);
  });
  it('has no live average for TT27 and skips empty optional TT58 columns', () => {
    expect(liveAverage([level, test], { ck_muc: 'HTT', ck_kt: '9.0' }, true)).toBe('');
    const tt58: Column[] = [
      { item: 'tx1', kind: 'tx', label: 'HS1-1', topic: false, type: 'score' },
      { item: 'tx2', kind: 'tx', label: 'HS1-2', topic: false, type: 'score', optional: true },
      { item: 'gk1', kind: 'gk', label: 'HS2-1', topic: false, type: 'score' },
      { item: 'ck', kind: 'ck', label: 'HK', topic: false, type: 'score' },
    ];
    // (8 + 2×7 + 3×7.5) / 6 = 44.5 / 6 = 7.41… → 7.4
    expect(liveAverage(tt58, { tx1: '8', gk1: '7', ck: '7.5' }, true)).toBe('7.4');
    // with the optional test: (8 + 9 + 14 + 22.5) / 7 = 53.5 / 7 = 7.64… → 7.6
    expect(liveAverage(tt58, { tx1: '8', tx2: '9', gk1: '7', ck: '7.5' }, true)).toBe('7.6');
  });
});
