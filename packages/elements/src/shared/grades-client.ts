import type { DiaryClient } from '@school-diary/sdk';
import type { Mark, SchoolYearInfo } from '@school-diary/core';
import type { WidgetClient } from './client';

/**
 * The SDK calls the grade widgets (`diary-grade-table`, `diary-timeline-chart`) make, typed from
 * the SDK's `DiaryClient`: any client of the SDK (`createDiaryClient`, the in-memory one) has them.
 */
export interface GradesClient {
  readonly grades: Pick<DiaryClient['grades'], 'list' | 'comparison' | 'csv' | 'reportCard'>;
  readonly children: Pick<DiaryClient['children'], 'periods'>;
  readonly attendance: Pick<DiaryClient['attendance'], 'list'>;
  readonly thresholds: Pick<DiaryClient['thresholds'], 'list'>;
  /** Live events: new, corrected and deleted marks. */
  readonly events: Pick<DiaryClient['events'], 'on'>;
}

/**
 * The provider's client as a {@link GradesClient}, or `undefined` when it lacks those calls (a
 * cut-down client made for other widgets).
 *
 * @example
 * const grades = gradesClientOf(this.client);
 * if (grades) await grades.grades.list({ childId });
 */
export function gradesClientOf(client: WidgetClient | undefined): GradesClient | undefined {
  const c = client as Partial<GradesClient> | undefined;
  const complete =
    typeof c?.grades?.list === 'function' &&
    typeof c.children?.periods === 'function' &&
    typeof c.attendance?.list === 'function' &&
    typeof c.thresholds?.list === 'function' &&
    typeof c.events?.on === 'function';
  return complete ? (c as GradesClient) : undefined;
}

/** A read a widget can do without (comparison, thresholds): forbidden or missing means none. */
export async function optionalRead<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    const e = error as { name?: unknown; status?: unknown };
    if (e?.name === 'DiaryApiError' && (e.status === 403 || e.status === 404)) return undefined;
    throw error;
  }
}

/** A child's school year, when the class has one (a calendar is optional). */
export function loadSchoolYear(
  client: GradesClient,
  childId: string,
  signal: AbortSignal,
): Promise<SchoolYearInfo | undefined> {
  return optionalRead(client.children.periods({ childId }, { signal }));
}

/**
 * Every mark of a child's school year (all marks without a year), in date order: one request,
 * so that periods and filters then switch without a round trip.
 */
export async function loadYearMarks(
  client: GradesClient,
  childId: string,
  year: SchoolYearInfo | undefined,
  signal: AbortSignal,
): Promise<Mark[]> {
  const range = year ? { from: year.startDate, to: year.endDate } : {};
  const { items } = await client.grades.list({ childId, ...range }, { signal });
  return items;
}

/** The live events about marks, as one subscription; returns the function that stops it. */
export function onMarkEvents(
  client: GradesClient,
  childId: string,
  handler: (change: MarkChange) => void,
): () => void {
  const stops = [
    client.events.on('mark.created', (e) => {
      if (e.data.childId === childId) handler({ type: 'created', mark: e.data });
    }),
    client.events.on('mark.updated', (e) => {
      if (e.data.childId === childId) handler({ type: 'updated', mark: e.data });
    }),
    client.events.on('mark.deleted', (e) => {
      if (e.data.childId === childId) handler({ type: 'deleted', id: e.data.id });
    }),
  ];
  return () => stops.forEach((stop) => stop());
}

/** A mark that arrived, changed or went away over live events. */
export type MarkChange =
  | { readonly type: 'created' | 'updated'; readonly mark: Mark }
  | { readonly type: 'deleted'; readonly id: string };

/**
 * The marks with one live change applied, in date order (then entry time), or the same array when
 * the change does not concern them (a deleted mark they never had).
 */
export function applyMarkChange(marks: readonly Mark[], change: MarkChange): readonly Mark[] {
  const id = change.type === 'deleted' ? change.id : change.mark.id;
  const others = marks.filter((m) => m.id !== id);
  if (change.type === 'deleted') return others.length === marks.length ? marks : others;
  const mark = change.mark;
  let at = others.length;
  while (at > 0) {
    const before = others[at - 1] as Mark;
    if (
      before.date < mark.date ||
      (before.date === mark.date && before.createdAt <= mark.createdAt)
    )
      break;
    at -= 1;
  }
  others.splice(at, 0, mark);
  return others;
}

const clientIds = new WeakMap<object, number>();
let nextClientId = 0;

/** A number that tells clients apart, for a widget to notice the provider swapped its client. */
export function clientKey(client: object): number {
  let id = clientIds.get(client);
  if (id === undefined) {
    id = ++nextClientId;
    clientIds.set(client, id);
  }
  return id;
}
