const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Why a text cannot be stored, or null: PostgreSQL refuses NUL in text and jsonb, and a lone
 * surrogate is not Unicode at all (it cannot be encoded as UTF-8).
 */
export const textFault = (value: string): string | null => {
  if (value.includes('\u0000')) return 'contains a NUL character';
  if (LONE_SURROGATE.test(value)) return 'contains a lone surrogate (not valid Unicode)';
  return null;
};
