export interface Bar {
  label: string;
  value: number;
  display?: string;
  kind?: string;
}

/**
 * A horizontal bar chart in CSS, each bar with its number beside it. Charts that are read
 * together pass one `max`, so equal lengths mean equal amounts; a zero draws no bar at all.
 */
export const BarChart = ({ bars, testId, max }: { bars: Bar[]; testId?: string; max?: number }) => {
  const scale = Math.max(1, max ?? 0, ...bars.map((bar) => bar.value));
  return (
    <div className="bars" data-testid={testId}>
      {bars.map((bar) => (
        <div className="bar-row" key={bar.label}>
          <span className="bar-label">{bar.label}</span>
          <span className="bar-track" aria-hidden="true">
            {bar.value > 0 && <span className={`bar bar-${bar.kind ?? 'default'}`} style={{ width: `${Math.max(0.5, (bar.value / scale) * 100)}%` }} />}
          </span>
          <span className="bar-value">{bar.display ?? bar.value}</span>
        </div>
      ))}
    </div>
  );
};
