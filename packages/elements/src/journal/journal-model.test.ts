/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { Journal, JournalLesson } from '@school-diary/core';
import { withLesson } from './journal-model';

const lesson = (id: string, topic: string): JournalLesson => ({
  id,
  date: '2026-11-24',
  number: 2,
  topic,
  homework: [],
  weight: 1,
  kind: 'classwork',
});

const journal: Journal = {
  classId: 'cls_1',
  className: '5 А',
  subjectId: 'sub_1',
  subjectName: 'Математика',
  from: '2026-11-24',
  to: '2026-11-25',
  writable: true,
  students: [],
  lessons: [lesson('les_1', 'Дроби'), lesson('les_2', 'Проценты')],
  cells: [],
};

describe('journal model', () => {
  it('keeps the journal when a lesson comes back unchanged, else replaces only that lesson', () => {
    expect(withLesson(journal, lesson('les_2', 'Проценты'))).to.equal(journal);
    const changed = withLesson(journal, lesson('les_2', 'Задачи на проценты'));
    expect(changed).to.not.equal(journal);
    expect(changed.lessons.map((l) => l.topic)).to.deep.equal(['Дроби', 'Задачи на проценты']);
    expect(changed.lessons[0]).to.equal(journal.lessons[0]);
    // A lesson the journal does not show changes nothing.
    expect(withLesson(journal, lesson('les_9', 'Дроби'))).to.equal(journal);
  });
});
