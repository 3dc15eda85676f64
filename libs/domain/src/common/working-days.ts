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

/**
 * Dates as day numbers (days since 1970-01-01, a Thursday): the weekday is arithmetic and the
 * next day is +1, with no Date or string made per day walked. The projector walks these
 * calendars for every step of every application it folds (overdue steps, F-rule deadlines).
 */
const parsedDay = (date: string): number => {
  const time = Date.parse(`${date}T00:00:00Z`);
  return time / DAY_MS;
};
/** Refuses what is not a date, as the Date arithmetic did (RangeError). */
const dayNumber = (date: string): number => {
  const day = parsedDay(date);
  if (!Number.isInteger(day)) throw new RangeError(`not a date: ${date}`);
  return day;
};
const dateOf = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);
const weekend = (day: number): boolean => {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return weekday === 0 || weekday === 6;
};

/** Each calendar's holidays as day numbers, made once per calendar object. */
const holidayDays = new WeakMap<WorkingCalendar, ReadonlySet<number>>();
const holidaysOf = (calendar: WorkingCalendar): ReadonlySet<number> => {
  let days = holidayDays.get(calendar);
  if (!days) {
    days = new Set(calendar.holidays.map(parsedDay));
    holidayDays.set(calendar, days);
  }
  return days;
};

const isWorkingDayNumber = (day: number, holidays: ReadonlySet<number>): boolean => !weekend(day) && !holidays.has(day);

/** A UTC timestamp as the log and PostgreSQL write it; anything else takes Date's way. */
const ZULU = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d{1,3})?)?Z$/;
/** 'YYYY-MM-DD|days later' → the date; few dates occur, so kept (bounded, in case they do not). */
const shiftedDates = new Map<string, string>();

/**
 * The calendar date, in the programme's legal time zone, of an ISO timestamp. The projector asks
 * this for every step of every application it folds (3% of a catch-up's CPU with a Date parsed
 * and printed each time); a UTC timestamp's local date depends only on its date, hour and minute.
 */
export const localDate = (timestamp: string, calendar: WorkingCalendar): string => {
  const zulu = Number.isInteger(calendar.utcOffsetMinutes) ? ZULU.exec(timestamp) : null;
  if (!zulu) return new Date(Date.parse(timestamp) + calendar.utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
  const shift = Math.floor((Number(zulu[2]) * 60 + Number(zulu[3]) + calendar.utcOffsetMinutes) / 1440);
  const shifted = `${zulu[1]}|${shift}`;
  let date = shiftedDates.get(shifted);
  if (date === undefined) {
    // Date's own reading of the date (it rolls 02-30 over into March), so both ways agree on every input.
    date = dateOf(dayNumber(zulu[1]) + shift);
    if (shiftedDates.size >= 10_000) shiftedDates.clear();
    shiftedDates.set(shifted, date);
  }
  return date;
};

export const isWorkingDay = (date: string, calendar: WorkingCalendar): boolean => isWorkingDayNumber(dayNumber(date), holidaysOf(calendar));

/** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
export const workingDaysBetween = (from: string, to: string, calendar: WorkingCalendar): number => {
  const holidays = holidaysOf(calendar);
  const last = dayNumber(to);
  let count = 0;
  for (let day = dayNumber(from) + 1; day <= last; day += 1) {
    if (isWorkingDayNumber(day, holidays)) count += 1;
  }
  return count;
};

/** Working days from `from` to `to`, both counted: how long a list stayed posted. */
export const workingDaysSpanned = (from: string, to: string, calendar: WorkingCalendar): number =>
  (from <= to && isWorkingDay(from, calendar) ? 1 : 0) + workingDaysBetween(from, to, calendar);

/**
 * Each calendar's deadlines already worked out, by 'from|days': the projector works out one for
 * every step of every application it folds (overdue steps, F16), from a few hundred dates and
 * a handful of limits. Bounded: emptied when full.
 */
const deadlines = new WeakMap<WorkingCalendar, Map<string, string>>();

/** The date on which a limit of `days` working days counted from `from` runs out. */
export const addWorkingDays = (from: string, days: number, calendar: WorkingCalendar): string => {
  let known = deadlines.get(calendar);
  if (!known) deadlines.set(calendar, (known = new Map()));
  const asked = `${from}|${days}`;
  const due = known.get(asked);
  if (due !== undefined) return due;
  const holidays = holidaysOf(calendar);
  let day = dayNumber(from);
  for (let left = days; left > 0; ) {
    day += 1;
    if (isWorkingDayNumber(day, holidays)) left -= 1;
  }
  const date = dateOf(day);
  if (known.size >= 10_000) known.clear();
  known.set(asked, date);
  return date;
};
