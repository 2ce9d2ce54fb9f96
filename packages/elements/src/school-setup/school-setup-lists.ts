import type { SchoolClass, Subject } from '@school-diary/core';
import { html, type TemplateResult } from 'lit';
import { byLastSegment, type Section, type SetupForm } from './school-setup-form';
import type { Loaded } from './school-setup-load';

/** One entry of a list the admin can rename and delete. */
interface Entry {
  readonly id: string;
  readonly label: string;
  /** The name the rename field starts with. */
  readonly name: string;
  /** The rename button's name: «Переименовать класс 5А». */
  readonly renameLabel: string;
  /** The rename field's label: «Новое название класса 5А». */
  readonly newNameLabel: string;
  readonly removeLabel: string;
  readonly rename: () => void;
  readonly remove: () => void;
}

/** A list whose entries each have «Переименовать» (an inline field) and «Удалить». */
function renderEntries(form: SetupForm, section: Section, entries: readonly Entry[]) {
  return html`<ul part="list">
    ${entries.map((e) => {
      const editing = form.value('editing') === `${section}:${e.id}`;
      const id = `rename-${section}`;
      return html`<li part="item">
        ${
          editing
            ? html`${form.field(id, e.newNameLabel, { value: e.name })}
              ${form.button(section, 'save', form.t('save'), e.rename)}
              ${form.button(section, 'cancel', form.t('cancel'), () => form.set({ editing: '' }))}`
            : html`<span>${e.label}</span>
                <span class="diary-actions">
                  ${form.button(
                    section,
                    'rename',
                    form.t('rename'),
                    () => {
                      form.set({ editing: `${section}:${e.id}`, [id]: e.name });
                      void form.focus(id);
                    },
                    e.renameLabel,
                  )}
                  ${form.button(section, 'remove', form.t('remove'), e.remove, e.removeLabel)}
                </span>`
        }
      </li>`;
    })}
  </ul>`;
}

/** The classes: a list to rename or delete from, and a form to add one. */
export function renderClasses(form: SetupForm, loaded: Loaded): TemplateResult {
  const entries = loaded.classes.map((c): Entry => ({
    id: c.id,
    label: c.name,
    name: c.name,
    renameLabel: form.t('renameClass', { name: c.name }),
    newNameLabel: form.t('newClassName', { name: c.name }),
    removeLabel: form.t('removeClass', { name: c.name }),
    rename: () => void renameClass(form, c),
    remove: () => void removeClass(form, c),
  }));
  return form.section(
    'classes',
    form.t('classes'),
    html`${
      entries.length === 0
        ? html`<p>${form.t('noClasses')}</p>`
        : renderEntries(form, 'classes', entries)
    }
    ${form.field('class-name', form.t('className'), { hint: form.t('classNameHint') })}
    ${form.field('class-grade', form.t('grade'), { width: 'short', numeric: true })}
    ${form.button('classes', 'add', form.t('addClass'), () => void addClass(form, loaded))}`,
  );
}

/** The subjects: a list to rename or delete from, and a form to add one. */
export function renderSubjects(form: SetupForm, loaded: Loaded): TemplateResult {
  const entries = loaded.subjects.map((s): Entry => ({
    id: s.id,
    label: `${s.name} (${s.shortName})`,
    name: s.name,
    renameLabel: form.t('renameSubject', { name: s.name }),
    newNameLabel: form.t('newSubjectName', { name: s.name }),
    removeLabel: form.t('removeSubject', { name: s.name }),
    rename: () => void renameSubject(form, s),
    remove: () => void removeSubject(form, s),
  }));
  return form.section(
    'subjects',
    form.t('subjects'),
    html`${
      entries.length === 0
        ? html`<p>${form.t('noSubjects')}</p>`
        : renderEntries(form, 'subjects', entries)
    }
    ${form.field('subject-name', form.t('subjectName'))}
    ${form.field('subject-short', form.t('shortName'))}
    ${form.button('subjects', 'add', form.t('addSubject'), () => void addSubject(form, loaded))}`,
  );
}

const classField = byLastSegment({ name: 'class-name', grade: 'class-grade' });
const subjectField = byLastSegment({ name: 'subject-name', shortName: 'subject-short' });
const renameField = (id: string) => (path: string) => (path === 'name' ? id : undefined);

async function addClass(form: SetupForm, loaded: Loaded) {
  await form.run('classes', classField, async (client) => {
    const name = form.value('class-name');
    const grade = Number(form.value('class-grade'));
    await client.setup.createClass({
      schoolId: loaded.schoolId,
      name,
      grade: Number.isNaN(grade) ? 0 : grade,
      schoolYear: loaded.year?.name ?? '',
    });
    form.clear('class-name', 'class-grade');
    return form.t('classAdded', { name });
  });
}

async function renameClass(form: SetupForm, cls: SchoolClass) {
  const name = form.value('rename-classes');
  await form.run('classes', renameField('rename-classes'), async (client) => {
    await client.setup.updateClass({ classId: cls.id, name });
    form.set({ editing: '' });
    return form.t('classRenamed', { old: cls.name, name });
  });
}

async function removeClass(form: SetupForm, cls: SchoolClass) {
  await form.run('classes', classField, async (client) => {
    await client.setup.removeClass({ classId: cls.id });
    return form.t('classRemoved', { name: cls.name });
  });
}

async function addSubject(form: SetupForm, loaded: Loaded) {
  await form.run('subjects', subjectField, async (client) => {
    const name = form.value('subject-name');
    await client.setup.createSubject({
      schoolId: loaded.schoolId,
      name,
      shortName: form.value('subject-short'),
    });
    form.clear('subject-name', 'subject-short');
    return form.t('subjectAdded', { name });
  });
}

async function renameSubject(form: SetupForm, subject: Subject) {
  const name = form.value('rename-subjects');
  await form.run('subjects', renameField('rename-subjects'), async (client) => {
    await client.setup.updateSubject({ subjectId: subject.id, name });
    form.set({ editing: '' });
    return form.t('subjectRenamed', { old: subject.name, name });
  });
}

async function removeSubject(form: SetupForm, subject: Subject) {
  await form.run('subjects', subjectField, async (client) => {
    await client.setup.removeSubject({ subjectId: subject.id });
    return form.t('subjectRemoved', { name: subject.name });
  });
}
