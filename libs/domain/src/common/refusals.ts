/**
 * The refusals the law adds, each with a stable code and its words in Vietnamese and English,
 * kept in one place so that problem+json can answer in the officer's language.
 */
export const REFUSALS = {
  'received-on-invalid': {
    vi: 'Ngày tiếp nhận hồ sơ phải là một ngày có thật, dạng YYYY-MM-DD.',
    en: 'The day the dossier was received must be a real date, YYYY-MM-DD.',
  },
  'received-in-future': {
    vi: 'Ngày tiếp nhận hồ sơ không được sau ngày hôm nay.',
    en: 'The day the dossier was received cannot be after today.',
  },
  'outside-filing-period': {
    vi: 'Ngày tiếp nhận hồ sơ nằm ngoài thời hạn tiếp nhận của chương trình.',
    en: 'The dossier was received outside the programme\'s filing period.',
  },
  'intake-not-granting': {
    vi: 'Cán bộ đã tiếp nhận hoặc niêm yết hồ sơ không được phê duyệt, quyết định hoặc chi trả hồ sơ đó.',
    en: 'The officer who took in or posted an application may not approve, decide or pay it.',
  },
  'lower-support-refused': {
    vi: 'Người này đã được hưởng mức hỗ trợ bằng hoặc cao hơn; mỗi người chỉ được hưởng một chính sách hỗ trợ cao nhất.',
    en: 'This person already holds an equal or higher support; a person receives one support only, the highest.',
  },
} as const satisfies Record<string, { vi: string; en: string }>;

export type RefusalCode = keyof typeof REFUSALS;

/** A field error carrying its code and both languages. */
export const refusal = (field: string, code: RefusalCode) => ({ field, message: REFUSALS[code].en, code, label: REFUSALS[code] });
