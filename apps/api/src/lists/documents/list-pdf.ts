import PDFDocument from 'pdfkit';
import { formatAmount } from './amount-in-words';
import type { ListDocument } from './list-document';

/** DejaVu Sans has every Vietnamese glyph; it is embedded (subset) from the npm package, never fetched. */
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');
const FONT_ITALIC = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf');

const MARGIN = 36;
const CELL_PADDING = 3;

/** The list as a printable A4 landscape PDF in Vietnamese, the table's header repeated on each page. */
export const listPdf = (document: ListDocument): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margin: MARGIN, info: { Title: document.title, Subject: document.subtitle } });
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.registerFont('regular', FONT);
    doc.registerFont('bold', FONT_BOLD);
    doc.registerFont('italic', FONT_ITALIC);

    const left = MARGIN;
    const width = doc.page.width - 2 * MARGIN;
    const bottom = doc.page.height - MARGIN;
    const shares = document.columns.reduce((sum, column) => sum + column.width, 0);
    const widths = document.columns.map((column) => (column.width / shares) * width);

    // The authority on the left, the national motto on the right.
    const top = doc.y;
    doc.font('bold').fontSize(10).text(document.authority, left, top, { width: width * 0.4, align: 'center' });
    doc.font('bold').text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', left + width * 0.45, top, { width: width * 0.55, align: 'center' });
    doc.font('bold').text('Độc lập - Tự do - Hạnh phúc', left + width * 0.45, doc.y, { width: width * 0.55, align: 'center', underline: true });
    doc.moveDown(1.2);
    doc.font('bold').fontSize(14).text(document.title, left, doc.y, { width, align: 'center' });
    doc.font('italic').fontSize(10).text(document.subtitle, { width, align: 'center' });
    doc.moveDown(0.4);
    for (const basis of document.legalBasis) doc.font('italic').fontSize(9).text(basis, left, doc.y, { width });
    doc.moveDown(0.6);

    const rowHeight = (cells: string[], font: string, size: number) => {
      doc.font(font).fontSize(size);
      return Math.max(...cells.map((cell, index) => doc.heightOfString(cell || ' ', { width: widths[index] - 2 * CELL_PADDING }))) + 2 * CELL_PADDING;
    };
    const drawRow = (cells: string[], font: string, size: number, header = false) => {
      let height = rowHeight(cells, font, size);
      if (doc.y + height > bottom) {
        doc.addPage();
        if (!header) drawRow(document.columns.map((column) => column.title), 'bold', 9, true);
        height = rowHeight(cells, font, size);
      }
      const y = doc.y;
      let x = left;
      cells.forEach((cell, index) => {
        doc.rect(x, y, widths[index], height).stroke();
        doc.font(font).fontSize(size).text(cell, x + CELL_PADDING, y + CELL_PADDING, { width: widths[index] - 2 * CELL_PADDING, align: header ? 'center' : document.columns[index].align });
        x += widths[index];
      });
      doc.x = left;
      doc.y = y + height;
    };

    doc.lineWidth(0.5);
    drawRow(document.columns.map((column) => column.title), 'bold', 9, true);
    for (const cells of document.rows) drawRow(cells, 'regular', 9);
    const totals = document.columns.map(() => '');
    totals[1] = `Tổng cộng: ${document.totalCount} người`;
    totals[document.amountColumn] = formatAmount(document.totalAmount);
    drawRow(totals, 'bold', 9);

    if (doc.y + 150 > bottom) doc.addPage();
    doc.moveDown(0.6);
    doc.font('bold').fontSize(10).text(`Tổng số tiền: ${formatAmount(document.totalAmount)} đồng.`, left, doc.y, { width });
    doc.font('bold').text(`Bằng chữ: ${document.totalInWords}.`, left, doc.y, { width });
    doc.moveDown(0.8);
    doc.font('italic').fontSize(10).text('......, ngày ..... tháng ..... năm .......', left + width * 0.6, doc.y, { width: width * 0.4, align: 'center' });
    doc.moveDown(0.4);
    const blockWidth = width / document.signatures.length;
    const signaturesTop = doc.y;
    document.signatures.forEach((signature, index) => {
      doc.font('bold').fontSize(10).text(signature.title, left + index * blockWidth, signaturesTop, { width: blockWidth, align: 'center' });
      doc.font('italic').fontSize(9).text(signature.hint, left + index * blockWidth, doc.y, { width: blockWidth, align: 'center' });
    });
    doc.end();
  });
