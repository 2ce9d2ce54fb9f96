// Copied by scripts/react-wrappers.mjs from README.md ("Use in React"): edit the README.
import { useState } from 'react';
import { createDiaryClient } from '@school-diary/sdk';
// One entry per element: the app ships only the widgets it shows.
import { DiaryGradeTable } from '@school-diary/elements/react/grade-table';
import { DiaryLogin } from '@school-diary/elements/react/login';
import { DiaryProvider } from '@school-diary/elements/react/provider';

const client = createDiaryClient({ baseUrl: 'https://diary.school42.ru' });

export function Diary({ childId }: { childId: string }) {
  const [period, setPeriod] = useState('year');
  return (
    <DiaryProvider client={client} lang="ru">
      <DiaryLogin onDiaryLogin={(event) => console.log('signed in', event.detail)} />
      <DiaryGradeTable childId={childId} onDiaryPeriodChange={(e) => setPeriod(e.detail.period)} />
      <p>{period}</p>
    </DiaryProvider>
  );
}
