/**
 * Personal data never reaches a log line whole: citizen IDs (CMND 9 / CCCD 12 digits), phone
 * numbers and bank accounts keep their last 3 characters. Known fields are masked by name
 * wherever they sit in a logged object; any other run of 8 to 19 digits in free text (a URL,
 * an error message) is masked too, so an unknown field cannot leak one. A run of digits that
 * is part of a larger token (a UUID group, a hash) is left alone.
 */
const SENSITIVE_KEYS = new Set(['citizenid', 'phone', 'phonenumber', 'bankaccount', 'accountnumber', 'citizenkey']);
const DIGIT_RUN = /(?<![\w.+-])\+?\d(?: ?\d){7,18}(?![\w-])/g;
const KEEP = 3;

export const maskValue = (value: string): string =>
  value.length <= KEEP ? '*'.repeat(value.length) : `${'*'.repeat(Math.min(value.length - KEEP, 12))}${value.slice(-KEEP)}`;

export const maskText = (text: string): string =>
  text.replace(DIGIT_RUN, (run) => {
    const digits = run.replace(/\D/g, '');
    return digits.length >= 8 && digits.length <= 19 ? maskValue(digits) : run;
  });

const MAX_DEPTH = 8;

/** A masked copy; the original (a request body, an event) is never changed. */
export const maskDeep = (value: unknown, depth = 0): unknown => {
  if (typeof value === 'string') return maskText(value);
  if (value === null || typeof value !== 'object' || depth > MAX_DEPTH) return value;
  if (value instanceof Error) {
    return { type: value.name, message: maskText(value.message), stack: value.stack === undefined ? undefined : maskText(value.stack) };
  }
  if (Array.isArray(value)) return value.map((item) => maskDeep(item, depth + 1));
  // Only plain data is walked: a request, a socket or an entity is the serializers' business.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const masked: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    masked[key] = SENSITIVE_KEYS.has(key.toLowerCase()) && (typeof item === 'string' || typeof item === 'number')
      ? maskValue(String(item))
      : maskDeep(item, depth + 1);
  }
  return masked;
};
