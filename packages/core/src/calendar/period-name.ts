import type { Lang } from '../messages/lang.js';

const ROMAN: Readonly<Record<string, number>> = { I: 1, II: 2, III: 3, IV: 4 };
const KINDS: Readonly<Record<string, string>> = {
  четверть: 'Term',
  триместр: 'Trimester',
  полугодие: 'Half-year',
};

/**
 * A school period's name in the reader's language. The names schools use («II четверть»,
 * «I полугодие», «III триместр») are known and translated; any other name is a school's own words
 * and stays as written.
 *
 * @example
 * periodName('en', 'II четверть'); // 'Term 2'
 */
export function periodName(lang: Lang, name: string): string {
  if (lang === 'ru') return name;
  const match = /^\s*(I{1,3}|IV)\s+(четверть|триместр|полугодие)\s*$/iu.exec(name);
  const number = match ? ROMAN[(match[1] ?? '').toUpperCase()] : undefined;
  const kind = match ? KINDS[(match[2] ?? '').toLowerCase()] : undefined;
  return number && kind ? `${kind} ${number}` : name;
}
