/** One bar (or a group of bars) of a chart. */
export interface BarDatum {
  readonly label: string;
  readonly values: readonly number[];
}

const COLORS = ['#0b4f9c', '#b26a00', '#1b7f3b', '#c62828', '#6a1b9a'];

/**
 * A bar chart drawn as SVG (no chart library: the console stays small and works offline). Several
 * values per label are drawn side by side with a legend; the axis starts at zero.
 */
export function BarChart(props: {
  title: string;
  data: readonly BarDatum[];
  series: readonly string[];
  unit?: string;
  height?: number;
}) {
  const width = 640;
  const height = props.height ?? 240;
  const margin = { top: 16, right: 8, bottom: 48, left: 44 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const max = Math.max(1, ...props.data.flatMap((datum) => datum.values));
  const step = niceStep(max);
  const top = Math.ceil(max / step) * step;
  const band = innerWidth / Math.max(1, props.data.length);
  const barWidth = Math.min(48, Math.max(2, (band * 0.8) / props.series.length));
  const y = (value: number): number => margin.top + innerHeight - (value / top) * innerHeight;
  const ticks = Array.from({ length: Math.round(top / step) + 1 }, (_, index) => index * step);
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title}>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} stroke="#dde3ec" />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill="#5b6475">
              {formatTick(tick)}
            </text>
          </g>
        ))}
        {props.data.map((datum, index) => {
          const x0 = margin.left + index * band + (band - barWidth * datum.values.length) / 2;
          return (
            <g key={datum.label}>
              {datum.values.map((value, series) => (
                <rect
                  key={series}
                  x={x0 + series * barWidth}
                  y={y(value)}
                  width={barWidth - 1}
                  height={Math.max(0, margin.top + innerHeight - y(value))}
                  fill={COLORS[series % COLORS.length]}
                >
                  <title>{`${datum.label} — ${props.series[series] ?? ''}: ${formatTick(value)}${props.unit ?? ''}`}</title>
                </rect>
              ))}
              <text
                x={margin.left + index * band + band / 2}
                y={height - margin.bottom + 14}
                textAnchor={props.data.length > 12 ? 'end' : 'middle'}
                fontSize="11"
                fill="#14213d"
                transform={
                  props.data.length > 12
                    ? `rotate(-40 ${margin.left + index * band + band / 2} ${height - margin.bottom + 14})`
                    : undefined
                }
              >
                {datum.label}
              </text>
            </g>
          );
        })}
      </svg>
      {props.series.length > 1 && <Legend series={props.series} />}
    </figure>
  );
}

/** A line chart (e.g. % satisfied per day) on a fixed 0–100 scale when `isPercent`. */
export function LineChart(props: {
  title: string;
  points: readonly { label: string; value: number | null }[];
  isPercent?: boolean;
}) {
  const width = 640;
  const height = 220;
  const margin = { top: 16, right: 12, bottom: 48, left: 44 };
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const values = props.points.map((point) => point.value).filter((value): value is number => value !== null);
  const top = props.isPercent ? 100 : Math.max(1, ...values);
  const x = (index: number): number =>
    margin.left +
    (props.points.length <= 1 ? innerWidth / 2 : (index / (props.points.length - 1)) * innerWidth);
  const y = (value: number): number => margin.top + innerHeight - (value / top) * innerHeight;
  const path = props.points
    .map((point, index) => (point.value === null ? null : `${x(index)},${y(point.value)}`))
    .filter((point) => point !== null)
    .join(' ');
  const every = Math.max(1, Math.ceil(props.points.length / 10));
  return (
    <figure className="chart">
      <figcaption>{props.title}</figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={props.title}>
        {[0, 0.25, 0.5, 0.75, 1].map((share) => (
          <g key={share}>
            <line
              x1={margin.left}
              x2={width - margin.right}
              y1={y(share * top)}
              y2={y(share * top)}
              stroke="#dde3ec"
            />
            <text x={margin.left - 6} y={y(share * top) + 4} textAnchor="end" fontSize="11" fill="#5b6475">
              {formatTick(share * top)}
              {props.isPercent ? '%' : ''}
            </text>
          </g>
        ))}
        <polyline points={path} fill="none" stroke="#1b7f3b" strokeWidth="2.5" />
        {props.points.map((point, index) =>
          point.value === null ? null : (
            <circle key={point.label} cx={x(index)} cy={y(point.value)} r="3.5" fill="#1b7f3b">
              <title>{`${point.label}: ${formatTick(point.value)}${props.isPercent ? '%' : ''}`}</title>
            </circle>
          ),
        )}
        {props.points.map((point, index) =>
          index % every === 0 ? (
            <text
              key={`l-${point.label}`}
              x={x(index)}
              y={height - margin.bottom + 16}
              textAnchor="middle"
              fontSize="11"
              fill="#14213d"
            >
              {point.label}
            </text>
          ) : null,
        )}
      </svg>
    </figure>
  );
}

function Legend(props: { series: readonly string[] }) {
  return (
    <div className="legend">
      {props.series.map((name, index) => (
        <span key={name}>
          <i style={{ background: COLORS[index % COLORS.length] }} /> {name}
        </span>
      ))}
    </div>
  );
}

/** A round step for about five grid lines. */
export function niceStep(max: number): number {
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  return (scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 5 ? 5 : 10) * power;
}

function formatTick(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}
