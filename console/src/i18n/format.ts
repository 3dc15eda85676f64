/**
 * How the console writes dates, months and money, the same in both languages: dates dd/mm/yyyy,
 * months mm/yyyy, times in Vietnam's time zone (the programme's legal time), money in đồng.
 */
const VN_PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const partsOf = (instant: Date): Record<string, string> => Object.fromEntries(VN_PARTS.formatToParts(instant).map((part) => [part.type, part.value]));

/** `2020-05-18T02:15:00Z` → `18/05/2020 09:15:00` (Vietnam time). */
export const formatTime = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const parts = partsOf(new Date(iso));
  return `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}:${parts.second}`;
};

/** A calendar day `2020-05-18` → `18/05/2020`; an instant → its day in Vietnam. */
export const formatDate = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (day) return `${day[3]}/${day[2]}/${day[1]}`;
  const parts = partsOf(new Date(iso));
  return `${parts.day}/${parts.month}/${parts.year}`;
};

/** `2020-04` → `04/2020`. */
export const formatMonth = (month: string): string => {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  return match ? `${match[2]}/${match[1]}` : month;
};

export const formatMonths = (months: readonly string[] | null | undefined): string => (months && months.length > 0 ? months.map(formatMonth).join(', ') : '—');

const MONEY = new Intl.NumberFormat('vi-VN');

export const formatMoney = (amount: number | null | undefined): string => (amount === null || amount === undefined ? '—' : `${MONEY.format(amount)} ₫`);
