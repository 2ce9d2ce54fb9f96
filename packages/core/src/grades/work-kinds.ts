// The kinds of work a mark is given for: plain data, so a widget's list of kinds brings no zod.

/** Kinds of work a mark is given for. */
export const WORK_KINDS = [
  'test',
  'quiz',
  'project',
  'oral',
  'homework',
  'lab',
  'dictation',
  'essay',
  'classwork',
  'exam',
] as const;
/** A kind of work. */
export type WorkKind = (typeof WORK_KINDS)[number];
