import type { Lang } from '@school-diary/core';
import type { DiaryTheme } from '../shared/diary-element';

/**
 * The theme's variables by their Stripe-style names, each writing one public `--diary-*` token.
 * Colours take any CSS colour, sizes any CSS length, the font any `font-family` list.
 */
export interface DiaryAppearanceVariables {
  readonly colorPrimary?: string;
  readonly colorPrimaryHover?: string;
  readonly colorOnPrimary?: string;
  readonly colorText?: string;
  readonly colorTextMuted?: string;
  readonly colorBackground?: string;
  readonly colorSurface?: string;
  readonly colorBorder?: string;
  readonly colorDanger?: string;
  readonly colorDangerBackground?: string;
  readonly colorSuccess?: string;
  readonly colorSuccessBackground?: string;
  readonly colorFocus?: string;
  readonly borderRadius?: string;
  readonly spacingUnit?: string;
  readonly fontFamily?: string;
  readonly fontSizeBase?: string;
  readonly controlHeight?: string;
}

/**
 * Styling without CSS, for sites that only paste a snippet (after Stripe Elements' `appearance`):
 * a theme and variables, given to `<diary-provider>` as its `appearance` property or as JSON in
 * its `appearance` attribute. Everything inside the provider follows.
 *
 * @example
 * provider.appearance = { theme: 'dark', variables: { colorPrimary: '#6fd39f', borderRadius: '4px' } };
 */
export interface DiaryAppearance {
  readonly theme?: DiaryTheme;
  readonly variables?: DiaryAppearanceVariables;
}

type Kind = 'color' | 'length' | 'font';

const VARIABLES: Readonly<Record<keyof DiaryAppearanceVariables, readonly [string, Kind]>> = {
  colorPrimary: ['--diary-color-primary', 'color'],
  colorPrimaryHover: ['--diary-color-primary-hover', 'color'],
  colorOnPrimary: ['--diary-color-on-primary', 'color'],
  colorText: ['--diary-color-text', 'color'],
  colorTextMuted: ['--diary-color-text-muted', 'color'],
  colorBackground: ['--diary-color-bg', 'color'],
  colorSurface: ['--diary-color-surface', 'color'],
  colorBorder: ['--diary-color-border', 'color'],
  colorDanger: ['--diary-color-error', 'color'],
  colorDangerBackground: ['--diary-color-error-bg', 'color'],
  colorSuccess: ['--diary-color-success', 'color'],
  colorSuccessBackground: ['--diary-color-success-bg', 'color'],
  colorFocus: ['--diary-color-focus', 'color'],
  borderRadius: ['--diary-radius', 'length'],
  spacingUnit: ['--diary-spacing', 'length'],
  fontFamily: ['--diary-font-family', 'font'],
  fontSizeBase: ['--diary-font-size', 'length'],
  controlHeight: ['--diary-control-height', 'length'],
};

/** The custom property each appearance variable sets, e.g. `colorPrimary` → `--diary-color-primary`. */
export const APPEARANCE_TOKENS: Readonly<Record<keyof DiaryAppearanceVariables, string>> =
  Object.fromEntries(Object.entries(VARIABLES).map(([name, [token]]) => [name, token])) as Record<
    keyof DiaryAppearanceVariables,
    string
  >;

/** Why part of an appearance was not applied. */
export type AppearanceIssueCode =
  | 'not_object'
  | 'bad_json'
  | 'unknown_key'
  | 'unknown_variable'
  | 'bad_theme'
  | 'bad_color'
  | 'bad_length'
  | 'bad_font';

/** One part of an appearance that was left out, with the path of the field and a message. */
export interface AppearanceIssue {
  /** `variables.colorPrimary`, `theme`, or `` for the whole object. */
  readonly path: string;
  readonly code: AppearanceIssueCode;
  readonly message: string;
}

const MESSAGES: Readonly<Record<Lang, Readonly<Record<AppearanceIssueCode, string>>>> = {
  ru: {
    not_object: 'appearance должен быть объектом вида { theme, variables }',
    bad_json: 'атрибут appearance — не JSON: напишите, например, {"theme":"dark"}',
    unknown_key: '{path}: такого поля нет; есть theme и variables',
    unknown_variable: '{path}: такой переменной нет; проверьте имя (например, colorPrimary)',
    bad_theme: '{path}: тема должна быть light, dark или auto',
    bad_color: '{path}: «{value}» — не цвет CSS; укажите, например, #0d4cd3',
    bad_length: '{path}: «{value}» — не размер CSS; укажите, например, 8px',
    bad_font: '{path}: «{value}» — не список шрифтов CSS; укажите, например, Arial, sans-serif',
  },
  en: {
    not_object: 'appearance must be an object like { theme, variables }',
    bad_json: 'the appearance attribute is not JSON: write, for example, {"theme":"dark"}',
    unknown_key: '{path}: no such field; there are theme and variables',
    unknown_variable: '{path}: no such variable; check the name (for example, colorPrimary)',
    bad_theme: '{path}: the theme must be light, dark or auto',
    bad_color: '{path}: "{value}" is not a CSS colour; use, for example, #0d4cd3',
    bad_length: '{path}: "{value}" is not a CSS length; use, for example, 8px',
    bad_font: '{path}: "{value}" is not a CSS font list; use, for example, Arial, sans-serif',
  },
};

const PROPERTY_OF: Readonly<Record<Kind, string>> = {
  color: 'color',
  length: 'border-top-left-radius',
  font: 'font-family',
};
const BAD_OF: Readonly<Record<Kind, AppearanceIssueCode>> = {
  color: 'bad_color',
  length: 'bad_length',
  font: 'bad_font',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// A value may not close the declaration or smuggle in another one; CSS.supports checks the rest.
const isValueOf = (kind: Kind, value: string): boolean =>
  value.trim() !== '' &&
  !/[;{}<>]|\/\*|url\(|expression\(/i.test(value) &&
  (typeof CSS === 'undefined' || CSS.supports(PROPERTY_OF[kind], value));

/** The result of {@link resolveAppearance}: the tokens to set and what was left out. */
export interface ResolvedAppearance {
  readonly theme: DiaryTheme | undefined;
  /** `--diary-*` custom property → value. */
  readonly tokens: Readonly<Record<string, string>>;
  readonly issues: readonly AppearanceIssue[];
}

/**
 * Checks an appearance (an object, or its JSON text) and turns it into theme tokens. Nothing
 * throws: each bad part is left out and named in `issues`, in the given language.
 *
 * @example
 * resolveAppearance({ variables: { colorPrimary: '#006644' } }, 'en').tokens;
 * // { '--diary-color-primary': '#006644' }
 */
export function resolveAppearance(input: unknown, lang: Lang = 'ru'): ResolvedAppearance {
  const issues: AppearanceIssue[] = [];
  const issue = (path: string, code: AppearanceIssueCode, value = ''): void => {
    const message = MESSAGES[lang][code].replace('{path}', path).replace('{value}', value);
    issues.push({ path, code, message });
  };
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input) as unknown;
    } catch {
      issue('', 'bad_json');
      return { theme: undefined, tokens: {}, issues };
    }
  }
  if (value === undefined || value === null) return { theme: undefined, tokens: {}, issues };
  if (!isRecord(value)) {
    issue('', 'not_object');
    return { theme: undefined, tokens: {}, issues };
  }
  let theme: DiaryTheme | undefined;
  const tokens: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) {
    switch (key) {
      case 'theme':
        if (field === 'light' || field === 'dark' || field === 'auto') theme = field;
        else issue('theme', 'bad_theme', String(field));
        break;
      case 'variables':
        if (!isRecord(field)) {
          issue('variables', 'not_object');
          break;
        }
        for (const [name, raw] of Object.entries(field)) {
          const path = `variables.${name}`;
          const known = Object.hasOwn(VARIABLES, name)
            ? VARIABLES[name as keyof DiaryAppearanceVariables]
            : undefined;
          if (!known) issue(path, 'unknown_variable');
          else if (typeof raw !== 'string' || !isValueOf(known[1], raw))
            issue(path, BAD_OF[known[1]], String(raw));
          else tokens[known[0]] = raw.trim();
        }
        break;
      default:
        issue(key, 'unknown_key');
    }
  }
  return { theme, tokens, issues };
}

/**
 * Applies an appearance to an element (normally `<diary-provider>`): sets its `theme` attribute
 * and `--diary-*` tokens, removing the tokens a previous appearance set that this one does not.
 * Bad parts are skipped and returned (see {@link resolveAppearance}).
 */
export function applyAppearance(
  element: HTMLElement,
  appearance: unknown,
  lang: Lang = 'ru',
): readonly AppearanceIssue[] {
  const { theme, tokens, issues } = resolveAppearance(appearance, lang);
  for (const token of Object.values(APPEARANCE_TOKENS))
    if (!(token in tokens)) element.style.removeProperty(token);
  for (const [token, value] of Object.entries(tokens)) element.style.setProperty(token, value);
  if (theme) element.setAttribute('theme', theme);
  return issues;
}
