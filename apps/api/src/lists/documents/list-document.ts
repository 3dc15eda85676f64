import type { ActiveSupportList, ProgrammeDefinition } from '@lib/domain';
import { findCategory } from '@lib/domain';
import type { ApplicationOverviewRow } from '@lib/projections';
import { amountInWords, formatAmount } from './amount-in-words';

export interface DocumentColumn {
  title: string;
  /** Share of the printable width. */
  width: number;
  align: 'left' | 'right' | 'center';
}

/** A list as officers sign it, ready to be laid out as XLSX or PDF. */
export interface ListDocument {
  fileName: string;
  authority: string;
  title: string;
  subtitle: string;
  legalBasis: string[];
  columns: DocumentColumn[];
  rows: string[][];
  /** Raw amounts of the rows, for the spreadsheet's number cells. */
  amounts: number[];
  amountColumn: number;
  totalCount: number;
  totalAmount: number;
  totalInWords: string;
  signatures: { title: string; hint: string }[];
}

const STEP_TITLES: Record<string, string> = {
  'village-review': 'DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ HỖ TRỢ (QUA RÀ SOÁT Ở THÔN, TỔ DÂN PHỐ)',
  'public-posting': 'DANH SÁCH NIÊM YẾT CÔNG KHAI ĐỐI TƯỢNG ĐỀ NGHỊ HỖ TRỢ',
  'ward-approval': 'DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ HỖ TRỢ',
  'district-appraisal': 'DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ HỖ TRỢ ĐÃ THẨM ĐỊNH',
  'social-insurance-confirmation': 'DANH SÁCH NGƯỜI LAO ĐỘNG ĐÃ XÁC NHẬN THAM GIA BẢO HIỂM XÃ HỘI',
  'provincial-decision': 'DANH SÁCH ĐỐI TƯỢNG ĐƯỢC HỖ TRỢ',
};

const date = (iso: string) => (/^\d{4}-\d{2}-\d{2}/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso);
const month = (ym: string) => `${ym.slice(5, 7)}/${ym.slice(0, 4)}`;
const amountOf = (row: ApplicationOverviewRow) => (row.approvedAmount > 0 ? row.approvedAmount - row.paidAmount : row.claimedAmount);

const LEGAL_BASIS = [
  'Căn cứ Nghị quyết số 42/NQ-CP ngày 09/4/2020 của Chính phủ về các biện pháp hỗ trợ người dân gặp khó khăn do đại dịch COVID-19;',
  'Căn cứ Quyết định số 15/2020/QĐ-TTg ngày 24/4/2020 của Thủ tướng Chính phủ quy định về việc thực hiện các chính sách hỗ trợ người dân gặp khó khăn do đại dịch COVID-19.',
];

const signaturesFor = (step: string) => [
  { title: 'Người lập biểu', hint: '(Ký, ghi rõ họ tên)' },
  { title: 'Kế toán', hint: '(Ký, ghi rõ họ tên)' },
  { title: step === 'provincial-decision' ? 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH' : step === 'district-appraisal' ? 'Thủ trưởng đơn vị' : 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', hint: '(Ký, ghi rõ họ tên, đóng dấu)' },
];

/**
 * The list (or the payment list, danh sách chi trả, with its signature column) in the layout of
 * QĐ 15's appendix: the authority and the national motto, the title, the legal basis, one row
 * per person, totals in figures and in words, and the signature blocks.
 */
export const listDocument = (list: ActiveSupportList, rows: ApplicationOverviewRow[], programme: ProgrammeDefinition | undefined, kind: 'list' | 'payment'): ListDocument => {
  const category = programme && findCategory(programme, list.category);
  const categoryName = category?.label?.vi ?? category?.title ?? `nhóm ${list.category}`;
  const excluded = new Map(list.excluded.map((exclusion) => [exclusion.applicationId, exclusion.reason]));
  const printed = kind === 'payment' ? rows.filter((row) => !excluded.has(row.applicationId)) : rows;
  const amounts = printed.map((row) => (excluded.has(row.applicationId) ? 0 : amountOf(row)));
  const totalAmount = amounts.reduce((sum, amount) => sum + amount, 0);
  const decision = list.decisionNo ? ` (Kèm theo Quyết định số ${list.decisionNo})` : '';
  const columns: DocumentColumn[] =
    kind === 'list'
      ? [
          { title: 'STT', width: 4, align: 'center' },
          { title: 'Họ và tên', width: 17, align: 'left' },
          { title: 'Ngày sinh', width: 9, align: 'center' },
          { title: 'Số CMND/CCCD', width: 11, align: 'center' },
          { title: 'Nơi ở hiện tại', width: 20, align: 'left' },
          { title: 'Tháng hỗ trợ', width: 12, align: 'center' },
          { title: 'Số tiền (đồng)', width: 11, align: 'right' },
          { title: 'Ghi chú', width: 16, align: 'left' },
        ]
      : [
          { title: 'STT', width: 4, align: 'center' },
          { title: 'Họ và tên', width: 19, align: 'left' },
          { title: 'Số CMND/CCCD', width: 12, align: 'center' },
          { title: 'Nơi ở hiện tại', width: 22, align: 'left' },
          { title: 'Số tiền (đồng)', width: 12, align: 'right' },
          { title: 'Ký nhận', width: 16, align: 'center' },
          { title: 'Ghi chú', width: 15, align: 'left' },
        ];
  const tableRows = printed.map((row, index) => {
    const months = (row.approvedMonths ?? row.claim.months ?? []).map(month).join(', ');
    const note = excluded.has(row.applicationId) ? `Không hỗ trợ: ${excluded.get(row.applicationId)}` : '';
    return kind === 'list'
      ? [String(index + 1), row.applicant.fullName, date(row.applicant.dateOfBirth), row.applicant.citizenId, row.applicant.address, months, formatAmount(amounts[index]), note]
      : [String(index + 1), row.applicant.fullName, row.applicant.citizenId, row.applicant.address, formatAmount(amounts[index]), '', ''];
  });
  return {
    fileName: `${kind === 'list' ? 'danh-sach' : 'danh-sach-chi-tra'}-${list.ward}-${list.listId.slice(0, 8)}`,
    authority: kind === 'payment' ? `ỦY BAN NHÂN DÂN XÃ/PHƯỜNG ${list.ward}` : list.step === 'provincial-decision' ? 'ỦY BAN NHÂN DÂN TỈNH' : `ỦY BAN NHÂN DÂN ${list.step === 'district-appraisal' ? 'HUYỆN' : 'XÃ/PHƯỜNG'} ${list.ward}`,
    title: kind === 'payment' ? 'DANH SÁCH CHI TRẢ TIỀN HỖ TRỢ' : (STEP_TITLES[list.step] ?? 'DANH SÁCH ĐỐI TƯỢNG ĐỀ NGHỊ HỖ TRỢ'),
    subtitle: `${categoryName} — ${list.ward}${decision}`,
    legalBasis: LEGAL_BASIS,
    columns,
    rows: tableRows,
    amounts,
    amountColumn: kind === 'list' ? 6 : 4,
    totalCount: printed.length - (kind === 'list' ? list.excluded.length : 0),
    totalAmount,
    totalInWords: amountInWords(totalAmount),
    signatures: kind === 'payment' ? [{ title: 'Người lập biểu', hint: '(Ký, ghi rõ họ tên)' }, { title: 'Kế toán', hint: '(Ký, ghi rõ họ tên)' }, { title: 'Thủ trưởng đơn vị', hint: '(Ký, ghi rõ họ tên, đóng dấu)' }] : signaturesFor(list.step),
  };
};
