import type { z } from 'zod/mini';
import { isErrorCode, type ErrorCode } from './error-codes.js';
import { DEFAULT_LANG, type Lang } from './lang.js';
import { errorMessage, type MessageParams } from './messages.js';

/** One field's failure, as the server sends it and widgets show it. */
export interface FieldError {
  /** Dotted path of the field on the wire, e.g. `snils` or `lessons.2.room`; `''` for the whole value. */
  readonly path: string;
  /** Stable error code from the catalogue. */
  readonly code: ErrorCode;
  /** Message in the requested language that says how to fix the problem. */
  readonly message: string;
}

/** Either the parsed value or every field error, already localised. */
export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

/** Issue shape shared by zod's classic and mini builds. */
type Issue = z.core.$ZodIssue & { readonly input?: unknown };

/**
 * Validates `input` with a core schema and returns either the parsed value or localised,
 * field-specific errors (one per field, the first failure wins).
 *
 * @example
 * const result = validate(childInputSchema, body, 'en');
 * if (!result.ok) console.log(result.errors); // [{ path: 'snils', code: 'checksum', message: '…' }]
 */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  lang: Lang = DEFAULT_LANG,
): ValidationResult<z.core.output<S>> {
  const result = (schema as unknown as z.ZodMiniType).safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, value: result.data as z.core.output<S> };
  return { ok: false, errors: toFieldErrors(result.error.issues as readonly Issue[], lang) };
}

/**
 * Turns zod issues into field errors with stable codes and localised messages. Only the first
 * issue per path is kept, so a field shows one error at a time in priority order.
 */
export function toFieldErrors(issues: readonly Issue[], lang: Lang = DEFAULT_LANG): FieldError[] {
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const issue of flatten(issues)) {
    const path = issue.path.map(String).join('.');
    if (seen.has(path)) continue;
    seen.add(path);
    const { code, params } = classify(issue);
    const field = fieldOf(issue);
    errors.push({ path, code, message: errorMessage(code, { lang, field, params }) });
  }
  return errors;
}

function* flatten(issues: readonly Issue[], prefix: PropertyKey[] = []): Generator<Issue> {
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) yield { ...issue, path: [...path, key] };
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      const best = closestBranch(issue.errors as readonly (readonly Issue[])[]);
      if (best) {
        yield* flatten(best, path);
        continue;
      }
    }
    yield { ...issue, path } as Issue;
  }
}

/** A branch "mismatches" when it only says the value is of another kind (`''` vs a SNILS). */
const isMismatch = (i: Issue): boolean =>
  i.path.length === 0 && (i.code === 'invalid_type' || i.code === 'invalid_value');

/** The union branch that got furthest: one that accepted the kind of value, else the shortest. */
function closestBranch(branches: readonly (readonly Issue[])[]): readonly Issue[] | undefined {
  const specific = branches.find((b) => b.length > 0 && !b.every(isMismatch));
  return specific;
}

function fieldOf(issue: Issue): string | undefined {
  const params = issue.code === 'custom' ? (issue.params as MessageParams | undefined) : undefined;
  if (params && typeof params.field === 'string') return params.field;
  for (let i = issue.path.length - 1; i >= 0; i -= 1) {
    const segment = issue.path[i];
    if (typeof segment === 'string') return segment;
  }
  return undefined;
}

function classify(issue: Issue): { code: ErrorCode; params?: MessageParams } {
  switch (issue.code) {
    case 'custom': {
      const params = issue.params as MessageParams | undefined;
      return { code: isErrorCode(params?.code) ? params.code : 'format', params };
    }
    case 'invalid_type':
      return { code: issue.input === undefined || issue.input === null ? 'required' : 'format' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) === 1) return { code: 'required' };
      return {
        code: issue.origin === 'string' || issue.origin === 'array' ? 'too_short' : 'too_small',
        params: { minimum: Number(issue.minimum) },
      };
    case 'too_big':
      return {
        code: issue.origin === 'string' || issue.origin === 'array' ? 'too_long' : 'too_big',
        params: { maximum: Number(issue.maximum) },
      };
    case 'invalid_value':
      return { code: issue.input === undefined ? 'required' : 'invalid_option' };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    default:
      return { code: 'format' };
  }
}
