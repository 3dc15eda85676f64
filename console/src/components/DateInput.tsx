import { useState } from 'react';
import { formatDate } from '../i18n/format';

/** `18/05/2020` (or `2020-05-18`) → `2020-05-18`; anything else as typed, for the API to refuse beside its field. */
export const toIsoDate = (text: string): string => {
  const trimmed = text.trim();
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (dmy) return `${dmy[3]}-${dmy[2].padStart(2, '0')}-${dmy[1].padStart(2, '0')}`;
  return trimmed;
};

interface DateInputProps {
  name: string;
  /** The date as the API takes it (YYYY-MM-DD), or what was typed while it is not one. */
  value: string;
  onChange: (value: string) => void;
}

/**
 * A date typed dd/mm/yyyy whatever the browser's locale (a native date input shows mm/dd/yyyy
 * in an English browser); the form keeps it as YYYY-MM-DD.
 */
export const DateInput = ({ name, value, onChange }: DateInputProps) => {
  const [text, setText] = useState(() => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value));
  const shown = toIsoDate(text) === value ? text : /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDate(value) : value;
  return (
    <input
      type="text"
      name={name}
      inputMode="numeric"
      autoComplete="off"
      placeholder="dd/mm/yyyy"
      value={shown}
      onChange={(event) => {
        setText(event.target.value);
        onChange(toIsoDate(event.target.value));
      }}
    />
  );
};
