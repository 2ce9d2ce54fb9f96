// Helpers for stories (Storybook only, never published): each widget's story meta (controls for
// its public attributes, its events as actions, a memory client per story inside a provider that
// follows the toolbar's language and theme), memory clients for each state a widget must show,
// and the story parameters for phone width, English and the dark theme.
import type { Args, ArgTypes, Meta, StoryContext } from '@storybook/web-components-vite';
import { html, nothing, type TemplateResult } from 'lit';
import { Directive, PartType, directive, type ElementPart, type PartInfo } from 'lit/directive.js';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { action } from 'storybook/actions';
import manifest from '../../custom-elements.json';
import {
  createMemoryClient,
  demoFixtures,
  type MemoryClient,
  type MemoryClientOptions,
  type MemoryFixtures,
} from '@school-diary/sdk/testing';

/** A latency no story outlives (setTimeout's ceiling): the widget stays in its loading state. */
export const FOREVER_MS = 2_147_483_647;

/** A memory client signed in as the demo parent; options as `createMemoryClient`'s. */
export const storyClient = (options: MemoryClientOptions = {}): MemoryClient =>
  createMemoryClient({ latencyMs: 150, ...options });

/** Every answer takes forever: loading states. */
export const loadingClient = (options: MemoryClientOptions = {}): MemoryClient =>
  createMemoryClient({ ...options, latencyMs: FOREVER_MS });

/** No one is signed in. */
export const signedOutClient = (options: MemoryClientOptions = {}): MemoryClient =>
  storyClient({ ...options, signedInAs: null });

/** Every listed operation answers 500 (`internal`): error states. */
export const failingClient = (
  operations: readonly string[],
  options: MemoryClientOptions = {},
): MemoryClient =>
  storyClient({
    ...options,
    failures: Object.fromEntries(
      operations.map((op) => [op, { status: 500, code: 'internal' } as const]),
    ),
  });

/** The demo parent with no marks, homework, lessons, messages, notifications or schools: empty states. */
export function emptyFixtures(): MemoryFixtures {
  const f = demoFixtures();
  for (const list of [
    f.marks,
    f.finalMarks,
    f.lessons,
    f.homework,
    f.assessments,
    f.attendance,
    f.threads,
    f.messages,
    f.notifications,
    f.schools,
    f.previousYearMarks,
  ])
    list.splice(0, list.length);
  return f;
}

const LONG_LAST = 'Римская-Корсакова-Преображенская';
const LONG_FIRST = 'Анастасия-Александра';
const LONG_MIDDLE = 'Константиновна';

/** Long names everywhere (children, teachers, subjects, schools): layouts must wrap, not overflow. */
export function longNameFixtures(): MemoryFixtures {
  const f = demoFixtures();
  f.children.forEach(
    (c, i) =>
      (f.children[i] = {
        ...c,
        lastName: LONG_LAST,
        firstName: LONG_FIRST,
        middleName: LONG_MIDDLE,
      }),
  );
  f.users.forEach(
    (u, i) =>
      (f.users[i] = { ...u, lastName: LONG_LAST, firstName: LONG_FIRST, middleName: LONG_MIDDLE }),
  );
  const subject = (name: string) => `${name} и основы проектно-исследовательской деятельности`;
  f.marks.forEach(
    (m, i) =>
      (f.marks[i] = {
        ...m,
        subjectName: subject(m.subjectName),
        teacherName: `${LONG_LAST} А. К.`,
      }),
  );
  f.lessons.forEach(
    (l, i) =>
      (f.lessons[i] = {
        ...l,
        subjectName: subject(l.subjectName),
        teacherName: `${LONG_LAST} А. К.`,
      }),
  );
  f.threads.forEach(
    (t, i) =>
      (f.threads[i] = {
        ...t,
        teacherName: `${LONG_LAST} ${LONG_FIRST} ${LONG_MIDDLE}`,
        title: subject(t.title),
      }),
  );
  f.schools.forEach(
    (s, i) =>
      (f.schools[i] = {
        ...s,
        name: `Государственное бюджетное общеобразовательное учреждение города Москвы «${s.shortName} имени Героя Советского Союза»`,
      }),
  );
  return f;
}

const VALUES = [5, 4, 3, 2, 4, 5] as const;

/** Many marks: ten times the demo marks (each copy on the same days), for dense tables and charts. */
export function manyMarksFixtures(copies = 10): MemoryFixtures {
  const f = demoFixtures();
  const original = [...f.marks];
  for (let copy = 1; copy < copies; copy += 1)
    f.marks.push(
      ...original.map((m, i) => ({
        ...m,
        id: `${m.id}_x${copy}`,
        value: VALUES[(i + copy) % VALUES.length] ?? 4,
      })),
    );
  return f;
}

/** Story parameters: a 360 px phone screen. */
export const phoneWidth = { globals: { viewport: { value: 'phone', isRotated: false } } } as const;

/** Story parameters: the dark background that suits `theme="dark"`. */
export const darkBackground = { globals: { backgrounds: { value: 'dark' } } } as const;

/** Story globals: the dark theme on its dark background (the toolbar's theme, fixed). */
export const darkTheme = { globals: { theme: 'dark', backgrounds: { value: 'dark' } } } as const;

/** Story globals: the widgets in English (the toolbar's language, fixed). */
export const english = { globals: { lang: 'en' } } as const;

/** A story's own parameters: the memory client its provider gets (the demo parent by default). */
export interface DiaryStoryParameters {
  readonly client?: () => MemoryClient;
}

interface ManifestAttribute {
  readonly name: string;
  readonly type?: { readonly text?: string };
}
interface ManifestDeclaration {
  readonly tagName?: string;
  readonly attributes?: readonly ManifestAttribute[];
  readonly events?: readonly { readonly name?: string }[];
}

const declarations: readonly ManifestDeclaration[] = (
  manifest as { modules: readonly { declarations?: readonly ManifestDeclaration[] }[] }
).modules.flatMap((m) => m.declarations ?? []);

const declarationOf = (tag: string): ManifestDeclaration | undefined =>
  declarations.find((d) => d.tagName === tag);

/** A control for an attribute by its documented type: a select for a union of literals. */
function controlFor(type = ''): ArgTypes[string] {
  const literals = [...type.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  if (literals.length > 0) return { control: 'select', options: [undefined, ...literals] };
  if (/\bboolean\b/.test(type)) return { control: 'boolean' };
  if (/\bnumber\b/.test(type)) return { control: 'number' };
  return { control: 'text' };
}

/** Controls for a widget's public attributes, from custom-elements.json. */
export function attributeArgTypes(tag: string): ArgTypes {
  return Object.fromEntries(
    (declarationOf(tag)?.attributes ?? []).map((a) => [a.name, controlFor(a.type?.text)]),
  );
}

/** Sets a widget's attributes from the story's args and reports its events as actions. */
class WidgetArgs extends Directive {
  #set = new Set<string>();
  #listening = false;

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('widgetArgs goes on an element');
  }

  render(_tag: string, _args: Args) {
    return nothing;
  }

  override update(part: ElementPart, [tag, args]: [string, Args]) {
    const element = part.element;
    const declaration = declarationOf(tag);
    const next = new Set<string>();
    for (const { name } of declaration?.attributes ?? []) {
      const value: unknown = args[name];
      if (value === undefined || value === null || value === false || value === '') continue;
      element.setAttribute(name, value === true ? '' : String(value));
      next.add(name);
    }
    for (const name of this.#set) if (!next.has(name)) element.removeAttribute(name);
    this.#set = next;
    if (!this.#listening) {
      this.#listening = true;
      for (const { name } of declaration?.events ?? [])
        if (name) element.addEventListener(name, action(name));
    }
    return nothing;
  }
}
const widgetArgs = directive(WidgetArgs);

/** The widget `tag` with the story's args as its attributes. */
export function widget(tag: string, args: Args = {}): TemplateResult {
  const name = unsafeStatic(tag);
  return staticHtml`<${name} ${widgetArgs(tag, args)}></${name}>`;
}

/** The story's memory client (see {@link DiaryStoryParameters}), made once per story. */
export function clientLoader(context: StoryContext): { client: MemoryClient } {
  const make = (context.parameters['diary'] as DiaryStoryParameters | undefined)?.client;
  return { client: (make ?? (() => storyClient()))() };
}

/** `content` inside a provider with the story's client and the toolbar's language and theme. */
export function inProvider(context: StoryContext, content: unknown): TemplateResult {
  const { lang, theme } = context.globals as { lang?: string; theme?: string };
  return html`<diary-provider
    .client=${context.loaded['client'] as MemoryClient | undefined}
    lang=${lang ?? 'ru'}
    theme=${theme ?? 'light'}
    >${content}</diary-provider
  >`;
}

/**
 * The default export of a widget's stories: its controls, one memory client per story and a
 * render that puts the widget, with the args as attributes, in a provider.
 */
export function widgetMeta(tag: string, description: string, args: Args = {}): Meta {
  return {
    title: `Widgets/${tag}`,
    component: tag,
    args,
    argTypes: attributeArgTypes(tag),
    loaders: [clientLoader],
    render: (storyArgs, context) => inProvider(context, widget(tag, storyArgs)),
    parameters: { docs: { description: { component: description } } },
  };
}

/** The shadow root of the first `tag` in the story, once it has rendered. */
export async function shadowOf(canvas: HTMLElement, tag: string): Promise<ShadowRoot> {
  await customElements.whenDefined(tag);
  const element = canvas.querySelector(tag) as
    (HTMLElement & { updateComplete?: Promise<unknown> }) | null;
  if (!element?.shadowRoot) throw new Error(`no ${tag} in the story`);
  await element.updateComplete;
  return element.shadowRoot;
}
