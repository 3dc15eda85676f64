import { formatMonth } from '../../i18n/format';

/** A checkbox per month of the programme's window. */
export const MonthPicker = ({ months, selected, onChange }: { months: string[]; selected: string[]; onChange: (selected: string[]) => void }) => (
  <span className="months">
    {months.map((month) => (
      <label key={month} className="inline">
        <input
          type="checkbox"
          name={`month-${month}`}
          checked={selected.includes(month)}
          onChange={(event) => onChange(event.target.checked ? [...selected, month] : selected.filter((item) => item !== month))}
        />{' '}
        {formatMonth(month)}
      </label>
    ))}
  </span>
);
