import fc from 'fast-check';
import { shippedProgrammes } from '@lib/testing/programmes';
import { addWorkingDays, isWorkingDay, localDate, workingDaysBetween, workingDaysSpanned, type WorkingCalendar } from './working-days';

/** The 2020 calendar of nq42-2020 v1, as shipped. */
const calendar: WorkingCalendar = shippedProgrammes().find((programme) => programme.id === 'nq42-2020')!.calendar;
const noHolidays: WorkingCalendar = { holidays: [], utcOffsetMinutes: 420 };

describe('Working days (ngày làm việc) in the 2020 calendar', () => {
  describe('a single day', () => {
    it.each([
      ['2020-05-18', 'Monday'],
      ['2020-05-22', 'Friday'],
      ['2020-04-29', 'the Wednesday before Reunification Day'],
    ])('counts %s (%s) as a working day', (date) => expect(isWorkingDay(date, calendar)).toBe(true));

    it.each([
      ['2020-05-16', 'a Saturday'],
      ['2020-05-17', 'a Sunday'],
      ['2020-01-01', 'New Year'],
      ['2020-01-24', 'Tết'],
      ['2020-01-29', 'the last day of the Tết holiday'],
      ['2020-04-02', 'Hùng Kings Commemoration'],
      ['2020-04-30', 'Reunification Day'],
      ['2020-05-01', 'Labour Day'],
      ['2020-09-02', 'National Day'],
    ])('does not count %s (%s)', (date) => expect(isWorkingDay(date, calendar)).toBe(false));

    it('counts a weekday holiday of the programme calendar when the calendar has no holidays', () =>
      expect(isWorkingDay('2020-04-30', noHolidays)).toBe(true));
  });

  describe('between two dates (after the first, up to and including the second)', () => {
    it.each([
      ['2020-05-18', '2020-05-22', 4, 'Monday to Friday'],
      ['2020-05-22', '2020-05-25', 1, 'over a weekend'],
      ['2020-05-15', '2020-05-22', 5, 'a whole week'],
      ['2020-04-29', '2020-05-04', 1, 'over 30 April, 1 May and the weekend'],
      ['2020-04-29', '2020-05-01', 0, 'over the two holidays only'],
      ['2020-04-29', '2020-05-05', 2, 'to the Tuesday after the holidays'],
      ['2020-01-22', '2020-01-30', 1, 'over Tết'],
      ['2020-04-01', '2020-04-03', 1, 'over Hùng Kings Commemoration'],
      ['2020-05-20', '2020-05-20', 0, 'the same day'],
      ['2020-05-22', '2020-05-18', 0, 'backwards'],
    ])('counts %s to %s as %d (%s)', (from, to, expected) => expect(workingDaysBetween(from, to, calendar)).toBe(expected));

    it('counts the holidays as working days in a calendar without them', () => expect(workingDaysBetween('2020-04-29', '2020-05-04', noHolidays)).toBe(3));
  });

  describe('a posting period, both ends counted', () => {
    it.each([
      ['2020-05-18', '2020-05-19', 2, 'Monday and Tuesday'],
      ['2020-05-18', '2020-05-18', 1, 'one Monday'],
      ['2020-04-29', '2020-05-04', 2, 'around the 30 April and 1 May holidays'],
      ['2020-04-30', '2020-05-03', 0, 'holidays and a weekend only'],
      ['2020-05-22', '2020-05-18', 0, 'backwards'],
    ])('spans %s to %s as %d (%s)', (from, to, expected) => expect(workingDaysSpanned(from, to, calendar)).toBe(expected));
  });

  describe('a limit of N working days', () => {
    it.each([
      ['2020-05-18', 5, '2020-05-25', 'the commune\'s 5 days from a Monday'],
      ['2020-05-22', 2, '2020-05-26', 'the tax office\'s 2 days from a Friday'],
      ['2020-04-28', 3, '2020-05-05', 'the district\'s 3 days across 30 April and 1 May'],
      ['2020-01-21', 3, '2020-01-31', 'three days across Tết'],
      ['2020-05-18', 0, '2020-05-18', 'no days at all'],
    ])('counted from %s, %d days runs out on %s (%s)', (from, days, expected) => expect(addWorkingDays(from, days, calendar)).toBe(expected));

    it('agrees with the count between the two dates', () => {
      const until = addWorkingDays('2020-04-27', 7, calendar);
      expect(workingDaysBetween('2020-04-27', until, calendar)).toBe(7);
    });
  });

  describe('the legal date of a timestamp (Vietnam, UTC+7)', () => {
    it.each([
      ['2020-04-29T16:59:59.000Z', '2020-04-29'],
      ['2020-04-29T17:00:00.000Z', '2020-04-30'],
      ['2020-05-18T02:00:00.000Z', '2020-05-18'],
      ['2020-12-31T20:00:00.000Z', '2021-01-01'],
    ])('dates %s on %s', (timestamp, expected) => expect(localDate(timestamp, calendar)).toBe(expected));
  });
});

/** The calendar walked one Date at a time, as it was first written: the reference for the day-number arithmetic. */
const reference = {
  isWorkingDay: (date: string, cal: WorkingCalendar) => {
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6 && !cal.holidays.includes(date);
  },
  next: (date: string) => new Date(new Date(`${date}T00:00:00Z`).getTime() + 86_400_000).toISOString().slice(0, 10),
  between(from: string, to: string, cal: WorkingCalendar) {
    let count = 0;
    for (let day = this.next(from); day <= to; day = this.next(day)) if (this.isWorkingDay(day, cal)) count += 1;
    return count;
  },
  add(from: string, days: number, cal: WorkingCalendar) {
    let day = from;
    for (let left = days; left > 0; ) {
      day = this.next(day);
      if (this.isWorkingDay(day, cal)) left -= 1;
    }
    return day;
  },
};

describe('Working days by day numbers agree with walking the calendar one date at a time', () => {
  const dates = fc.integer({ min: Date.UTC(1969, 0, 1) / 86_400_000, max: Date.UTC(2031, 11, 31) / 86_400_000 }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));

  it('for any dates and limits, with the shipped holidays and without', () => {
    fc.assert(
      fc.property(dates, dates, fc.integer({ min: 0, max: 90 }), fc.boolean(), (from, to, days, holidays) => {
        const cal = holidays ? calendar : noHolidays;
        expect(isWorkingDay(from, cal)).toBe(reference.isWorkingDay(from, cal));
        expect(addWorkingDays(from, days, cal)).toBe(reference.add(from, days, cal));
        if (Math.abs(Date.parse(to) - Date.parse(from)) < 400 * 86_400_000) expect(workingDaysBetween(from, to, cal)).toBe(reference.between(from, to, cal));
      }),
      { numRuns: 3000 },
    );
  });

  it("dates any timestamp as Date's arithmetic does, in any time zone, and refuses what Date refuses", () => {
    const dateOfReference = (timestamp: string, offset: number) => new Date(Date.parse(timestamp) + offset * 60_000).toISOString().slice(0, 10);
    const pad = (n: number, width = 2) => String(n).padStart(width, '0');
    const stamps = fc
      .tuple(fc.integer({ min: 1969, max: 2031 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 24 }), fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 60 }), fc.constantFrom('', '.5', '.123', '.1234', ':'), fc.constantFrom('Z', '+07:00', ''))
      .map(([year, month, day, hour, minute, second, fraction, zone]) => `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${fraction === ':' ? '' : `:${pad(second)}${fraction}`}${zone}`);
    const offsets = fc.constantFrom(420, 0, -300, 330, 1439, -1439, 7.5);
    fc.assert(
      fc.property(fc.oneof(stamps, fc.string()), offsets, (timestamp, offset) => {
        const cal = { ...calendar, utcOffsetMinutes: offset };
        let expected: string | Error;
        try {
          expected = dateOfReference(timestamp, offset);
        } catch (error) {
          expected = error as Error;
        }
        if (expected instanceof Error) expect(() => localDate(timestamp, cal)).toThrow(RangeError);
        else expect(localDate(timestamp, cal)).toBe(expected);
      }),
      { numRuns: 20_000 },
    );
  });

  it('refuses what is not a date', () => {
    expect(() => addWorkingDays('2020-13-01', 1, calendar)).toThrow(RangeError);
    expect(() => workingDaysBetween('not a date', '2020-05-01', calendar)).toThrow(RangeError);
  });
});
