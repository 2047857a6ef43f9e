import { stackedShares } from './reports';

/// Colours of the levels, best first (Tốt, Khá, Đạt, Chưa đạt); a two-level list (Đạt, Chưa đạt) takes the last two.
const palette = ['#389e0d', '#1677ff', '#faad14', '#cf1322'];

export interface ChartRow {
  label: string;
  counts: number[];
  percent: string[];
}

/// A stacked 100% bar per row (a subject or a grade), in SVG: each level's share of the students with a result,
/// with the percentage written on segments wide enough to hold it, and a legend.
export function RatesChart({ rows, levels, title }: { rows: ChartRow[]; levels: string[]; title: string }) {
  // Room for the longest label at 12 px (about 6.6 px a character), so that "Hoạt động trải nghiệm, hướng nghiệp"
  // is not cut off on the left; between 80 and 300 px.
  const longest = Math.max(0, ...rows.map((r) => [...r.label].length));
  const labelWidth = Math.min(300, Math.max(80, Math.ceil(longest * 6.6) + 16));
  const barWidth = 520;
  const rowHeight = 26;
  const top = 28;
  const height = top + rows.length * rowHeight + 8;
  const colours = levels.length === 2 ? palette.slice(2) : palette;
  return (
    <svg
      role="img"
      aria-label={title}
      viewBox={`0 0 ${labelWidth + barWidth + 10} ${height}`}
      style={{ width: '100%', maxWidth: labelWidth + barWidth + 10, height: 'auto' }}
      data-testid="rates-chart"
    >
      <title>{title}</title>
      {levels.map((level, i) => (
        <g key={level} transform={`translate(${labelWidth + i * 110}, 6)`}>
          <rect width={12} height={12} fill={colours[i]} />
          <text x={16} y={11} fontSize={12}>
            {level}
          </text>
        </g>
      ))}
      {rows.map((row, r) => {
        const shares = stackedShares(row.counts);
        let x = labelWidth;
        const y = top + r * rowHeight;
        return (
          <g key={row.label}>
            <text x={labelWidth - 8} y={y + 15} fontSize={12} textAnchor="end">
              {row.label}
            </text>
            {shares.every((s) => s === 0) && (
              <text x={labelWidth + 4} y={y + 15} fontSize={12} fill="#8c8c8c">
                Chưa có kết quả
              </text>
            )}
            {shares.map((share, i) => {
              const w = (share / 100) * barWidth;
              const segment = (
                <g key={levels[i]}>
                  <rect x={x} y={y + 2} width={w} height={rowHeight - 6} fill={colours[i]}>
                    <title>{`${row.label} — ${levels[i]}: ${row.counts[i]} (${row.percent[i]}%)`}</title>
                  </rect>
                  {w >= 38 && (
                    <text x={x + w / 2} y={y + 15} fontSize={11} fill="#fff" textAnchor="middle">
                      {row.percent[i]}%
                    </text>
                  )}
                </g>
              );
              x += w;
              return segment;
            })}
          </g>
        );
      })}
    </svg>
  );
}
