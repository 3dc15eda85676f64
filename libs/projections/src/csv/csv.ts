/**
 * CSV cells safe to open in a spreadsheet: a cell that starts with = + - @, a tab or a carriage
 * return is prefixed with a single quote, so a name such as `=HYPERLINK(...)` typed at intake
 * never runs as a formula on an inspector's machine (CSV/formula injection); a cell holding a
 * comma, quote or line break is quoted, quotes doubled (RFC 4180).
 */
export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  let text = value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join(' ') : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** One CSV line, CRLF-terminated as RFC 4180 asks. */
export const csvRow = (values: readonly unknown[]): string => `${values.map(csvCell).join(',')}\r\n`;
