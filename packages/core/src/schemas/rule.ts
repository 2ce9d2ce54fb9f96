import { pipe, string, superRefine, transform } from 'zod/mini';
import type { ErrorCode } from '../messages/error-codes.js';
import type { MessageParams } from '../messages/messages.js';

/** A rule returns the code of the first thing wrong with a value, or `null` when it is fine. */
export type Rule<T> = (value: T) => ErrorCode | null;

/**
 * Wraps a rule as a zod check so that schemas report core's codes (`checksum`, `future_date` …)
 * through the same mechanism as zod's own checks.
 */
/* @__NO_SIDE_EFFECTS__ */
export function ruleCheck<T>(rule: Rule<T>, params: MessageParams = {}) {
  return superRefine<T>((value, ctx) => {
    const code = rule(value);
    if (code !== null) {
      ctx.issues.push({ code: 'custom', input: value, message: code, params: { ...params, code } });
    }
  });
}

/**
 * A string schema governed entirely by one rule (which also decides what counts as empty), with
 * the value normalised on success.
 */
/* @__NO_SIDE_EFFECTS__ */
export function ruledString<Out>(
  rule: Rule<string>,
  normalize: (value: string) => Out,
  params?: MessageParams,
) {
  return pipe(
    string().check(ruleCheck(rule, params)),
    transform((value: string) => normalize(value)),
  );
}
