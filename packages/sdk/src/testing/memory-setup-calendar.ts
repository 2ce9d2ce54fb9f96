import {
  DEFAULT_FINAL_MARK_THRESHOLDS,
  planLessons,
  schoolYearStart,
  type BellSchedule,
  type FinalMarkRounding,
  type Holidays,
  type Lesson,
  type TimetableTemplate,
} from '@school-diary/core';
import type { MemoryHandler } from './memory-access';
import type { MemoryDiary } from './memory-diary';
import { adminOf, classOf, fieldError, setupState, yearOf } from './memory-setup-state';

const EMPTY_TEMPLATE: TimetableTemplate = { items: [], exceptions: [] };

/** The holidays of the school years of a school. */
function holidaysOfSchool(diary: MemoryDiary, schoolId: string) {
  const state = setupState(diary);
  return diary.data.schoolYears
    .filter((y) => y.schoolId === schoolId)
    .flatMap((y) => state.holidays.get(y.id) ?? []);
}

/** Whether marks, attendance or homework hang on a lesson (then generating leaves it alone). */
function lessonInUse(diary: MemoryDiary, lesson: Lesson): boolean {
  const d = diary.data;
  return (
    lesson.homework.length > 0 ||
    d.marks.some((m) => m.lessonId === lesson.id) ||
    d.attendance.some((a) => a.lessonId === lesson.id) ||
    d.homework.some((h) => h.lessonId === lesson.id)
  );
}

/**
 * The memory client's answers for a school's calendar: holidays of a school year, the bell
 * schedule, the final-mark rounding, and a class's repeating week that makes its lessons.
 */
export const SETUP_CALENDAR_HANDLERS: Readonly<Record<string, MemoryHandler>> = {
  'setup.holidays': (diary, request) => {
    const year = yearOf(diary, request.params.schoolYearId);
    adminOf(request, year.schoolId);
    return { items: setupState(diary).holidays.get(year.id) ?? [] };
  },
  'setup.setHolidays': (diary, request) => {
    const year = yearOf(diary, request.params.schoolYearId);
    adminOf(request, year.schoolId);
    const { items } = request.body as Holidays;
    const sorted = [...items].sort((a, b) => a.startDate.localeCompare(b.startDate));
    sorted.forEach((h, i) => {
      const at = items.indexOf(h);
      const startOutside = h.startDate < year.startDate || h.startDate > year.endDate;
      if (startOutside || h.endDate > year.endDate)
        throw fieldError(
          `items.${at}.${startOutside ? 'startDate' : 'endDate'}`,
          'outside_school_year',
          {
            year: year.name,
            start: year.startDate,
            end: year.endDate,
          },
        );
      if (i > 0 && (sorted[i - 1]?.endDate ?? '') >= h.startDate)
        throw fieldError(`items.${at}.startDate`, 'date_order');
    });
    setupState(diary).holidays.set(year.id, sorted);
    return { items: sorted };
  },
  'setup.bells': (diary, request) => {
    adminOf(request, request.params.schoolId);
    return { items: setupState(diary).bells.get(String(request.params.schoolId)) ?? [] };
  },
  'setup.setBells': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const { items } = request.body as BellSchedule;
    setupState(diary).bells.set(String(request.params.schoolId), items);
    return { items };
  },
  'setup.rounding': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const { 5: five, 4: four, 3: three } = DEFAULT_FINAL_MARK_THRESHOLDS;
    return setupState(diary).rounding.get(String(request.params.schoolId)) ?? { five, four, three };
  },
  'setup.setRounding': (diary, request) => {
    adminOf(request, request.params.schoolId);
    const rounding = request.body as FinalMarkRounding;
    setupState(diary).rounding.set(String(request.params.schoolId), rounding);
    return rounding;
  },
  'setup.timetableTemplate': (diary, request) => {
    const cls = classOf(diary, request.params.classId);
    adminOf(request, cls.schoolId);
    return setupState(diary).templates.get(cls.id) ?? EMPTY_TEMPLATE;
  },
  'setup.setTimetableTemplate': (diary, request) => {
    const cls = classOf(diary, request.params.classId);
    adminOf(request, cls.schoolId);
    const template = request.body as TimetableTemplate;
    const staff = new Set(
      diary.data.users.filter((u) => u.schoolId === cls.schoolId).map((u) => u.id),
    );
    const subjects = new Set(
      setupState(diary)
        .subjects.filter((s) => s.schoolId === cls.schoolId)
        .map((s) => s.id),
    );
    template.items.forEach((l, n) => {
      if (!subjects.has(l.subjectId)) throw fieldError(`items.${n}.subjectId`, 'unknown_reference');
      if (!staff.has(l.teacherId)) throw fieldError(`items.${n}.teacherId`, 'unknown_reference');
    });
    setupState(diary).templates.set(cls.id, template);
    return template;
  },
  'setup.generateTimetable': (diary, request) => {
    const cls = classOf(diary, request.params.classId);
    adminOf(request, cls.schoolId);
    const { from, to } = request.body as { from: string; to: string };
    const state = setupState(diary);
    const plan = planLessons(state.templates.get(cls.id) ?? EMPTY_TEMPLATE, {
      from,
      to,
      holidays: holidaysOfSchool(diary, cls.schoolId),
      bells: state.bells.get(cls.schoolId) ?? [],
      yearStart:
        diary.data.schoolYears.find((y) => y.schoolId === cls.schoolId && y.name === cls.schoolYear)
          ?.startDate ?? schoolYearStart(cls.schoolYear),
    });
    const name = (id: string) => {
      const u = diary.data.users.find((x) => x.id === id);
      return u ? [u.lastName, u.firstName, u.middleName].filter(Boolean).join(' ') : id;
    };
    const subjectName = (id: string) => state.subjects.find((s) => s.id === id)?.name ?? id;
    const result = { created: 0, updated: 0, kept: 0, removed: 0 };
    const lessons = diary.data.lessons;
    const existing = lessons.filter((l) => l.classId === cls.id && l.date >= from && l.date <= to);
    for (const p of plan) {
      const old = existing.find((l) => l.date === p.date && l.number === p.number);
      const lesson: Lesson = {
        id: old?.id ?? diary.id('les'),
        classId: cls.id,
        ...p,
        subjectName: subjectName(p.subjectId),
        teacherName: name(p.teacherId),
        homework: old?.homework ?? [],
      };
      if (!old) {
        lessons.push(lesson);
        result.created += 1;
      } else if (lessonInUse(diary, old)) result.kept += 1;
      else {
        lessons.splice(lessons.indexOf(old), 1, lesson);
        result.updated += 1;
      }
    }
    for (const old of existing) {
      if (plan.some((p) => p.date === old.date && p.number === old.number)) continue;
      if (lessonInUse(diary, old)) result.kept += 1;
      else {
        lessons.splice(lessons.indexOf(old), 1);
        result.removed += 1;
      }
    }
    return result;
  },
};
