/**
 * Keys under which two records of one person meet. Officers type IDs, phones and account
 * numbers from paper, phones and spreadsheets: full-width digits (０９１２…), spaces, dots and
 * dashes must not make one number two. Names compare without diacritics, case or spacing, so
 * "nguyen  van NAM" meets "Nguyễn Văn Nam".
 */

/** NFKC folds full-width and other compatibility forms of digits and letters into ASCII ones. */
export const compatible = (value: string): string => value.normalize('NFKC');

/** A citizen ID as digits only (CMND 9, CCCD 12); null when nothing is left. */
export const citizenIdKey = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const digits = compatible(value).replace(/[\s.\-]/g, '');
  return digits.length > 0 ? digits : null;
};

/** A phone or bank account as its digits; +84 becomes the domestic 0. Too short to mean anything: null. */
export const digitsKey = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  const digits = compatible(value).replace(/\D/g, '').replace(/^84(?=\d{9}$)/, '0');
  return digits.length >= 6 ? digits : null;
};

const foldText = (value: string): string | null => {
  const key = compatible(value).normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return key.length > 0 ? key : null;
};
/**
 * The recent texts' keys: each projection keys the same names and addresses again (the applicant
 * index, the fraud facts, F13's addresses), and two normalisations and four replacements were
 * 2.5% of a catch-up's CPU. Bounded: emptied when full.
 */
const recentTextKeys = new Map<string, string | null>();

/** Text without diacritics (đ as d), case, punctuation or repeated spaces. */
export const textKey = (value: unknown): string | null => {
  if (typeof value !== 'string') return null;
  let key = recentTextKeys.get(value);
  if (key === undefined) {
    key = foldText(value);
    if (recentTextKeys.size >= 20_000) recentTextKeys.clear();
    // Long texts are not kept: a memo of them would hold their memory for nothing.
    if (value.length <= 256) recentTextKeys.set(value, key);
  }
  return key;
};

/** A name as it is compared: the text key without any spaces ("Nguyễn Văn Nam" → "nguyenvannam"). */
export const nameKey = (value: unknown): string | null => textKey(value)?.replace(/ /g, '') ?? null;

/** The two documents of 2020: a 9-digit CMND and a 12-digit CCCD. */
export const documentKind = (citizenId: string): 'cmnd' | 'cccd' | 'other' =>
  /^\d{9}$/.test(citizenId) ? 'cmnd' : /^\d{12}$/.test(citizenId) ? 'cccd' : 'other';

/**
 * Words that name a village, hamlet or residential group rather than a house: an address such
 * as "Thôn 3, xã Tân Lập" is shared by a whole village, so it clusters no one (F13).
 */
const AREA_WORDS = ['thon', 'ap', 'xom', 'ban', 'buon', 'plei', 'khom', 'khoi', 'khu', 'khu pho', 'to', 'to dan pho', 'tdp', 'kp', 'doi', 'lang', 'xa', 'phuong', 'quan', 'huyen', 'tinh', 'tp', 'thi tran'];
const AREA_NUMBER = new RegExp(`\\b(?:${AREA_WORDS.sort((a, b) => b.length - a.length).join('|')}) \\d+[a-z]?\\b`, 'g');

/**
 * Whether an address names a dwelling: a house number ("Số 12", "12 Lê Lợi", "12/3", "phòng 4")
 * remains once the numbers of villages, groups and administrative units are taken out.
 */
export const hasHouseNumber = (address: unknown): boolean => {
  const key = textKey(address);
  if (!key) return false;
  return /(?:^| )\d/.test(key.replace(AREA_NUMBER, ' '));
};
