// Stories of <diary-school-setup> over the SDK's in-memory client signed in as the demo school's
// admin: Школа № 42's year, classes 5А and 8Б, its subjects, staff and bells. The toolbar sets the
// language and theme.
import type { Application } from '@school-diary/core';
import { demoFixtures } from '@school-diary/sdk/testing';
import { html } from 'lit';
import { waitFor } from 'storybook/test';
import '../define';
import {
  darkTheme,
  english,
  failingClient,
  loadingClient,
  phoneWidth,
  shadowOf,
  signedOutClient,
  storyClient,
  widgetMeta,
} from '../test-support/stories';

const admin = () => storyClient({ signedInAs: 'school_admin' });

const meta = widgetMeta(
  'diary-school-setup',
  "The school admin's year and holidays, classes, subjects, staff and bell schedule.",
);

export default { ...meta, parameters: { ...meta.parameters, diary: { client: admin } } };

export const School = {};

/** Two parents' applications waiting: one submitted, one being checked, each named by its pupil. */
export const ApplicationsQueue = {
  parameters: {
    diary: {
      client: () => {
        const at = '2026-09-01T08:00:00.000Z';
        const waiting = (
          id: string,
          number: string,
          childId: string,
          rosterId: string,
          status: 'submitted' | 'checking',
        ): Application => ({
          id,
          number,
          childId,
          schoolId: 'sch_42',
          schoolYear: '2026/2027',
          rosterId,
          status,
          history: [
            { status: 'submitted', at },
            ...(status === 'checking' ? [{ status, at }] : []),
          ],
          createdAt: at,
          updatedAt: at,
        });
        return storyClient({
          signedInAs: 'school_admin',
          fixtures: {
            ...demoFixtures(),
            applications: [
              waiting('app_story_maria', 'ЭД-2026-000021', 'chd_maria', 'R42-5A-01', 'submitted'),
              waiting('app_story_petr', 'ЭД-2026-000022', 'chd_petr', 'R42-8B-07', 'checking'),
            ],
          },
        });
      },
    },
  },
};

/** Deleting 5А, which has pupils and lessons: the server's explanation, nothing deleted. */
export const ClassInUse = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await shadowOf(canvasElement, 'diary-school-setup');
    const remove = await waitFor(() => {
      const button = root.querySelector<HTMLButtonElement>('[aria-label="Удалить класс 5А"]');
      if (!button) throw new Error('the widget has not loaded yet');
      return button;
    });
    remove.click();
  },
};

/** A cell of the weekly grid opened in the lesson editor, focus on its subject. */
export const LessonOfTheWeek = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await shadowOf(canvasElement, 'diary-school-setup');
    const cell = await waitFor(() => {
      const button = root.querySelector<HTMLButtonElement>('[part~="cell"]');
      if (!button) throw new Error('the timetable has not loaded yet');
      return button;
    });
    cell.click();
  },
};

/** «Сформировать расписание» for 5А from today to the end of the year, with what it did. */
export const TimetableMade = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await shadowOf(canvasElement, 'diary-school-setup');
    const make = await waitFor(() => {
      const button = root.querySelector<HTMLButtonElement>('[part~="generate"]');
      if (!button) throw new Error('the widget has not loaded yet');
      return button;
    });
    make.click();
  },
};

/**
 * A timetable file of odd and even weeks checked before import: 5А's lessons to add, each week on
 * its own line, and a class the school does not have, by line and column.
 */
export const TimetablePreview = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await shadowOf(canvasElement, 'diary-school-setup');
    const input = await waitFor(() => {
      const found = root.querySelector<HTMLInputElement>('#import-file');
      if (!found) throw new Error('the widget has not loaded yet');
      return found;
    });
    const csv = [
      'Класс;День недели;Урок;Предмет;Учитель;Кабинет;Неделя',
      '5А;Пн;1;Математика;Орлов С.Н.;204;',
      '5А;Пн;2;Русский язык;Белова И.А.;112;нечётная',
      '5А;Пн;2;Литература;Белова И.А.;112;чётная',
      '5Я;Вт;1;Математика;Орлов С.Н.;204;',
    ].join('\r\n');
    const files = new DataTransfer();
    files.items.add(new File([csv], 'timetable.csv', { type: 'text/csv' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change'));
    root.querySelector<HTMLButtonElement>('[part~="preview"]')?.click();
  },
};

/** Thresholds out of order: the error at the field, focused. */
export const RoundingOutOfOrder = {
  play: async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await shadowOf(canvasElement, 'diary-school-setup');
    const input = await waitFor(() => {
      const field = root.querySelector<HTMLInputElement>('#rounding-four');
      if (!field) throw new Error('the widget has not loaded yet');
      return field;
    });
    input.value = '4,8';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    root
      .querySelector<HTMLButtonElement>('[aria-labelledby="rounding-heading"] [part~="save"]')
      ?.click();
  },
};

export const English = { ...english };

export const Dark = { ...darkTheme };

export const Phone = { ...phoneWidth };

export const Loading = {
  parameters: { diary: { client: () => loadingClient({ signedInAs: 'school_admin' }) } },
};

export const ServerError = {
  parameters: {
    diary: { client: () => failingClient(['setup.staff'], { signedInAs: 'school_admin' }) },
  },
};

export const NotAnAdmin = { parameters: { diary: { client: () => storyClient() } } };

export const SignedOut = { parameters: { diary: { client: () => signedOutClient() } } };

export const OutsideAProvider = {
  render: () => html`<diary-school-setup></diary-school-setup>`,
};
