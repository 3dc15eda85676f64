/** Counts by a code, each a toggle for the filter it names. */
export const CountChips = ({ caption, counts, selected, label, onSelect }: {
  caption: string;
  counts: [string, number][];
  selected: string;
  label: (code: string) => string;
  onSelect: (code: string) => void;
}) => (
  <div className="chips">
    <span className="muted">{caption}:</span>
    {counts.map(([code, n]) => (
      <button type="button" key={code} className={`chip${selected === code ? ' chip-on' : ''}`} aria-pressed={selected === code} onClick={() => onSelect(selected === code ? '' : code)}>
        {label(code)} <b>{n}</b>
      </button>
    ))}
  </div>
);
