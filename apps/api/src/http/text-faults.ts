const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a text cannot be stored, as a message key of the catalogue, or null: PostgreSQL refuses NUL in text and jsonb, and a lone
 * surrogate is not Unicode at all (it cannot be encoded as UTF-8).
 */
export const textFault = (value: string): string | null => {
  if (value.includes('\u0000')) return 'text.nul';
  if (LONE_SURROGATE.test(value)) return 'text.lone-surrogate';
  return null;
};
