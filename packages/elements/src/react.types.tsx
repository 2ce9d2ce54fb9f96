// Type test, checked by `npm run lint` (tsc -p packages/elements/tsconfig.json): the generated
// JSX typings (./jsx) and @lit/react wrappers (./react) accept the right props and reject wrong
// ones. Every `@ts-expect-error` fails the lint if the line below it ever type-checks.
import type {} from './jsx';
import type { DiaryLoginDetail, DiaryPeriodChangeDetail, DiaryErrorsDetail } from './index';
import { DiaryChildForm, DiaryGradeTable, DiaryLogin, DiaryProvider, DiarySchedule } from './react';
import type { DiaryWeekChangeDetail } from './react-schedule';
import type { DiaryThreadOpenDetail } from './react';

/** The event detail types come with the React entries, for a handler written on its own. */
export const onWeekChange = (event: CustomEvent<DiaryWeekChangeDetail>): string =>
  event.detail.week;
export const onThreadOpen = (event: CustomEvent<DiaryThreadOpenDetail>): unknown => event.detail;

declare const onLogin: (event: CustomEvent<DiaryLoginDetail>) => void;

/** Intrinsic elements, as React 19 renders them. */
export const intrinsic = (
  <diary-provider base-url="https://diary.example" lang="en" session="memory">
    <diary-login lang="ru" step="credentials" ondiary-login={onLogin} />
    <diary-grade-table
      child-id="chd_maria"
      threshold={3.5}
      ondiary-period-change={(event) => {
        const period: string = event.detail.period;
        return period;
      }}
    />
    <diary-schedule layout="week" />
  </diary-provider>
);

export const wrongIntrinsic = [
  // @ts-expect-error threshold is a number
  <diary-grade-table threshold="high" />,
  // @ts-expect-error persistSession is a boolean
  <diary-provider persistSession="yes" />,
  // @ts-expect-error no such property
  <diary-login colour="red" />,
  // @ts-expect-error the handler receives CustomEvent<DiaryLoginDetail>, not a period change
  <diary-login ondiary-login={(event: CustomEvent<DiaryPeriodChangeDetail>) => event} />,
  // @ts-expect-error no such tag in the kit
  <diary-unknown />,
];

/** The @lit/react wrappers. */
export const wrapped = (
  <DiaryProvider lang="en" baseUrl="https://diary.example">
    <DiaryLogin
      onDiaryLogin={onLogin}
      onDiaryErrors={(event) => event.detail satisfies DiaryErrorsDetail}
    />
    <DiaryGradeTable childId="chd_maria" onDiaryPeriodChange={(event) => event.detail.from} />
    <DiaryChildForm searchDelay={300} />
  </DiaryProvider>
);

export const wrongWrapped = [
  // @ts-expect-error searchDelay is a number
  <DiaryChildForm searchDelay="300" />,
  // @ts-expect-error the login has no onDiaryPeriodChange event
  <DiaryLogin onDiaryPeriodChange={() => undefined} />,
  // @ts-expect-error the handler's detail is DiaryLoginDetail
  <DiaryLogin onDiaryLogin={(event: CustomEvent<DiaryPeriodChangeDetail>) => event} />,
  // @ts-expect-error layout is 'week' | … , not any string
  <DiarySchedule layout="sideways" />,
];
