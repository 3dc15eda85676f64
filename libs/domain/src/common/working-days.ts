/**
 * Legal time limits in QĐ 15 are counted in working days (ngày làm việc): Monday to Friday,
 * less the public holidays the programme's calendar lists. Pure date arithmetic on given dates.
 */
export interface WorkingCalendar {
  /** ISO dates 'YYYY-MM-DD' that are days off although they fall Monday to Friday. */
  readonly holidays: readonly string[];
  /** Minutes east of UTC of the programme's legal time (Vietnam: 420). */
  readonly utcOffsetMinutes: number;
}

const DAY_MS = 86_400_000;

/** The calendar date, in the programme's legal time zone, of an ISO timestamp. */
export const localDate = (timestamp: string, calendar: WorkingCalendar): string =>
  new Date(new Date(timestamp).getTime() + calendar.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);

export const isWorkingDay = (date: string, calendar: WorkingCalendar): boolean => {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !calendar.holidays.includes(date);
};

const nextDate = (date: string): string =>
  new Date(new Date(`${date}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export const workingDaysBetween = (from: string, to: string, calendar: WorkingCalendar): number => {
  let count = 0;
  for (let day = nextDate(from); day <= to; day = nextDate(day)) {
    if (isWorkingDay(day, calendar)) count += 1;
  }
  return count;
};

/** Working days from `from` to `to`, both counted: how long a list stayed posted. */
export const workingDaysSpanned = (from: string, to: string, calendar: WorkingCalendar): number =>
  (from <= to && isWorkingDay(from, calendar) ? 1 : 0) + workingDaysBetween(from, to, calendar);

/** The date on which a limit of `days` working days counted from `from` runs out. */
export const addWorkingDays = (from: string, days: number, calendar: WorkingCalendar): string => {
  let day = from;
  for (let left = days; left > 0; ) {
    day = nextDate(day);
    if (isWorkingDay(day, calendar)) left -= 1;
  }
  return day;
};
