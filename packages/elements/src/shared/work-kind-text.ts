import type { Lang, MarkValue, WorkKind } from '@school-diary/core';

/** Names of the kinds of work, as a parent reads them (lower case: they follow a date or a mark). */
const KINDS: Readonly<Record<Lang, Readonly<Record<WorkKind, string>>>> = {
  ru: {
    test: 'контрольная работа',
    quiz: 'самостоятельная работа',
    project: 'проект',
    oral: 'устный ответ',
    homework: 'домашняя работа',
    lab: 'лабораторная работа',
    dictation: 'диктант',
    essay: 'сочинение',
    classwork: 'работа на уроке',
    exam: 'экзамен',
  },
  en: {
    test: 'test',
    quiz: 'quiz',
    project: 'project',
    oral: 'oral answer',
    homework: 'homework',
    lab: 'lab work',
    dictation: 'dictation',
    essay: 'essay',
    classwork: 'classwork',
    exam: 'exam',
  },
};

/**
 * The name of a kind of work in the language; an unknown kind is shown as it came.
 *
 * @example
 * workKindName('ru', 'test'); // 'контрольная работа'
 */
export function workKindName(lang: Lang, kind: string): string {
  return KINDS[lang][kind as WorkKind] ?? kind;
}

const PASS: Readonly<Record<Lang, Readonly<Record<'pass' | 'fail', string>>>> = {
  ru: { pass: 'зачёт', fail: 'незачёт' },
  en: { pass: 'pass', fail: 'fail' },
};

/**
 * A mark as text: `5`, or «зачёт»/«незачёт».
 *
 * @example
 * markValueText('ru', 'pass'); // 'зачёт'
 */
export function markValueText(lang: Lang, value: MarkValue): string {
  return typeof value === 'number' ? String(value) : PASS[lang][value];
}
