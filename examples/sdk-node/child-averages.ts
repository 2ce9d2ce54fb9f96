// Logs in to a diary server with the SDK and prints each child's averages per subject.
//
//   npm start                      # in another terminal: the demo server on :8080
//   npm run example:sdk            # or: DIARY_URL=… DIARY_PHONE=… DIARY_PASSWORD=… npm run example:sdk
//
// The one-time code comes from DIARY_CODE, or, on a `--dev` server, from its dev outbox (the
// demo's stand-in for the SMS a parent would read).
import { createDiaryClient, DiaryApiError, type DiaryClient } from '@school-diary/sdk';

const baseUrl = process.env.DIARY_URL ?? 'http://127.0.0.1:8080';
const phone = process.env.DIARY_PHONE ?? '+79990000001';
const password = process.env.DIARY_PASSWORD ?? 'school-diary-demo';

/** The code of a challenge: DIARY_CODE, else the dev server's sent messages. */
async function oneTimeCode(diary: DiaryClient, challengeId: string): Promise<string> {
  if (process.env.DIARY_CODE) return process.env.DIARY_CODE;
  const { items } = await diary.dev.sentMessages().catch(() => {
    throw new Error('set DIARY_CODE: the server has no dev outbox (it runs without --dev)');
  });
  const code = items.find((item) => item.challengeId === challengeId)?.code;
  if (!code) throw new Error(`no one-time code for ${phone} in the dev outbox`);
  return code;
}

const format = (n: number | null): string => (n === null ? '—' : n.toFixed(2).replace('.', ','));

async function main(): Promise<void> {
  // Node has no IndexedDB and no other tabs: no cache, no tab sync.
  const diary = createDiaryClient({ baseUrl, storage: false, syncTabs: false });
  const { challengeId } = await diary.auth.login({ phone, password });
  await diary.auth.verify({ challengeId, code: await oneTimeCode(diary, challengeId) });
  const { items: children } = await diary.children.list();
  if (children.length === 0) console.log('No children in the diary yet.');
  for (const child of children) {
    // A child joins a class once the school activates the diary application; until then there
    // is no school year to read.
    if (!child.classId) {
      console.log(`\n${child.lastName} ${child.firstName}: not in a class yet`);
      continue;
    }
    const period = await diary.children.periods({ childId: child.id });
    const summary = await diary.grades.summary({
      childId: child.id,
      from: period.startDate,
      to: period.endDate,
    });
    console.log(`\n${child.lastName} ${child.firstName} (${summary.from} – ${summary.to})`);
    if (summary.subjects.length === 0) console.log('  no marks yet');
    for (const s of summary.subjects)
      console.log(
        `  ${s.subjectName.padEnd(24)} average ${format(s.arithmeticAverage)}` +
          `  weighted ${format(s.weightedAverage)}  marks ${s.count}`,
      );
  }
  await diary.auth.logout();
}

main().catch((error: unknown) => {
  // The SDK's errors carry the server's message in the client's language, and the field paths.
  console.error(error instanceof DiaryApiError ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
});
