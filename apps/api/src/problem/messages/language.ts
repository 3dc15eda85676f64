/** The languages the API answers in; Vietnamese, the officers' language, unless the request asks for English. */
export type Lang = 'vi' | 'en';

export const DEFAULT_LANG: Lang = 'vi';

/**
 * The language of an `Accept-Language` header (RFC 9110): the highest-weighted of vi and en,
 * earlier first on a tie; `*`, an absent header or only other languages give Vietnamese.
 */
export const negotiateLanguage = (header: string | string[] | undefined): Lang => {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  let best: { lang: Lang; q: number } | null = null;
  for (const part of text.split(',')) {
    const [tag, ...options] = part.trim().toLowerCase().split(';');
    const primary = tag.split('-')[0];
    if (primary !== 'vi' && primary !== 'en') continue;
    const weight = options.map((option) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(option)).find(Boolean);
    const q = weight ? Number(weight[1]) : 1;
    if (!(q > 0)) continue;
    if (!best || q > best.q) best = { lang: primary, q };
  }
  return best?.lang ?? DEFAULT_LANG;
};
