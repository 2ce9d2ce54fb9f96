// Type test, checked by `npm run lint` (tsc -p packages/elements/tsconfig.json): the generated Vue
// declarations (./vue) give vue-tsc the tags' props, attributes and event details, as Vue's own
// `GlobalComponents` entries. Every `@ts-expect-error` fails the lint if the line below it ever
// type-checks.
import type { GlobalComponents } from 'vue';
import type {} from './vue';

type Props<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$props'];
type Emit<Tag extends keyof GlobalComponents> = InstanceType<GlobalComponents[Tag]>['$emit'];

export const schedule: Props<'diary-schedule'> = {
  'child-id': 'chd_maria',
  layout: 'week',
  'heading-level': 'none',
};
export const provider: Props<'diary-provider'> = { 'base-url': '/', session: 'memory' };

export const wrongProps = [
  // @ts-expect-error layout is auto, week or day
  { layout: 'month' } satisfies Props<'diary-schedule'>,
  // @ts-expect-error threshold is a number
  { threshold: 'high' } satisfies Props<'diary-grade-table'>,
];

declare const emitWeek: Emit<'diary-schedule'>;
emitWeek(
  'diary-week-change',
  new CustomEvent('diary-week-change', { detail: { week: '2026-W48' } }),
);
// @ts-expect-error the week change's detail has the week
emitWeek('diary-week-change', new CustomEvent('diary-week-change', { detail: { day: 1 } }));
