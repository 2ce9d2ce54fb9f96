// The appearance object: theme and variables without CSS (see appearance/appearance.ts).
export {
  APPEARANCE_TOKENS,
  applyAppearance,
  resolveAppearance,
  type AppearanceIssue,
  type AppearanceIssueCode,
  type DiaryAppearance,
  type DiaryAppearanceVariables,
  type ResolvedAppearance,
} from './appearance/appearance';
