import { z } from 'zod/mini';
import { attachmentIdsSchema, attachmentSchema } from './attachment';
import { idSchema, textSchema, timestampSchema } from './common';
import { roleSchema } from './user';

/** A message in a thread. `id` is chosen by the client so that a retried send creates one message. */
export const messageSchema = z.object({
  id: idSchema,
  threadId: idSchema,
  authorId: idSchema,
  authorName: z.string(),
  authorRole: roleSchema,
  text: z.string(),
  attachments: z.array(attachmentSchema),
  sentAt: timestampSchema,
  readBy: z.array(z.object({ userId: idSchema, readAt: timestampSchema })),
});
/** A message. */
export type Message = z.infer<typeof messageSchema>;

/** A conversation between a family member and a teacher about a child. */
export const threadSchema = z.object({
  id: idSchema,
  childId: idSchema,
  teacherId: idSchema,
  teacherName: z.string(),
  participantId: idSchema,
  participantName: z.string(),
  subjectId: z.optional(idSchema),
  subjectName: z.optional(z.string()),
  title: z.string(),
  createdAt: timestampSchema,
  lastMessageAt: z.optional(timestampSchema),
  lastMessagePreview: z.optional(z.string()),
  unreadCount: z.number().check(z.int(), z.nonnegative()),
});
/** A thread. */
export type Thread = z.infer<typeof threadSchema>;

/** Opening a thread with a teacher about a child (optionally about a subject). */
export const threadInputSchema = z.object({
  childId: idSchema,
  teacherId: idSchema,
  subjectId: z.optional(idSchema),
  title: z.optional(textSchema(200)),
});

/** Listing threads. */
export const threadQuerySchema = z.object({ childId: z.optional(idSchema) });

/** Sending a message; the client-chosen `id` makes the send idempotent. */
export const messageInputSchema = z
  .object({
    id: idSchema,
    text: z._default(z.string().check(z.maxLength(4000)), ''),
    attachmentIds: z._default(attachmentIdsSchema, []),
  })
  .check(
    z.refine((v) => v.text.trim() !== '' || v.attachmentIds.length > 0, {
      path: ['text'],
      params: { code: 'required' },
    }),
  );

/** Paging back through a history: messages older than `before`. */
export const messageQuerySchema = z.object({
  before: z.optional(idSchema),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
});

/** A page of messages, oldest first, and whether older ones exist. */
export const messagePageSchema = z.object({ items: z.array(messageSchema), hasMore: z.boolean() });

/** Marking a thread read up to a message. */
export const readInputSchema = z.object({ upToMessageId: idSchema });

/** Unread counts for the signed-in user. */
export const unreadSchema = z.object({
  total: z.number().check(z.int(), z.nonnegative()),
  threads: z.array(z.object({ threadId: idSchema, unreadCount: z.number() })),
});
