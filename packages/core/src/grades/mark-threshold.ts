import type { ErrorCode } from '../messages/error-codes.js';

/**
 * The averages a parent can ask to be told about when a child's average falls below them: on the
 * mark scale, 2 to 5.
 */
export const MARK_THRESHOLD_RANGE = { minimum: 2, maximum: 5 } as const;

/**
 * The first problem with an alert threshold: `format` (not a number), `too_small` (under 2),
 * `too_big` (over 5); `null` when it is fine. The same rule as `thresholdInputSchema`, without
 * zod, for forms.
 *
 * @example
 * checkMarkThreshold(3.5); // null
 * checkMarkThreshold(6); // 'too_big'
 */
export function checkMarkThreshold(value: number): ErrorCode | null {
  if (!Number.isFinite(value)) return 'format';
  if (value < MARK_THRESHOLD_RANGE.minimum) return 'too_small';
  if (value > MARK_THRESHOLD_RANGE.maximum) return 'too_big';
  return null;
}
