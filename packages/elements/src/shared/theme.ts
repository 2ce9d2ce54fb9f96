import { css, unsafeCSS, type CSSResult } from 'lit';

/** The colour tokens' light defaults: the widgets' own look, close to the state services'. */
export const LIGHT_COLORS = {
  '--diary-color-primary': '#0d4cd3',
  '--diary-color-primary-hover': '#0a3aa5',
  '--diary-color-on-primary': '#ffffff',
  '--diary-color-text': '#0b1f33',
  '--diary-color-text-muted': '#4e5b69',
  '--diary-color-bg': '#ffffff',
  '--diary-color-surface': '#f2f5f9',
  '--diary-color-border': '#66727f',
  '--diary-color-error': '#c8102e',
  '--diary-color-error-bg': '#fdecee',
  '--diary-color-success': '#0b7a3b',
  '--diary-color-success-bg': '#e7f5ec',
  '--diary-color-warning': '#8a4f00',
  '--diary-color-focus': '#0d4cd3',
} as const;

/** A colour token's name. */
export type ColorToken = keyof typeof LIGHT_COLORS;

/**
 * The dark theme as values of the public tokens. Set on an element with `theme="dark"` (or
 * `theme="auto"` when the reader prefers dark), and inherited by every widget inside it.
 */
export const DARK_COLORS: Readonly<Record<ColorToken, string>> = {
  '--diary-color-primary': '#8fb1ff',
  '--diary-color-primary-hover': '#b3cbff',
  '--diary-color-on-primary': '#0b1220',
  '--diary-color-text': '#e8edf3',
  '--diary-color-text-muted': '#aab5c2',
  '--diary-color-bg': '#121821',
  '--diary-color-surface': '#1c2532',
  '--diary-color-border': '#8795a5',
  '--diary-color-error': '#ff9aa8',
  '--diary-color-error-bg': '#3a1a20',
  '--diary-color-success': '#7fdca6',
  '--diary-color-success-bg': '#14301f',
  '--diary-color-warning': '#f0b86e',
  '--diary-color-focus': '#ffd24d',
};

/**
 * Only custom properties, so that an element that sets them (the provider, around the host
 * page's own content) changes nothing else that its children inherit. `--diary-color-scheme`
 * becomes each widget's own `color-scheme` (native controls, scrollbars).
 */
const DARK = `${Object.entries(DARK_COLORS)
  .map(([token, value]) => `  ${token}: ${value};`)
  .join('\n')}
  --diary-color-scheme: dark;
`;

/** Each private `--_*` copy and the public colour token it reads. */
const PRIVATE_COLORS: readonly (readonly [string, ColorToken])[] = [
  ['--_primary', '--diary-color-primary'],
  ['--_primary-hover', '--diary-color-primary-hover'],
  ['--_on-primary', '--diary-color-on-primary'],
  ['--_text', '--diary-color-text'],
  ['--_muted', '--diary-color-text-muted'],
  ['--_bg', '--diary-color-bg'],
  ['--_surface', '--diary-color-surface'],
  ['--_border', '--diary-color-border'],
  ['--_error', '--diary-color-error'],
  ['--_error-bg', '--diary-color-error-bg'],
  ['--_success', '--diary-color-success'],
  ['--_success-bg', '--diary-color-success-bg'],
  ['--_warning', '--diary-color-warning'],
  ['--_focus', '--diary-color-focus'],
];

/**
 * The dark theme's token values for an element and its subtree, and nothing else: what
 * `<diary-provider theme="dark">` sets around the page's own content.
 *
 * @param dark selector of the element with `theme="dark"`
 * @param auto the same element with `theme="auto"`
 */
export function darkTokens(dark: string, auto: string): CSSResult {
  return unsafeCSS(`
${dark} {${DARK}}
@media (prefers-color-scheme: dark) { ${auto} {${DARK}} }
`);
}

/**
 * The design tokens of a widget, read from the public `--diary-*` custom properties with a
 * default theme close to the state-services look (blue primary, dark-blue text, 8px radius).
 * Private `--_*` copies are what the styles use, so a site overrides a token once, on any
 * ancestor (`diary-provider { --diary-color-primary: #006644 }`), and every widget follows.
 *
 * @param host selector of the element itself (`:host`, or the tag for a light-DOM widget)
 * @param dark the same element with `theme="dark"`
 * @param auto the same element with `theme="auto"`
 */
export function themeTokens(host: string, dark: string, auto: string): CSSResult {
  const colors = PRIVATE_COLORS.map(
    ([own, token]) => `  ${own}: var(${token}, ${LIGHT_COLORS[token]});`,
  ).join('\n');
  return unsafeCSS(`
${host} {
${colors}
  --_radius: var(--diary-radius, 8px);
  --_space: var(--diary-spacing, 8px);
  --_font: var(--diary-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif);
  --_font-size: var(--diary-font-size, 16px);
  --_control-height: var(--diary-control-height, 48px);
  display: block;
  font-family: var(--_font);
  font-size: var(--_font-size);
  line-height: 1.5;
  color: var(--_text);
  color-scheme: var(--diary-color-scheme, normal);
}
${darkTokens(dark, auto).cssText}`);
}

/** Tokens for a widget with a shadow root. */
export const hostTokens = themeTokens(':host', ":host([theme='dark'])", ":host([theme='auto'])");

/**
 * Styles of the shared building blocks (fields, buttons, error summary, notices). Every class
 * carries the `diary-` prefix so that the same rules serve light-DOM widgets (the login) on the
 * host page without touching the page's own elements.
 */
export const controlStyles = css`
  /* One outer padding for every widget: 24 px on a wide screen, down to 8 px on a 360 px phone,
     where the page around the widget has its own margins already. */
  .diary-base {
    background: var(--_bg);
    color: var(--_text);
    border-radius: var(--_radius);
    padding: clamp(var(--_space), 5vw - 10px, calc(var(--_space) * 3));
  }
  /* Colour and font restated: in the light-DOM login the page's own h2 and p rules reach them. */
  .diary-heading {
    color: inherit;
    font-family: inherit;
    font-size: 1.5em;
    line-height: 1.25;
    margin: 0 0 calc(var(--_space) * 2);
  }
  .diary-text {
    color: inherit;
    margin: 0 0 calc(var(--_space) * 2);
  }
  .diary-field {
    margin: 0 0 calc(var(--_space) * 3);
    border: 0;
    padding: 0;
    min-width: 0;
  }
  .diary-field--error {
    border-left: 4px solid var(--_error);
    padding-left: calc(var(--_space) * 1.5);
  }
  .diary-label,
  .diary-legend {
    display: block;
    font-weight: 700;
    margin: 0 0 calc(var(--_space) / 2);
    padding: 0;
  }
  .diary-hint {
    display: block;
    color: var(--_muted);
    margin: 0 0 var(--_space);
  }
  .diary-error {
    display: block;
    color: var(--_error);
    font-weight: 700;
    margin: 0 0 var(--_space);
  }
  /* A message a widget hides (the date box's «enter a full date») stays hidden under the rules above. */
  .diary-hint[hidden],
  .diary-error[hidden] {
    display: none;
  }
  .diary-input {
    box-sizing: border-box;
    width: 100%;
    max-width: 30em;
    min-height: var(--_control-height);
    padding: var(--_space) calc(var(--_space) * 1.5);
    font: inherit;
    color: var(--_text);
    background: var(--_bg);
    border: 2px solid var(--_border);
    border-radius: var(--_radius);
  }
  .diary-input--date {
    max-width: 11em;
  }
  .diary-input--short {
    max-width: 5.5em;
  }
  .diary-input--year {
    max-width: 7em;
  }
  .diary-input--code {
    max-width: 9em;
    letter-spacing: 0.1em;
  }
  .diary-input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .diary-input:focus,
  .diary-button:focus-visible,
  .diary-link:focus-visible,
  .diary-radio input:focus-visible,
  .diary-summary:focus,
  .diary-notice:focus,
  .diary-summary a:focus-visible,
  .diary-option:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .diary-date {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 2);
  }
  .diary-date > div {
    display: flex;
    flex-direction: column;
  }
  .diary-radios {
    display: flex;
    flex-wrap: wrap;
    gap: calc(var(--_space) * 3);
  }
  .diary-radio {
    display: inline-flex;
    align-items: center;
    gap: var(--_space);
    min-height: 44px;
    cursor: pointer;
  }
  .diary-radio input {
    width: 24px;
    height: 24px;
    margin: 0;
    accent-color: var(--_primary);
  }
  .diary-button {
    display: inline-flex;
    /* An arrow or icon beside the words keeps its space (flex drops the text's own). */
    gap: 0.4em;
    align-items: center;
    justify-content: center;
    min-height: var(--_control-height);
    padding: var(--_space) calc(var(--_space) * 3);
    font: inherit;
    font-weight: 700;
    color: var(--_on-primary);
    background: var(--_primary);
    border: 2px solid var(--_primary);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .diary-button:hover {
    background: var(--_primary-hover);
    border-color: var(--_primary-hover);
  }
  .diary-button[disabled] {
    opacity: 0.6;
    cursor: progress;
  }
  .diary-button--secondary {
    color: var(--_primary);
    background: transparent;
  }
  .diary-button--secondary:hover {
    color: var(--_on-primary);
  }
  .diary-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: calc(var(--_space) * 2);
    margin: calc(var(--_space) * 3) 0 0;
  }
  .diary-link {
    font: inherit;
    color: var(--_primary);
    text-decoration: underline;
    background: none;
    border: 0;
    padding: 0;
    cursor: pointer;
  }
  .diary-link:hover {
    text-decoration-thickness: 3px;
  }
  .diary-summary {
    border: 4px solid var(--_error);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 3);
  }
  .diary-summary-title {
    font-size: 1.25em;
    margin: 0 0 var(--_space);
  }
  .diary-summary ul {
    margin: 0;
    padding: 0 0 0 1.2em;
  }
  .diary-summary a {
    color: var(--_error);
    font-weight: 700;
  }
  .diary-notice {
    border-left: 6px solid var(--_primary);
    background: var(--_surface);
    padding: calc(var(--_space) * 2);
    margin: 0 0 calc(var(--_space) * 3);
    border-radius: 0 var(--_radius) var(--_radius) 0;
  }
  .diary-notice--error {
    border-color: var(--_error);
    background: var(--_error-bg);
  }
  .diary-notice--success {
    border-color: var(--_success);
    background: var(--_success-bg);
  }
  .diary-notice > :last-child {
    margin-bottom: 0;
  }
  /* A loading notice: a small turning ring before its text, still where motion is reduced. */
  .diary-notice:has(> .diary-spinner) {
    display: flex;
    align-items: center;
    gap: calc(var(--_space) * 1.5);
  }
  .diary-notice:has(> .diary-spinner) > .diary-text {
    margin: 0;
  }
  /* A spinner inside a line of text (the school search's status). */
  .diary-hint > .diary-spinner {
    margin-inline-end: 0.5em;
  }
  .diary-spinner {
    display: inline-block;
    vertical-align: -0.15em;
    flex: none;
    inline-size: 1.1em;
    block-size: 1.1em;
    border: 2px solid currentColor;
    border-inline-end-color: transparent;
    border-radius: 50%;
    animation: diary-spin 0.8s linear infinite;
  }
  @media (prefers-reduced-motion: reduce) {
    .diary-spinner {
      animation: none;
      border-inline-end-color: currentColor;
      opacity: 0.5;
    }
  }
  @keyframes diary-spin {
    to {
      transform: rotate(1turn);
    }
  }
  .diary-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    white-space: nowrap !important;
    border: 0 !important;
  }
  .diary-list {
    margin: 0 0 calc(var(--_space) * 2);
    padding: 0;
    display: grid;
    grid-template-columns: minmax(8em, max-content) 1fr;
    gap: var(--_space) calc(var(--_space) * 2);
  }
  .diary-list dt {
    font-weight: 700;
  }
  .diary-list dd {
    margin: 0;
  }
`;
