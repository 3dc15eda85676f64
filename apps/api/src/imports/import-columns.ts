import type { CategoryDefinition, ClaimFieldDefinition } from '@lib/domain';

export type ColumnType = 'text' | 'date' | 'integer' | 'boolean' | 'enum' | 'citizen-id' | 'months' | 'ignored';

/** One column of an import template: where its value goes, its words in Vietnamese and English. */
export interface ImportColumn {
  key: string;
  vi: string;
  en: string;
  type: ColumnType;
  required: boolean;
  target: 'applicant' | 'claim' | 'none';
  field?: ClaimFieldDefinition;
}

/**
 * The columns of QĐ 15's appendix lists (danh sách đề nghị hỗ trợ): the person's columns every
 * form has (STT, họ và tên, ngày sinh, số CMND/CCCD, nơi ở), the months asked for, then the
 * category's own columns, which the programme definition names (its claim fields and their
 * Vietnamese labels). docs/LISTS.md lists them per category.
 */
export const importColumns = (category: CategoryDefinition): ImportColumn[] => [
  { key: 'stt', vi: 'STT', en: 'No.', type: 'ignored', required: false, target: 'none' },
  { key: 'fullName', vi: 'Họ và tên', en: 'Full name', type: 'text', required: true, target: 'applicant' },
  { key: 'dateOfBirth', vi: 'Ngày, tháng, năm sinh', en: 'Date of birth', type: 'date', required: true, target: 'applicant' },
  { key: 'citizenId', vi: 'Số CMND/CCCD', en: 'ID card number (CMND 9 or CCCD 12 digits)', type: 'citizen-id', required: true, target: 'applicant' },
  { key: 'address', vi: 'Nơi ở hiện tại', en: 'Current address', type: 'text', required: true, target: 'applicant' },
  { key: 'phone', vi: 'Số điện thoại', en: 'Phone', type: 'text', required: false, target: 'applicant' },
  { key: 'bankAccount', vi: 'Số tài khoản ngân hàng', en: 'Bank account', type: 'text', required: false, target: 'applicant' },
  { key: 'months', vi: 'Tháng đề nghị hỗ trợ', en: 'Months asked for (mm/yyyy, comma-separated)', type: 'months', required: true, target: 'claim' },
  ...category.claimFields.map(
    (field): ImportColumn => ({
      key: field.name,
      vi: field.label?.vi ?? field.name,
      en: field.label?.en ?? field.name,
      type: field.type === 'string' ? 'text' : field.type,
      required: field.required,
      target: 'claim',
      field,
    }),
  ),
];

/** Header text compared without case, diacritics, composition (NFC/NFD) or punctuation. */
export const normalizeHeader = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
