/**
 * A code's words for people, in Vietnamese (the officers' language) and English. Optional in a
 * definition: a reader falls back to the code, so older definitions stay valid; the shipped
 * programme gives one for everything the console shows.
 */
export interface Label {
  readonly vi: string;
  readonly en: string;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isText = (value: unknown): boolean => typeof value === 'string' && value.trim().length > 0;

/** Problems with an optional `label`; absent is fine. */
export const labelProblems = (value: unknown, at: string): string[] => {
  if (value === undefined) return [];
  if (!isObject(value) || !isText(value.vi) || !isText(value.en)) return [`${at} must be { vi, en } with both texts non-empty`];
  const extra = Object.keys(value).filter((key) => key !== 'vi' && key !== 'en');
  return extra.length > 0 ? [`${at} has unknown languages ${extra.join(', ')}; only vi and en`] : [];
};

/** Problems with an enum field's optional `valueLabels`: one label per value it names, no others. */
export const valueLabelsProblems = (value: unknown, values: readonly unknown[], at: string): string[] => {
  if (value === undefined) return [];
  if (!isObject(value)) return [`${at} must map enum values to labels`];
  return Object.entries(value).flatMap(([name, label]) =>
    values.includes(name) ? labelProblems(label, `${at}.${name}`) : [`${at} names ${name}, which is not one of the field's values`],
  );
};
