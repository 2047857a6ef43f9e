import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { RatesChart } from './RatesChart';

describe('RatesChart', () => {
  it('leaves room on the left for the longest subject name (it was cut off at 150 px)', () => {
    const long = 'Hoạt động trải nghiệm, hướng nghiệp';
    const { container } = render(
      <RatesChart
        title="Tỉ lệ"
        levels={['Đạt', 'Chưa đạt']}
        rows={[
          { label: 'Toán', counts: [1, 0], percent: ['100.0', '0.0'] },
          { label: long, counts: [1, 1], percent: ['50.0', '50.0'] },
        ]}
      />,
    );
    const label = [...container.querySelectorAll('text')].find((t) => t.textContent === long)!;
    // Right-aligned at x: about 6.6 px a character at 12 px must fit between 0 and x.
    expect(Number(label.getAttribute('x'))).toBeGreaterThanOrEqual(long.length * 6.6);
    const first = container.querySelector('rect[x]:not([x="0"])');
    expect(Number(first?.getAttribute('x'))).toBeGreaterThan(long.length * 6.6);
  });
});
