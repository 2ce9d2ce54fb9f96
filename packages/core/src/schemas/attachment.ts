import { type z, array, int, maxLength, nonnegative, number, object, string } from 'zod/mini';
import { idSchema } from './common.js';

/** A file attached to homework, a message or a portfolio item. */
export const attachmentSchema = object({
  id: idSchema,
  name: string(),
  size: number().check(int(), nonnegative()),
  contentType: string(),
});
/** An attachment. */
export type Attachment = z.infer<typeof attachmentSchema>;

/** Ids of previously uploaded attachments referenced by a write. */
export const attachmentIdsSchema = array(idSchema).check(maxLength(10));
