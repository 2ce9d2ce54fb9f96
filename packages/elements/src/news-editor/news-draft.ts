import {
  errorMessage,
  newsImageSchema,
  newsInputProblems,
  newsInputSchema,
  timeOfDaySchema,
  validate,
  type Lang,
  type NewsItem,
} from '@school-diary/core';

/** What the admin has typed so far, every field as text (nothing is lost on an error). */
export interface NewsDraft {
  readonly kind: NewsItem['kind'];
  readonly title: string;
  readonly body: string;
  /** `YYYY-MM-DD` or empty (the date box gives only dates that exist). */
  readonly eventDate: string;
  readonly startTime: string;
  readonly endTime: string;
  readonly location: string;
  readonly imageUrl: string;
  readonly imageAlt: string;
}

/** A form with nothing typed. */
export const EMPTY_DRAFT: NewsDraft = {
  kind: 'news',
  title: '',
  body: '',
  eventDate: '',
  startTime: '',
  endTime: '',
  location: '',
  imageUrl: '',
  imageAlt: '',
};

/** The ids of the form's controls by a field's path on the wire (the error summary's links). */
export const FIELD_IDS: Readonly<Record<string, string>> = {
  kind: 'kind-news',
  title: 'news-title',
  body: 'body',
  eventDate: 'event-date',
  startTime: 'start-time',
  endTime: 'end-time',
  location: 'location',
  'image.url': 'image-url',
  'image.alt': 'image-alt',
};

/**
 * The body of `news.publish` as the draft says it: the day, hours and place only for an event,
 * the picture only when either of its fields is filled, empty optional fields left out.
 */
export function draftInput(d: NewsDraft): Record<string, unknown> {
  const optional = (name: string, value: string) => (value.trim() ? { [name]: value.trim() } : {});
  return {
    kind: d.kind,
    title: d.title,
    body: d.body,
    ...(d.kind === 'event'
      ? {
          ...optional('eventDate', d.eventDate),
          ...optional('startTime', d.startTime),
          ...optional('endTime', d.endTime),
          ...optional('location', d.location),
        }
      : {}),
    ...(d.imageUrl.trim() || d.imageAlt.trim()
      ? { image: { url: d.imageUrl.trim(), alt: d.imageAlt } }
      : {}),
  };
}

/**
 * Checks the draft with core's schema and its rules across fields, as the server will: each
 * field's first problem, worded by core's catalogue in `lang`, by the field's path on the wire.
 */
export function checkDraft(d: NewsDraft, lang: Lang): Record<string, string> {
  const input = draftInput(d);
  const errors: Record<string, string> = {};
  const checked = validate(newsInputSchema, input, lang);
  if (!checked.ok) for (const e of checked.errors) errors[e.path] ??= e.message;
  const timing = input as Parameters<typeof newsInputProblems>[0];
  for (const p of newsInputProblems(timing))
    errors[p.path] ??= errorMessage(p.code, { lang, field: p.path });
  return errors;
}

const isTime = (value: string) => validate(timeOfDaySchema, value).ok;

/**
 * The item as parents will see it once published (now), from what of the draft is already
 * valid; `undefined` until it has a title or a text.
 */
export function previewItem(d: NewsDraft, schoolId: string, now: Date): NewsItem | undefined {
  const title = d.title.trim();
  const body = d.body.trim();
  if (!title && !body) return undefined;
  const event = d.kind === 'event' && d.eventDate !== '';
  const start = d.startTime.trim();
  const end = d.endTime.trim();
  const image = { url: d.imageUrl.trim(), alt: d.imageAlt.trim() };
  return {
    id: 'preview',
    schoolId,
    kind: d.kind,
    title,
    body,
    publishedAt: now.toISOString(),
    ...(event ? { eventDate: d.eventDate } : {}),
    ...(event && isTime(start) ? { startTime: start } : {}),
    ...(event && isTime(start) && isTime(end) ? { endTime: end } : {}),
    ...(event && d.location.trim() ? { location: d.location.trim() } : {}),
    ...(validate(newsImageSchema, image).ok ? { image } : {}),
  };
}
