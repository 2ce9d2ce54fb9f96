/** Loads the code of one kit tag (its `define/<name>` entry, which registers the tag). */
export type TagLoader = () => Promise<unknown>;

/**
 * Every tag the one-script embed knows, mapped to its define entry. A literal `import()` per tag
 * so that rollup splits each element into its own chunk, fetched the first time its tag appears.
 * A new element adds one line here (tag → `../define-<name>`).
 */
export const LAZY_TAGS: Readonly<Record<string, TagLoader>> = {
  'diary-provider': () => import('../define-provider'),
  'diary-login': () => import('../define-login'),
  'diary-child-form': () => import('../define-child-form'),
  'diary-child-picker': () => import('../define-child-picker'),
  'diary-grade-table': () => import('../define-grade-table'),
  'diary-timeline-chart': () => import('../define-timeline-chart'),
  'diary-schedule': () => import('../define-schedule'),
  'diary-chat': () => import('../define-chat'),
  'diary-notifications': () => import('../define-notifications'),
  'diary-application': () => import('../define-application'),
  'diary-support': () => import('../define-support'),
  'diary-portfolio': () => import('../define-portfolio'),
  'diary-journal': () => import('../define-journal'),
  'diary-attendance': () => import('../define-attendance'),
  'diary-homework': () => import('../define-homework'),
  'diary-account': () => import('../define-account'),
  'diary-qr-handoff': () => import('../define-qr-handoff'),
  'diary-child-card': () => import('../define-child-card'),
  'diary-news': () => import('../define-news'),
  'diary-upcoming-tests': () => import('../define-upcoming-tests'),
  'diary-school-setup': () => import('../define-school-setup'),
  'diary-audit-log': () => import('../define-audit-log'),
  'diary-identity-desk': () => import('../define-identity-desk'),
  'diary-news-editor': () => import('../define-news-editor'),
  'diary-substitutions': () => import('../define-substitutions'),
};
