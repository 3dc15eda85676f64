import ExcelJS from 'exceljs';
import type { CategoryDefinition, ProgrammeDefinition, SupportImportRecorded } from '@lib/domain';
import type { ImportColumn } from './import-columns';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const XLSX_TYPE = XLSX;

const TYPE_HINTS: Record<ImportColumn['type'], string> = {
  text: 'chữ / text',
  date: 'ngày dd/mm/yyyy (hoặc ô ngày của Excel) / a date',
  integer: 'số nguyên / whole number',
  boolean: 'Có / Không (x = có) / yes or no',
  enum: 'một trong các giá trị / one of',
  'citizen-id': '9 hoặc 12 chữ số, nhập dạng chữ để giữ số 0 đầu / 9 or 12 digits, as text',
  months: 'mm/yyyy, cách nhau bởi dấu phẩy / months, comma-separated',
  ignored: 'không đọc / not read',
};

/**
 * The template officers fill in: a merged title and legal basis above the header row, as the
 * appendix forms have them, then one row per person. A second sheet explains every column.
 */
export const templateWorkbook = async (programme: ProgrammeDefinition, category: CategoryDefinition, columns: ImportColumn[]): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách');
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = `DANH SÁCH ĐỀ NGHỊ HỖ TRỢ: ${(category.label?.vi ?? category.title).toUpperCase()}`;
  sheet.getCell(1, 1).font = { bold: true, size: 13 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, columns.length);
  sheet.getCell(2, 1).value = `(Theo mẫu tại Phụ lục Quyết định số 15/2020/QĐ-TTg; ${category.legalBasis ?? programme.title})`;
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };
  const header = sheet.getRow(3);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.vi;
    cell.note = `${column.en}${column.required ? ' (required / bắt buộc)' : ''}`;
    cell.font = { bold: true };
    cell.border = { top: { style: 'thin' }, bottom: { style: 'thin' }, left: { style: 'thin' }, right: { style: 'thin' } };
    sheet.getColumn(index + 1).width = Math.max(8, Math.min(40, column.vi.length + 4));
    // ID numbers and months as text, so Excel keeps leading zeros and does not turn 04/2020 into a date.
    if (column.type === 'citizen-id' || column.type === 'months' || column.key === 'phone' || column.key === 'bankAccount') sheet.getColumn(index + 1).numFmt = '@';
  });
  const help = workbook.addWorksheet('Hướng dẫn - Guide');
  help.addRow(['Cột / Column', 'Khóa / Key', 'Bắt buộc / Required', 'Kiểu / Type', 'Giá trị / Values']).font = { bold: true };
  for (const column of columns) {
    help.addRow([`${column.vi} / ${column.en}`, column.key, column.required ? 'Có / yes' : 'Không / no', TYPE_HINTS[column.type], (column.field?.values ?? []).join(', ')]);
  }
  help.columns.forEach((column) => (column.width = 36));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};

/** The import's report: every row of the file by its number, refused ones with their cells and errors beside them. */
export const reportWorkbook = async (record: SupportImportRecorded['data']): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Báo cáo - Report');
  sheet.addRow([`Nhập dữ liệu / Import ${record.fileName}`, `${record.rows} dòng / rows`, `${record.accepted} nhận / accepted`, `${record.refused} từ chối / refused`]).font = { bold: true };
  const header = sheet.addRow(['Dòng / Row', 'Kết quả / Result', 'Lỗi / Errors', 'Mã hồ sơ / Application', ...record.columns]);
  header.font = { bold: true };
  const errors = new Map<number, string[]>();
  for (const entry of record.report) errors.set(entry.row, [...(errors.get(entry.row) ?? []), `${entry.column ? `[${entry.column}] ` : ''}${entry.message}`]);
  const lines = [
    ...record.refusedRows.map(({ row, values }) => ({ row, cells: [row, 'Từ chối / refused', (errors.get(row) ?? []).join('\n'), '', ...values] })),
    ...record.acceptedRows.map(({ row, applicationId }) => ({ row, cells: [row, 'Đã nhận / accepted', '', applicationId] })),
  ].sort((a, b) => a.row - b.row);
  for (const line of lines) {
    const added = sheet.addRow(line.cells);
    if (line.cells[1] !== 'Đã nhận / accepted') added.getCell(3).font = { color: { argb: 'FFC00000' } };
    added.getCell(3).alignment = { wrapText: true, vertical: 'top' };
  }
  sheet.getColumn(3).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
