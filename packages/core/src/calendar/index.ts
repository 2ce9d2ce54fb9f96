// One calendar: ISO dates, ISO weeks, and "today" in a school's time zone.
export * from './calendar-day.js';
export * from './iso-week.js';
export * from './period-name.js';
export * from './school-year.js';
export * from './time-zone.js';
export * from './ics.js';
export * from './timetable-plan.js';
export * from './week-parity.js';
export * from './timetable-week.js';
export * from './quiet-hours.js';
