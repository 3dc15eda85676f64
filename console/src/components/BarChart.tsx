export interface Bar {
  label: string;
  value: number;
  display?: string;
  kind?: string;
}

/** A horizontal bar chart in CSS, each bar with its number beside it. */
export const BarChart = ({ bars, testId }: { bars: Bar[]; testId?: string }) => {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  return (
    <div className="bars" data-testid={testId}>
      {bars.map((bar) => (
        <div className="bar-row" key={bar.label}>
          <span className="bar-label">{bar.label}</span>
          <span className="bar-track">
            <span className={`bar bar-${bar.kind ?? 'default'}`} style={{ width: `${(bar.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">{bar.display ?? bar.value}</span>
        </div>
      ))}
    </div>
  );
};
