// The final-mark column: the teacher confirms the final mark core's rules suggest.
import { describeFailure } from '../shared/failure';
import { personName } from '../shared/person-name';
import type { JournalContext } from './journal-context';
import { journalText } from './journal-text';

/** Sets a pupil's suggested final mark for the journal's period. */
export async function confirmFinal(ctx: JournalContext, row: number): Promise<void> {
  const { journal, client, lang } = ctx;
  const pupil = journal?.students[row];
  const mark = pupil ? ctx.averages.get(pupil.id)?.suggested : undefined;
  if (!journal?.writable || !client || !pupil || !mark || !journal.periodId) return;
  try {
    const final = await client.grades.setFinal({
      childId: pupil.id,
      subjectId: journal.subjectId,
      periodId: journal.periodId,
      value: mark as 2 | 3 | 4 | 5,
    });
    const now = ctx.journal ?? journal;
    const students = now.students.map((p) =>
      p.id === pupil.id ? { ...p, final: final.value } : p,
    );
    ctx.journal = { ...now, students };
    ctx.announcement = journalText(lang, 'confirmed', {
      pupil: personName(pupil),
      mark: String(final.value),
    });
  } catch (error) {
    ctx.announcement = describeFailure(error, {
      lang,
      now: new Date(),
      timeZone: ctx.timeZone,
    }).message;
  }
}
