import {
  isoDateSchema,
  textSchema,
  validate,
  type ErrorCode,
  type ImportError,
  type Lang,
  type MessageParams,
  type PeriodKind,
} from '@school-diary/core';
import { cellError, type PeriodRecord, type SchoolYearRecord } from './import-records';
import type { OneRosterLine } from './oneroster';

/** The session types of OneRoster 1.2 the import knows. */
const TYPES = ['schoolYear', 'term', 'semester', 'gradingPeriod'] as const;

/** The kind of a year's periods by their number: 4 quarters, 3 trimesters, 2 half-years. */
const KIND_BY_COUNT: Readonly<Record<number, PeriodKind>> = {
  1: 'year',
  2: 'half_year',
  3: 'trimester',
  4: 'quarter',
};

/** One line of `academicSessions.csv` as read, before the sessions are put in their years. */
interface Session {
  readonly line: OneRosterLine;
  readonly id: string;
  readonly type: string;
  readonly title: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly parent: string;
}

/** What the sessions give: the school years with their periods, and each session's year name. */
export interface Sessions {
  readonly years: SchoolYearRecord[];
  /** A session's `sourcedId` → the school year (`2026/2027`) its classes belong to. */
  readonly yearOf: ReadonlyMap<string, string>;
}

/** The school year (`2026/2027`) a session starting on an ISO date belongs to (it turns in July). */
export function yearOfDate(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]) - (Number(match[2]) < 7 ? 1 : 0);
  return `${year}/${year + 1}`;
}

/** A `schoolYear` session's name: from its `schoolYear` column (the year it ends), else its start. */
function yearName(session: Session): string | undefined {
  const ending = session.line.get('schoolYear');
  if (/^\d{4}$/.test(ending)) return `${Number(ending) - 1}/${ending}`;
  return yearOfDate(session.startDate);
}

/**
 * Reads the lines of `academicSessions.csv` into school years: each `schoolYear` session is a year,
 * and the finest sessions below it (terms, semesters or grading periods, linked by
 * `parentSourcedId`, at any depth) are its periods — 4 of them quarters, 3 trimesters, 2
 * half-years, 1 (or none: the year itself) the whole year. Each mistake is an error at its cell:
 * a date that is not one, an end before its start, a period outside its year or overlapping
 * another, an unknown parent, a `sourcedId` twice. A session outside any year still names the
 * school year its classes belong to, by its dates.
 */
export function readSessions(
  lines: readonly OneRosterLine[],
  lang: Lang,
  errors: ImportError[],
): Sessions {
  const fail = (
    line: OneRosterLine,
    column: string,
    code: ErrorCode,
    options: { field?: string; params?: MessageParams } = {},
  ) => {
    errors.push(cellError(lang, { ...line.at, column }, code, options));
    return false;
  };
  const sessions = new Map<string, Session>();
  const bad = new Set<string>();
  for (const line of lines) {
    const session = sessionOf(line);
    const earlier = sessions.get(session.id);
    if (!session.id) fail(line, 'sourcedId', 'required');
    else if (earlier)
      fail(line, 'sourcedId', 'duplicate', {
        field: 'academicSession',
        params: { value: session.id, row: earlier.line.at.row },
      });
    else {
      sessions.set(session.id, session);
      if (!checkSession(session, lang, errors, fail)) bad.add(session.id);
    }
  }
  const rootOf = (session: Session): Session | undefined => {
    const seen = new Set<string>();
    let at: Session | undefined = session;
    while (at && at.type !== 'schoolYear' && at.parent && !seen.has(at.id)) {
      seen.add(at.id);
      at = sessions.get(at.parent);
    }
    return at?.type === 'schoolYear' ? at : undefined;
  };
  const yearOf = new Map<string, string>();
  const childrenOf = new Map<string, Session[]>();
  for (const session of sessions.values()) {
    if (session.type !== 'schoolYear' && session.parent) {
      if (!sessions.has(session.parent)) {
        fail(session.line, 'parentSourcedId', 'unknown_reference', {
          field: 'academicSession',
          params: { value: session.parent },
        });
        bad.add(session.id);
      } else childrenOf.set(session.parent, [...(childrenOf.get(session.parent) ?? []), session]);
    }
    const root = rootOf(session);
    const name = root ? yearName(root) : yearOfDate(session.startDate);
    if (name) yearOf.set(session.id, name);
  }
  const years: SchoolYearRecord[] = [];
  const byName = new Map<string, Session>();
  for (const root of sessions.values()) {
    if (root.type !== 'schoolYear' || bad.has(root.id)) continue;
    const name = yearName(root);
    if (!name) continue;
    const same = byName.get(name);
    if (same) {
      fail(root.line, 'schoolYear', 'duplicate', { params: { row: same.line.at.row } });
      continue;
    }
    byName.set(name, root);
    const year = yearOfSessions(root, name, { sessions, childrenOf, rootOf, bad }, fail);
    if (year) years.push(year);
  }
  const ordered = [...years].sort((a, b) => a.startDate.localeCompare(b.startDate));
  const overlapping = new Set<SchoolYearRecord>();
  ordered.forEach((year, i) => {
    const before = ordered[i - 1];
    if (!before || year.startDate > before.endDate) return;
    overlapping.add(year);
    errors.push(
      cellError(lang, { ...year, column: 'startDate' }, 'date_order', {
        field: 'periodOverlap',
        params: { value: before.name, row: before.row },
      }),
    );
  });
  return { years: years.filter((y) => !overlapping.has(y)), yearOf };
}

function sessionOf(line: OneRosterLine): Session {
  return {
    line,
    id: line.get('sourcedId'),
    type: line.get('type'),
    title: line.get('title'),
    startDate: line.get('startDate'),
    endDate: line.get('endDate'),
    parent: line.get('parentSourcedId'),
  };
}

type Fail = (
  line: OneRosterLine,
  column: string,
  code: ErrorCode,
  options?: { field?: string; params?: MessageParams },
) => boolean;

/** Checks a session's own cells: its type, its title, its dates and their order. */
function checkSession(session: Session, lang: Lang, errors: ImportError[], fail: Fail): boolean {
  const { line } = session;
  let ok = true;
  if (!(TYPES as readonly string[]).includes(session.type))
    ok = fail(line, 'type', session.type ? 'invalid_option' : 'required');
  const title = validate(textSchema(60), session.title, lang);
  if (!title.ok) ok = fail(line, 'title', title.errors[0]?.code ?? 'format');
  for (const column of ['startDate', 'endDate'] as const) {
    const date = validate(isoDateSchema, session[column], lang);
    if (date.ok) continue;
    const [error] = date.errors;
    errors.push({
      ...line.at,
      column,
      code: error?.code ?? 'format',
      message: error?.message ?? '',
    });
    ok = false;
  }
  if (ok && session.endDate < session.startDate) ok = fail(line, 'endDate', 'date_order');
  return ok;
}

/** A `schoolYear` session as a school year: its finest sessions, in order, are its periods. */
function yearOfSessions(
  root: Session,
  name: string,
  tree: {
    sessions: ReadonlyMap<string, Session>;
    childrenOf: ReadonlyMap<string, Session[]>;
    rootOf: (s: Session) => Session | undefined;
    bad: ReadonlySet<string>;
  },
  fail: Fail,
): SchoolYearRecord | undefined {
  const all = [...tree.sessions.values()].filter(
    (s) => s !== root && s.type !== 'schoolYear' && tree.rootOf(s) === root,
  );
  // A session already refused is not checked again against the others.
  const inside = all.filter((s) => !tree.bad.has(s.id));
  let ok = inside.length === all.length;
  for (const s of inside) {
    const startOutside = s.startDate < root.startDate || s.startDate > root.endDate;
    if (startOutside || s.endDate > root.endDate)
      ok = fail(s.line, startOutside ? 'startDate' : 'endDate', 'outside_school_year', {
        params: { year: name, start: root.startDate, end: root.endDate },
      });
  }
  const leaves = inside
    .filter((s) => !tree.childrenOf.has(s.id))
    .sort((a, b) => a.startDate.localeCompare(b.startDate));
  leaves.forEach((s, i) => {
    const before = leaves[i - 1];
    if (before && s.startDate <= before.endDate)
      ok = fail(s.line, 'startDate', 'date_order', {
        field: 'periodOverlap',
        params: { value: before.title, row: before.line.at.row },
      });
  });
  const periodKind = KIND_BY_COUNT[Math.max(leaves.length, 1)];
  if (!periodKind) ok = fail(root.line, 'sourcedId', 'invalid_option', { field: 'periods' });
  if (!ok || !periodKind) return undefined;
  const periods: PeriodRecord[] = (leaves.length > 0 ? leaves : [root]).map((s) => ({
    ...s.line.at,
    externalId: s.id,
    name: s.title,
    startDate: s.startDate,
    endDate: s.endDate,
  }));
  return {
    ...root.line.at,
    externalId: root.id,
    name,
    startDate: root.startDate,
    endDate: root.endDate,
    periodKind,
    periods,
  };
}
