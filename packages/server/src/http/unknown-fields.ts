import type { Schema } from '@school-diary/core';

/** The parts of a zod schema's definition this walk reads (zod 4, classic or mini). */
interface Def {
  readonly type: string;
  readonly shape?: Record<string, Schema>;
  readonly catchall?: Schema;
  readonly innerType?: Schema;
  readonly element?: Schema;
  readonly in?: Schema;
  readonly options?: readonly Schema[];
  readonly valueType?: Schema;
  readonly left?: Schema;
  readonly right?: Schema;
}

const defOf = (schema: Schema): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The keys an object schema declares, or null when it is not an object schema. */
function declaredKeys(schema: Schema): Set<string> | null {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return def.catchall && defOf(def.catchall).type !== 'never'
        ? null
        : new Set(Object.keys(def.shape ?? {}));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return def.innerType ? declaredKeys(def.innerType) : null;
    case 'pipe':
      return def.in ? declaredKeys(def.in) : null;
    default:
      return null;
  }
}

/**
 * The paths of the fields a JSON body carries that its schema does not declare, at any depth
 * (`['isAdmin']`, `['kinds.mark.push']`). Core's request schemas strip such fields; the server
 * refuses them instead, so a typo or a field the API does not have never passes silently.
 *
 * @example
 * unknownFields(childInputSchema, { ...card, isAdmin: true }); // ['isAdmin']
 */
export function unknownFields(
  schema: Schema,
  value: unknown,
  path: readonly string[] = [],
): string[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (!isPlainObject(value)) return [];
      const shape = def.shape ?? {};
      const keys = declaredKeys(schema);
      const found: string[] = [];
      for (const [key, field] of Object.entries(value)) {
        const at = [...path, key];
        const fieldSchema = Object.hasOwn(shape, key) ? shape[key] : undefined;
        if (fieldSchema) found.push(...unknownFields(fieldSchema, field, at));
        else if (keys) found.push(at.join('.'));
      }
      return found;
    }
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return def.innerType ? unknownFields(def.innerType, value, path) : [];
    case 'pipe':
      return def.in ? unknownFields(def.in, value, path) : [];
    case 'array':
      return Array.isArray(value) && def.element
        ? value.flatMap((item, i) =>
            unknownFields(def.element as Schema, item, [...path, String(i)]),
          )
        : [];
    case 'record':
      return isPlainObject(value) && def.valueType
        ? Object.entries(value).flatMap(([key, item]) =>
            unknownFields(def.valueType as Schema, item, [...path, key]),
          )
        : [];
    case 'intersection':
      return unionOfObjects([def.left, def.right], value, path);
    case 'union':
      return unionOfObjects(def.options ?? [], value, path);
    default:
      return [];
  }
}

/** A field is unknown to a union (or intersection) of objects when no branch declares it. */
function unionOfObjects(
  branches: readonly (Schema | undefined)[],
  value: unknown,
  path: readonly string[],
): string[] {
  const objects = branches.filter((b): b is Schema => !!b && declaredKeys(b) !== null);
  if (!isPlainObject(value) || objects.length === 0) return [];
  const results = objects.map((b) => unknownFields(b, value, path));
  // Unknown only when every branch calls it unknown.
  const [first = [], ...rest] = results;
  return first.filter((p) => rest.every((r) => r.includes(p)));
}
