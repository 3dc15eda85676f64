import type { Category, ClaimField } from '../../api/types';

/** The months of a programme window: `{ from: '2020-04', to: '2020-06' }` → 2020-04, 2020-05, 2020-06. */
export const monthsOf = (window: { from: string; to: string } | undefined): string[] => {
  if (!window) return [];
  const months: string[] = [];
  let [year, month] = window.from.split('-').map(Number);
  const [toYear, toMonth] = window.to.split('-').map(Number);
  while (year < toYear || (year === toYear && month <= toMonth)) {
    months.push(`${year}-${String(month).padStart(2, '0')}`);
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
  return months;
};

/** Typed input to the JSON the API expects for one claim field; bad input is left for the API to name. */
const claimValue = (field: ClaimField, raw: string): unknown => {
  if (raw === '') return undefined;
  if (field.type === 'integer') return /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
  if (field.type === 'boolean') return raw === 'true';
  return raw;
};

/** The claim as the API takes it: the months (sorted) and the category's fields that were filled. */
export const claimBody = (category: Category, months: string[], claim: Record<string, string>): Record<string, unknown> => {
  const body: Record<string, unknown> = {};
  if (months.length > 0 || category.payment === 'monthly') body.months = [...months].sort();
  for (const field of category.claimFields) {
    const typed = claimValue(field, claim[field.name] ?? '');
    if (typed !== undefined) body[field.name] = typed;
  }
  return body;
};

/** Applicant fields with surrounding spaces trimmed and empty ones left out. */
export const applicantBody = (applicant: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(applicant).map(([key, value]) => [key, value.trim()]).filter(([, value]) => value !== ''));
