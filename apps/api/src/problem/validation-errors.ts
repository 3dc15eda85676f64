import { BadRequestException, type ValidationError } from '@nestjs/common';
import type { MessageParams } from '@lib/domain';
import { hasMessage } from './messages/message-renderer';
import type { FieldText } from './problem';

const firstNumber = (message: string): number | undefined => {
  const match = /(\d+)/.exec(message);
  return match ? Number(match[1]) : undefined;
};

/**
 * A class-validator constraint as a message key: a DTO's own message is already a key
 * (`field.citizen-id`); the validator's English defaults are read by constraint name, with the
 * number or the values they name as params.
 */
const asKey = (constraint: string, message: string): { message: string; params?: MessageParams } => {
  if (hasMessage(message)) return { message };
  switch (constraint) {
    case 'isDefined':
    case 'isNotEmpty':
    case 'isNotEmptyObject':
      return { message: 'field.required' };
    case 'isString':
      return { message: 'field.string' };
    case 'isLength':
    case 'maxLength':
    case 'minLength': {
      const n = firstNumber(message);
      if (/longer than or equal to/.test(message)) return n === 1 ? { message: 'field.required' } : { message: 'field.length-min', params: { min: n ?? 0 } };
      return { message: 'field.length-max', params: { max: n ?? 0 } };
    }
    case 'isIn': {
      const values = /following values: (.*)$/.exec(message)?.[1];
      return { message: 'field.one-of', params: { values: values ? values.split(/,\s*/) : [] } };
    }
    case 'isInt':
      return { message: 'field.integer' };
    case 'min':
      return { message: 'field.min', params: { min: firstNumber(message) ?? 0 } };
    case 'max':
      return { message: 'field.max', params: { max: firstNumber(message) ?? 0 } };
    case 'isPositive':
      return { message: 'field.positive' };
    case 'isBoolean':
      return { message: 'field.boolean' };
    case 'isArray':
      return { message: 'field.array' };
    case 'arrayMaxSize':
      return { message: 'field.array-max', params: { max: firstNumber(message) ?? 0 } };
    case 'isObject':
    case 'nestedValidation':
      return { message: 'field.object' };
    case 'whitelistValidation':
      return { message: 'field.unknown' };
    case 'matches':
      return { message: 'field.format' };
    default:
      // A constraint the catalogue does not know yet: its English words, rather than nothing.
      return { message };
  }
};

const flatten = (errors: ValidationError[], prefix = ''): FieldText[] =>
  errors.flatMap((error) => {
    const field = `${prefix}${error.property}`;
    const constraints = Object.entries(error.constraints ?? {});
    // A field left out fails every constraint it has; what the officer needs to hear is one thing.
    const missing = constraints.length > 0 && (error.value === undefined || error.value === null) && !error.constraints?.whitelistValidation;
    const own = missing ? [{ field, message: 'field.required' }] : constraints.map(([constraint, message]) => ({ field, ...asKey(constraint, message) }));
    return [...own, ...flatten(error.children ?? [], `${field}.`)];
  });

/** The ValidationPipe's refusal: every failed field with a message key, worded per request by the filter. */
export const validationFailed = (errors: ValidationError[]): BadRequestException => new BadRequestException({ errors: flatten(errors), code: 'validation-failed' });
