import { type z, array, enum as enumOf, object, optional, string } from 'zod/mini';
import { idSchema, timestampSchema } from './common.js';
import { roleSchema } from './user.js';

/** The fields of a child's card whose changes the history names (never their values). */
export const CHILD_CARD_FIELDS = [
  'lastName',
  'firstName',
  'middleName',
  'birthDate',
  'sex',
  'snils',
  'inn',
  'birthCertificate',
] as const;

/** What happened to the card: its fields changed, or a school was linked or unlinked. */
export const CHILD_HISTORY_ACTIONS = ['updated', 'school_linked', 'school_unlinked'] as const;

/**
 * One change of a child's card, for the family: who made it, when, and which fields changed —
 * the names of the fields only, so a document's number never appears in the history.
 */
export const childHistoryEntrySchema = object({
  id: idSchema,
  at: timestampSchema,
  action: enumOf(CHILD_HISTORY_ACTIONS),
  /** The fields changed (`updated` only). */
  fields: array(enumOf(CHILD_CARD_FIELDS)),
  /** The school linked or unlinked. */
  schoolName: optional(string()),
  /** Who made the change: surname, first name, patronymic. */
  actorName: string(),
  actorRole: optional(roleSchema),
});
/** One change of a child's card. */
export type ChildHistoryEntry = z.infer<typeof childHistoryEntrySchema>;
