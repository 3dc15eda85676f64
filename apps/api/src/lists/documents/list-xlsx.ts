import ExcelJS from 'exceljs';
import { formatAmount } from './amount-in-words';
import type { ListDocument } from './list-document';

const thin = { style: 'thin' as const };
const BORDER = { top: thin, bottom: thin, left: thin, right: thin };

/** The list as a spreadsheet the office can print or keep working in: amounts stay numbers. */
export const listXlsx = async (document: ListDocument): Promise<Buffer> => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Danh sách', { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  const width = document.columns.length;
  const line = (text: string, options: { bold?: boolean; size?: number; italic?: boolean } = {}) => {
    const row = sheet.addRow([text]);
    sheet.mergeCells(row.number, 1, row.number, width);
    row.getCell(1).font = { bold: options.bold, italic: options.italic, size: options.size ?? 11 };
    row.getCell(1).alignment = { horizontal: 'center', wrapText: true };
  };
  const top = sheet.addRow([document.authority]);
  top.getCell(1).font = { bold: true };
  sheet.mergeCells(top.number, 1, top.number, 3);
  top.getCell(4).value = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc';
  top.getCell(4).font = { bold: true };
  top.getCell(4).alignment = { horizontal: 'center', wrapText: true };
  sheet.mergeCells(top.number, 4, top.number, width);
  top.height = 32;
  sheet.addRow([]);
  line(document.title, { bold: true, size: 14 });
  line(document.subtitle, { italic: true });
  for (const basis of document.legalBasis) line(basis, { italic: true, size: 10 });
  sheet.addRow([]);
  const header = sheet.addRow(document.columns.map((column) => column.title));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  document.rows.forEach((cells, index) => {
    const values: (string | number)[] = [...cells];
    values[document.amountColumn] = document.amounts[index];
    values[0] = index + 1;
    const row = sheet.addRow(values);
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.border = BORDER;
      cell.alignment = { horizontal: document.columns[column - 1]?.align ?? 'left', vertical: 'top', wrapText: true };
    });
    row.getCell(document.amountColumn + 1).numFmt = '#,##0';
  });
  const total = sheet.addRow([]);
  total.getCell(2).value = `Tổng cộng: ${document.totalCount} người`;
  total.getCell(document.amountColumn + 1).value = document.totalAmount;
  total.getCell(document.amountColumn + 1).numFmt = '#,##0';
  total.font = { bold: true };
  line(`Tổng số tiền: ${formatAmount(document.totalAmount)} đồng. Bằng chữ: ${document.totalInWords}.`, { bold: true });
  sheet.addRow([]);
  sheet.addRow(['', '', '', '', '', '......, ngày ..... tháng ..... năm .......']);
  const signatureColumns = [2, Math.ceil(width / 2), width - 1];
  const titles = sheet.addRow([]);
  const hints = sheet.addRow([]);
  document.signatures.forEach((signature, index) => {
    titles.getCell(signatureColumns[index]).value = signature.title;
    titles.getCell(signatureColumns[index]).font = { bold: true };
    titles.getCell(signatureColumns[index]).alignment = { horizontal: 'center', wrapText: true };
    hints.getCell(signatureColumns[index]).value = signature.hint;
    hints.getCell(signatureColumns[index]).font = { italic: true };
    hints.getCell(signatureColumns[index]).alignment = { horizontal: 'center' };
  });
  titles.height = 32;
  const total100 = document.columns.reduce((sum, column) => sum + column.width, 0);
  document.columns.forEach((column, index) => (sheet.getColumn(index + 1).width = Math.round((column.width / total100) * 160)));
  return Buffer.from(await workbook.xlsx.writeBuffer());
};
