import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { timetableLessonChange, withTimetableLessons } from './timetable-week.js';

describe('a timetable’s lessons put into a class’s week', () => {
  const math = { weekday: 1, number: 1, subjectId: 'sub_math', teacherId: 'usr_orlov', room: '21' };
  const physics = { ...math, subjectId: 'sub_phys', room: '31' };

  it('replaces only the week a lesson names, and keeps the other week’s', () => {
    assert.deepEqual(withTimetableLessons([math], [{ ...physics, week: 'odd' }]), [
      { ...physics, week: 'odd' },
      { ...math, week: 'even' },
    ]);
  });

  it('holds once, every week, a time whose two weeks end with the same lesson', () => {
    const split = [
      { ...math, week: 'odd' as const },
      { ...physics, week: 'even' as const },
    ];
    assert.deepEqual(withTimetableLessons(split, [{ ...math, week: 'even' }]), [math]);
    assert.deepEqual(withTimetableLessons(split, [physics]), [physics]);
  });

  it('tells what a lesson changes: the fields, and a week that had no lesson', () => {
    assert.deepEqual(timetableLessonChange(math, []), { existing: undefined, changes: [] });
    assert.deepEqual(timetableLessonChange({ ...math, week: 'odd' }, [math]).changes, []);
    assert.deepEqual(timetableLessonChange({ ...physics, week: 'even' }, [math]).changes, [
      'subjectId',
      'room',
    ]);
    assert.deepEqual(timetableLessonChange(math, [{ ...math, week: 'odd' }]).changes, ['week']);
  });
});
