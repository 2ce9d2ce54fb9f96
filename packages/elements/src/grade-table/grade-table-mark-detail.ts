import {
  markValueText,
  type Lang,
  type Mark,
  type MarkDistribution,
  type MarkHistory,
} from '@school-diary/core';
import { formatDate, formatTime } from '../shared/dates';
import { gradeTableText as t } from './grade-table-text';

/** The reads of a pinned mark's details; a client without them shows none. */
export interface MarkDetailClient {
  readonly grades?: {
    readonly history?: (params: { markId: string }) => Promise<MarkHistory>;
    readonly distribution?: (params: { markId: string }) => Promise<MarkDistribution>;
  };
}

/** The reader's language and the school's time zone, which a correction's time is told in. */
export interface MarkDetailPlace {
  readonly lang: Lang;
  readonly timeZone: string;
}

/** The server refused the distribution because too few pupils were marked. */
const tooFew = (error: unknown) =>
  (error as { code?: unknown } | undefined)?.code === 'too_few_marked';

/**
 * Lines telling each correction of a corrected mark, at the school's time:
 * «Исправлена 24 ноября в 14:05: 4 → 5 (Орлов С. Н.)».
 */
async function historyLines(
  client: MarkDetailClient,
  mark: Mark,
  where: MarkDetailPlace,
): Promise<string[]> {
  const { lang, timeZone } = where;
  const read = client.grades?.history;
  if (!read || mark.updatedAt === mark.createdAt) return [];
  const { changes } = await read({ markId: mark.id }).catch(() => ({ changes: [] }));
  return changes
    .filter((c) => c.action === 'updated' && c.from !== undefined && c.from !== c.to)
    .map((c) =>
      t(lang, 'corrected', {
        date: formatDate(lang, c.at, { day: 'numeric', month: 'long' }, timeZone),
        time: formatTime(lang, c.at, timeZone),
        from: markValueText(lang, c.from ?? mark.value),
        to: markValueText(lang, c.to ?? mark.value),
        by: c.by,
      }),
    );
}

/** The class's anonymous 5/4/3/2 bars for the mark's lesson work, or a note why none. */
async function distributionNode(
  client: MarkDetailClient,
  mark: Mark,
  lang: Lang,
): Promise<HTMLElement | undefined> {
  const read = client.grades?.distribution;
  if (!read || !mark.lessonId) return undefined;
  const box = document.createElement('div');
  box.className = 'diary-tip-class';
  box.setAttribute('part', 'distribution');
  let result: MarkDistribution;
  try {
    result = await read({ markId: mark.id });
  } catch (error) {
    if (!tooFew(error)) return undefined;
    box.textContent = t(lang, 'distributionHidden');
    return box;
  }
  const heading = document.createElement('div');
  heading.textContent = t(lang, 'distribution', { n: result.marked });
  box.append(heading);
  for (const value of [5, 4, 3, 2] as const) {
    const count = result.counts[value];
    const row = document.createElement('div');
    row.className = 'diary-tip-row';
    const bar = document.createElement('span');
    bar.className = 'diary-tip-bar';
    bar.style.inlineSize = `${Math.round((count / Math.max(result.marked, 1)) * 8)}em`;
    row.append(`${value} `, bar, ` ${count}`);
    box.append(row);
  }
  return box;
}

/**
 * The details a pinned mark adds to its tooltip: its corrections (from the mark's history) and
 * how the class did on the same lesson's work (anonymous counts, hidden with a short note when
 * fewer than 5 pupils were marked). Reads only what applies: a mark never corrected has no
 * history to ask for, a mark without a lesson no class work.
 */
export async function markDetail(
  client: MarkDetailClient,
  mark: Mark,
  where: MarkDetailPlace,
): Promise<(string | HTMLElement)[]> {
  const [lines, bars] = await Promise.all([
    historyLines(client, mark, where),
    distributionNode(client, mark, where.lang),
  ]);
  return [...lines, ...(bars ? [bars] : [])];
}
