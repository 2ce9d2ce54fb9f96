import type { Handlers } from '../http/register-routes';
import { notFound } from '../services/domain-error';
import type { Services } from '../services/context';
import { visibleChild } from '../services/policy';
import { classCalendar, schoolYearView } from '../services/school-calendar';

/** `children.periods`: the school year and periods of a child's class (spread into `children`). */
export function periodHandlers(s: Services): Pick<NonNullable<Handlers['children']>, 'periods'> {
  return {
    async periods({ params, user }) {
      const child = await visibleChild(s, user, params.childId);
      const calendar = await classCalendar(s, s.db, child.class_id);
      if (!calendar) throw notFound();
      return schoolYearView(calendar);
    },
  };
}
