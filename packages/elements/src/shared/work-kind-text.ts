import type { Lang } from '@school-diary/core';
import type { PluralForms } from './plural';

// The wording of marks and kinds of work is core's, shared with the server's notifications and the
// CSV export; the widgets import it from here.
export { workKindName, markValueText } from '@school-diary/core';

/** «1 оценка, 3 оценки, 5 оценок»: the count of marks, in the grade table and the chart. */
export const MARK_FORMS: Readonly<Record<Lang, PluralForms>> = {
  ru: { one: '{n} оценка', few: '{n} оценки', many: '{n} оценок', other: '{n} оценки' },
  en: { one: '{n} mark', other: '{n} marks' },
};
