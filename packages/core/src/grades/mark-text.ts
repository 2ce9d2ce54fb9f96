// How marks and kinds of work read to people, in both languages: one wording for the widgets, the
// server's notifications and digests, and the CSV export.
import type { Lang } from '../messages/lang.js';
import type { MarkValue } from './grade-average.js';
import type { WorkKind } from './work-kinds.js';

const WORK_KINDS: Readonly<Record<Lang, Readonly<Record<WorkKind, string>>>> = {
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
 * The name of a kind of work in the language, lower case (it follows a date or a mark); an unknown
 * kind is shown as it came.
 *
 * @example
 * workKindName('ru', 'test'); // 'контрольная работа'
 */
export function workKindName(lang: Lang, kind: string): string {
  return WORK_KINDS[lang][kind as WorkKind] ?? kind;
}

const PASS_MARKS: Readonly<Record<Lang, Readonly<Record<'pass' | 'fail', string>>>> = {
  ru: { pass: 'зачёт', fail: 'незачёт' },
  en: { pass: 'pass', fail: 'fail' },
};

/**
 * A mark as text: `5`, or «зачёт»/«незачёт» (pass/fail in English).
 *
 * @example
 * markValueText('ru', 'pass'); // 'зачёт'
 */
export function markValueText(lang: Lang, value: MarkValue): string {
  return typeof value === 'number' ? String(value) : PASS_MARKS[lang][value];
}
