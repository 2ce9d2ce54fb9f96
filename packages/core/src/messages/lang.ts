/** The languages the kit speaks. Russian is the default everywhere. */
export const LANGS = ['ru', 'en'] as const;

/** A supported language. */
export type Lang = (typeof LANGS)[number];

/** The default language of every message. */
export const DEFAULT_LANG: Lang = 'ru';

/**
 * Picks the best supported language from an `Accept-Language` header (or any list of tags),
 * honouring q-values; falls back to Russian.
 *
 * @example
 * pickLang('en-GB,en;q=0.9,ru;q=0.5'); // 'en'
 */
export function pickLang(header: string | null | undefined): Lang {
  if (!header) return DEFAULT_LANG;
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', weight, index };
    })
    .filter((entry) => Number.isFinite(entry.weight) && entry.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const { base } of ranked) {
    if ((LANGS as readonly string[]).includes(base)) return base as Lang;
  }
  return DEFAULT_LANG;
}
