import { Transform } from 'class-transformer';
import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isCalendarDate } from './calendar-date';

/**
 * Text as officers mean it: surrounding spaces dropped, so a name or address of spaces alone
 * is empty (and refused by the length check after it).
 */
export const trimmedText = () => Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').trim() : value));

/**
 * IDs, phone numbers and bank accounts compared and stored in one form: NFKC turns full-width
 * digits (０９１２) and other compatibility characters into ASCII, spaces around are dropped,
 * before the decider sees them (one person, one ID, whatever keyboard typed it).
 */
export const normalisedNumber = () => Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFKC').trim() : value));

/** Nobody applying in 2020 was born before this. */
const OLDEST_BIRTH_YEAR = 1900;

/** A real calendar date, from 1900 up to today: 2020-02-30, 1980-13-45 and 2999-01-01 are not birth dates. */
export const isPlausibleBirthDate = (value: unknown, today = new Date().toISOString().slice(0, 10)): boolean =>
  isCalendarDate(value) && Number(value.slice(0, 4)) >= OLDEST_BIRTH_YEAR && value <= today;

export const IsPlausibleBirthDate = (options?: ValidationOptions) => (target: object, property: string) =>
  registerDecorator({
    name: 'isPlausibleBirthDate',
    target: target.constructor,
    propertyName: property,
    options: { message: 'field.birth-date', ...options },
    validator: { validate: (value: unknown) => isPlausibleBirthDate(value) },
  });
