import type { Lang } from '@school-diary/core';

/** The BCP 47 locale used for `Intl` in each language of the kit. */
export const LOCALES: Readonly<Record<Lang, string>> = { ru: 'ru-RU', en: 'en-GB' };

/**
 * Word forms for each CLDR plural category; `other` is required (Russian uses it for
 * fractions: «4,5 балла»). `{n}` is replaced by the number formatted for the language.
 */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { readonly other: string };

const rulesCache = new Map<string, Intl.PluralRules>();
const numberCache = new Map<string, Intl.NumberFormat>();

function pluralRules(lang: Lang): Intl.PluralRules {
  let rules = rulesCache.get(lang);
  if (!rules) {
    rules = new Intl.PluralRules(LOCALES[lang]);
    rulesCache.set(lang, rules);
  }
  return rules;
}

/**
 * A number formatted for the language: `4,5` and `1 234` (with a no-break space) in Russian.
 *
 * @example
 * formatNumber('ru', 4.5); // '4,5'
 */
export function formatNumber(lang: Lang, value: number, maximumFractionDigits = 2): string {
  const key = `${lang}:${maximumFractionDigits}`;
  let format = numberCache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits });
    numberCache.set(key, format);
  }
  return format.format(value);
}

/**
 * The phrase for a count in the right plural form of the language, chosen by
 * `Intl.PluralRules` — never by a hand-written rule.
 *
 * @example
 * const marks = { one: '{n} оценка', few: '{n} оценки', many: '{n} оценок', other: '{n} оценки' };
 * plural('ru', 1, marks); // '1 оценка'
 * plural('ru', 5, marks); // '5 оценок'
 * plural('ru', 4.5, { one: '{n} балл', few: '{n} балла', many: '{n} баллов', other: '{n} балла' }); // '4,5 балла'
 */
export function plural(lang: Lang, count: number, forms: PluralForms): string {
  const category = pluralRules(lang).select(count);
  const template = forms[category] ?? forms.other;
  return template.replace('{n}', formatNumber(lang, count));
}
