import { describe, expect, it } from 'vitest';
import { gradeName, levelText, outcomeText, reportUrls, stackedShares, xlsxUrl } from './reports';

describe('reports (GB-5)', () => {
  it('names outcomes by the class regulation: TT27 completes the programme or leaves it to the principal', () => {
    expect(outcomeText('promoted', 'tt22')).toBe('Lên lớp');
    expect(outcomeText('promoted', 'tt27')).toBe('Hoàn thành chương trình lớp học');
    expect(outcomeText('principal_decision', 'tt27')).toBe('Chưa hoàn thành — Hiệu trưởng quyết định');
    expect(outcomeText('', 'tt27')).toBe('—');
    expect(outcomeText('', 'tt22')).toBe('—');
  });

  it('asks for the same view as .xlsx', () => {
    expect(xlsxUrl(reportUrls.rates('9', 'hk1'))).toBe(
      '/api/v1/reports/schools/9/classification-rates?period=hk1&format=xlsx',
    );
    expect(xlsxUrl(reportUrls.yearClassification('101'))).toBe(
      '/api/v1/reports/classes/101/year-classification?format=xlsx',
    );
    expect(reportUrls.reportCard('5', 'year', '101')).toBe(
      '/api/v1/reports/students/5/report-card?period=year&class_id=101',
    );
  });

  it('stacks the bars from the counts, filling exactly 100', () => {
    const shares = stackedShares([1, 1, 0, 1]);
    expect(shares.reduce((a, b) => a + b, 0)).toBeCloseTo(100, 10);
    expect(shares[2]).toBe(0);
    expect(stackedShares([0, 0])).toEqual([0, 0]);
  });

  it('names levels and grades in Vietnamese', () => {
    expect(levelText('incomplete')).toBe('Chưa đủ điểm');
    expect(levelText('Khá')).toBe('Khá');
    expect(gradeName(0)).toBe('Toàn trường');
    expect(gradeName(10)).toBe('Khối 10');
  });
});
