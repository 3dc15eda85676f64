import type { MessageParams } from '@lib/domain';
import { BadRequestException, HttpException } from '@nestjs/common';
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/** An upload that is neither XLSX nor CSV: 415 unsupported-file. */
export class UnsupportedFile extends HttpException {
  constructor(key: string) {
    super({ key, code: 'unsupported-file' }, 415);
  }
}

const unreadable = (key: string, params?: MessageParams) => new BadRequestException({ key, params, code: 'validation-failed', errors: [{ field: 'file', message: key, params }] });

/** What the archive may expand to: a real 10,000-row sheet is a few megabytes. */
const MAX_EXPANDED_BYTES = 100 * 1024 * 1024;
const MAX_RATIO = 200;

/**
 * Zip bombs are refused from the archive's own central directory, before anything is inflated:
 * the sizes each entry declares, in total and against its compressed size. (An entry that lies
 * about its size fails the CRC check of the unzipper instead.)
 */
export const checkArchive = (buffer: Buffer): void => {
  const end = buffer.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > buffer.length) throw unreadable('file.zip-missing');
  const entries = buffer.readUInt16LE(end + 10);
  let offset = buffer.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < entries; i += 1) {
    if (offset + 46 > buffer.length || buffer.readUInt32LE(offset) !== 0x02014b50) throw unreadable('file.zip-unreadable');
    const compressed = buffer.readUInt32LE(offset + 20);
    const expanded = buffer.readUInt32LE(offset + 24);
    total += expanded;
    if (total > MAX_EXPANDED_BYTES || (expanded > 1024 * 1024 && expanded > compressed * MAX_RATIO)) {
      throw unreadable('file.zip-bomb');
    }
    offset += 46 + buffer.readUInt16LE(offset + 28) + buffer.readUInt16LE(offset + 30) + buffer.readUInt16LE(offset + 32);
  }
};

const isZip = (buffer: Buffer) => buffer.length >= 4 && buffer.readUInt32LE(0) === 0x04034b50;
const isOle = (buffer: Buffer) => buffer.length >= 8 && buffer.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));

/** A cell as the office typed it: text kept as text (leading zeros), numbers and dates as values. */
export type Cell = string | number | Date | boolean | null;

const cellOf = (value: ExcelJS.CellValue): Cell => {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    // Formulas give their last computed result; rich text and hyperlinks their text.
    if ('result' in value) return cellOf((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ('richText' in value) return value.richText.map((run) => run.text).join('');
    if ('text' in value) return cellOf((value as { text: ExcelJS.CellValue }).text);
    if ('error' in value) return null;
  }
  return null;
};

export interface Sheet {
  /** Rows as Excel numbers them (1-based), each with its cells from column A. */
  rows: { row: number; cells: Cell[] }[];
}

const blank = (cells: Cell[]) => cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));

const fromWorksheet = (worksheet: ExcelJS.Worksheet | undefined, maxRows: number): Sheet => {
  if (!worksheet) throw unreadable('file.no-worksheet');
  const rows: Sheet['rows'] = [];
  // Header rows and blank rows do not count; a few over the limit are allowed for them.
  if (worksheet.actualRowCount > maxRows + 50) throw unreadable('file.too-many-rows', { rows: worksheet.actualRowCount, max: maxRows });
  worksheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cells[column - 1] = cellOf(cell.value);
    });
    for (let i = 0; i < cells.length; i += 1) if (cells[i] === undefined) cells[i] = null;
    if (!blank(cells)) rows.push({ row: number, cells });
  });
  return { rows };
};

/** CSV exports from Excel use a comma or, in Vietnamese locales, a semicolon. */
const delimiterOf = (text: string) => {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) > (first.match(/,/g)?.length ?? 0) ? ';' : ',';
};

/**
 * Reads an uploaded spreadsheet with exceljs: XLSX (after the zip-bomb check) or CSV (UTF-8,
 * with or without a byte-order mark). Anything else is 415; a damaged file is 400.
 */
export const readSpreadsheet = async (buffer: Buffer, maxRows: number): Promise<Sheet> => {
  if (buffer.length === 0) throw unreadable('file.empty');
  const workbook = new ExcelJS.Workbook();
  if (isZip(buffer)) {
    checkArchive(buffer);
    try {
      await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    } catch (error) {
      throw unreadable('file.xlsx-unreadable');
    }
    return fromWorksheet(workbook.worksheets[0], maxRows);
  }
  if (isOle(buffer)) throw new UnsupportedFile('file.old-excel');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
  } catch {
    throw new UnsupportedFile('file.not-xlsx-or-utf8-csv');
  }
  if (text.includes('\u0000')) throw new UnsupportedFile('file.not-xlsx-or-csv');
  const lines = text.split(/\r?\n/).length;
  if (lines > maxRows + 50) throw unreadable('file.too-many-rows', { rows: lines, max: maxRows });
  try {
    // Every CSV value stays text: leading zeros of ID numbers and dates as typed are kept.
    const worksheet = await workbook.csv.read(Readable.from([text]), { map: (value: unknown) => value, parserOptions: { delimiter: delimiterOf(text) } } as never);
    return fromWorksheet(worksheet, maxRows);
  } catch (error) {
    if (error instanceof HttpException) throw error;
    throw unreadable('file.csv-unreadable');
  }
};
