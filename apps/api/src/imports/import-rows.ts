import type { Applicant } from '@lib/domain';
import type { ImportReportEntry, MessageParams } from '@lib/domain';
import type { Cell, Sheet } from './spreadsheet-file';
import { normalizeHeader, type ImportColumn } from './import-columns';

const HEADER_SEARCH_ROWS = 20;

export interface MappedSheet {
  /** The header row's number and, per template column found, its index in the rows. */
  headerRow: number;
  columns: { column: ImportColumn; index: number }[];
  headers: string[];
  rows: { row: number; cells: Cell[] }[];
}

const text = (cell: Cell): string => {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell).normalize('NFC').trim();
};

export const cellText = text;

/**
 * Finds the header row (the first rows may be a merged title and the legal basis) and each
 * template column in it. Missing required columns are 400 naming them.
 */
export const mapColumns = (sheet: Sheet, template: ImportColumn[]): MappedSheet | { missing: ImportColumn[] } => {
  const names = new Map<string, ImportColumn>();
  for (const column of template) {
    names.set(normalizeHeader(column.vi), column);
    names.set(normalizeHeader(column.key), column);
  }
  let best: { headerRow: number; columns: { column: ImportColumn; index: number }[]; headers: string[] } | null = null;
  for (const { row, cells } of sheet.rows.slice(0, HEADER_SEARCH_ROWS)) {
    const found: { column: ImportColumn; index: number }[] = [];
    cells.forEach((cell, index) => {
      const column = names.get(normalizeHeader(text(cell)));
      if (column && !found.some((f) => f.column.key === column.key)) found.push({ column, index });
    });
    if (!best || found.length > best.columns.length) best = { headerRow: row, columns: found, headers: cells.map(text) };
  }
  const missing = template.filter((column) => column.required && !best?.columns.some((f) => f.column.key === column.key));
  if (!best || missing.length > 0) return { missing };
  const headerRow = best.headerRow;
  return { ...best, rows: sheet.rows.filter(({ row }) => row > headerRow) };
};

const pad = (n: number) => String(n).padStart(2, '0');
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Dates as Excel stores them (serial day numbers or dates) or as typed: dd/mm/yyyy, yyyy-mm-dd. */
export const toDate = (cell: Cell): string => {
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  if (typeof cell === 'number' && cell > 0 && cell < 2_958_466) return new Date(EXCEL_EPOCH + Math.round(cell) * 86_400_000).toISOString().slice(0, 10);
  const value = text(cell);
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value);
  if (dmy) return `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}`;
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (ymd) return `${ymd[1]}-${pad(Number(ymd[2]))}-${pad(Number(ymd[3]))}`;
  return value;
};

/** Months as mm/yyyy, m/yyyy or yyyy-mm, separated by commas, semicolons or spaces. */
const toMonths = (cell: Cell): string[] => {
  if (cell instanceof Date) return [cell.toISOString().slice(0, 7)];
  return text(cell)
    .split(/[,;\s]+/)
    .filter(Boolean)
    .map((part) => {
      const my = /^(\d{1,2})[/.-](\d{4})$/.exec(part);
      if (my) return `${my[2]}-${pad(Number(my[1]))}`;
      const ym = /^(\d{4})-(\d{1,2})$/.exec(part);
      return ym ? `${ym[1]}-${pad(Number(ym[2]))}` : part;
    });
};

/** Whole numbers typed with thousands separators (1.500.000 or 1,500,000) or stored as text. */
export const toInteger = (cell: Cell): unknown => {
  if (typeof cell === 'number') return cell;
  const value = text(cell).replace(/\s/g, '');
  if (/^-?\d{1,3}([.,]\d{3})+$/.test(value)) return Number(value.replace(/[.,]/g, ''));
  return /^-?\d+$/.test(value) ? Number(value) : value;
};

const TRUE = ['co', 'x', 'yes', 'true', '1', 'dung', 'c'];
const FALSE = ['khong', 'no', 'false', '0', 'k'];

const toBoolean = (cell: Cell): unknown => {
  if (typeof cell === 'boolean') return cell;
  const value = normalizeHeader(text(cell));
  if (TRUE.includes(value)) return true;
  if (FALSE.includes(value)) return false;
  return text(cell);
};

/** ID numbers stored as numbers lost their leading zero: 8 or 11 digits are padded back to 9 or 12. */
const toCitizenId = (cell: Cell): string => {
  const value = text(cell).replace(/[\s.]/g, '');
  if (typeof cell === 'number' && (value.length === 8 || value.length === 11)) return `0${value}`;
  return value;
};

export interface RowRequest {
  applicant: Applicant;
  claim: Record<string, unknown>;
}

/**
 * One row as the body of a single intake, or the errors of the person's columns (checked with
 * the rules and messages of POST /applications); the claim is left to the domain to decide.
 */
export const rowRequest = (cells: Cell[], row: number, mapped: MappedSheet, ward: string): { request: RowRequest } | { errors: ImportReportEntry[] } => {
  const applicant: Record<string, string> = { ward };
  const claim: Record<string, unknown> = {};
  for (const { column, index } of mapped.columns) {
    const cell = cells[index] ?? null;
    if (column.target === 'none' || text(cell) === '') continue;
    if (column.target === 'applicant') applicant[column.key] = column.type === 'date' ? toDate(cell) : column.type === 'citizen-id' ? toCitizenId(cell) : text(cell);
    else if (column.type === 'months') claim.months = toMonths(cell);
    else if (column.type === 'date') claim[column.key] = toDate(cell);
    else if (column.type === 'integer') claim[column.key] = toInteger(cell);
    else if (column.type === 'boolean') claim[column.key] = toBoolean(cell);
    else if (column.type === 'enum') {
      const wanted = normalizeHeader(text(cell));
      const labels = column.field?.valueLabels ?? {};
      claim[column.key] =
        column.field?.values?.find((value) => normalizeHeader(value) === wanted || normalizeHeader(labels[value]?.vi ?? '') === wanted || normalizeHeader(labels[value]?.en ?? '') === wanted) ?? text(cell);
    } else claim[column.key] = text(cell);
  }
  const errors: ImportReportEntry[] = [];
  // The rules of POST /applications, and its message keys: the report words them in the reader's language.
  const fail = (key: string, message: string, params?: MessageParams) =>
    errors.push({ row, column: mapped.columns.find((c) => c.column.key === key)?.column.vi ?? key, code: 'validation-failed', message, ...(params ? { params } : {}) });
  if (!/^(\d{9}|\d{12})$/.test(applicant.citizenId ?? '')) fail('citizenId', 'field.citizen-id');
  if (!applicant.fullName || applicant.fullName.length > 200) fail('fullName', 'claim.text', { max: 200 });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(applicant.dateOfBirth ?? '')) fail('dateOfBirth', 'field.date');
  if (!applicant.address || applicant.address.length > 500) fail('address', 'claim.text', { max: 500 });
  if (applicant.phone !== undefined && !/^\+?\d{8,15}$/.test(applicant.phone.replace(/[\s.]/g, ''))) fail('phone', 'field.phone');
  if (applicant.bankAccount !== undefined && applicant.bankAccount.length > 64) fail('bankAccount', 'field.length-max', { max: 64 });
  if (errors.length > 0) return { errors };
  if (applicant.phone) applicant.phone = applicant.phone.replace(/[\s.]/g, '');
  return { request: { applicant: applicant as unknown as Applicant, claim } };
};
