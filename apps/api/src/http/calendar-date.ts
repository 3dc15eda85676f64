import { registerDecorator, type ValidationOptions } from 'class-validator';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

const realDay = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
};

/** Years any date of this API can fall in: a record of people and payments, not of antiquity. */
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/** YYYY-MM-DD naming a day the calendar has (2020-02-30 and 1980-13-45 do not exist), 1900 to 2999. */
export const isCalendarDate = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = DATE.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  return year >= FIRST_YEAR && year <= LAST_YEAR && realDay(year, Number(match[2]), Number(match[3]));
};

/**
 * An ISO-8601 date or instant on a real day and time: JavaScript's Date.parse would roll
 * 2020-02-30 over to 1 March and answer about the wrong day.
 */
export const isInstant = (value: unknown): value is string => {
  if (typeof value !== 'string') return false;
  const match = INSTANT.exec(value);
  if (!match || !isCalendarDate(`${match[1]}-${match[2]}-${match[3]}`)) return false;
  const [hours, minutes, seconds] = [match[4], match[5], match[6]].map((part) => Number(part ?? 0));
  return hours < 24 && minutes < 60 && seconds < 60 && !Number.isNaN(Date.parse(value));
};

/** `key`: the catalogue's words for the refusal (problem/messages), worded in the request's language. */
const decorator = (name: string, check: (value: unknown) => boolean, key: string) => (options?: ValidationOptions) => (target: object, property: string) =>
  registerDecorator({ name, target: target.constructor, propertyName: property, options: { message: key, ...options }, validator: { validate: check } });

export const IsCalendarDate = decorator('isCalendarDate', isCalendarDate, 'field.date');
export const IsInstant = decorator('isInstant', isInstant, 'field.instant');
