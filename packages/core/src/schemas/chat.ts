import {
  type z,
  array,
  boolean,
  coerce,
  _default,
  int,
  maximum,
  maxLength,
  minimum,
  nonnegative,
  number,
  object,
  optional,
  refine,
  string,
} from 'zod/mini';
import { attachmentIdsSchema, attachmentSchema } from './attachment.js';
import { idSchema, textSchema, timestampSchema } from './common.js';
import { roleSchema } from './user.js';

/** A message in a thread. `id` is chosen by the client so that a retried send creates one message. */
export const messageSchema = object({
  id: idSchema,
  threadId: idSchema,
  authorId: idSchema,
  authorName: string(),
  authorRole: roleSchema,
  text: string(),
  attachments: array(attachmentSchema),
  sentAt: timestampSchema,
  readBy: array(object({ userId: idSchema, readAt: timestampSchema })),
});
/** A message. */
export type Message = z.infer<typeof messageSchema>;

/** A conversation between a family member and a teacher about a child. */
export const threadSchema = object({
  id: idSchema,
  childId: idSchema,
  teacherId: idSchema,
  teacherName: string(),
  participantId: idSchema,
  participantName: string(),
  subjectId: optional(idSchema),
  subjectName: optional(string()),
  title: string(),
  createdAt: timestampSchema,
  lastMessageAt: optional(timestampSchema),
  lastMessagePreview: optional(string()),
  unreadCount: number().check(int(), nonnegative()),
});
/** A thread. */
export type Thread = z.infer<typeof threadSchema>;

/** Opening a thread with a teacher about a child (optionally about a subject). */
export const threadInputSchema = object({
  childId: idSchema,
  teacherId: idSchema,
  subjectId: optional(idSchema),
  title: optional(textSchema(200)),
});

/** Listing threads. */
export const threadQuerySchema = object({
  childId: optional(idSchema),
});

/** Sending a message; the client-chosen `id` makes the send idempotent. */
export const messageInputSchema = object({
  id: idSchema,
  text: _default(string().check(maxLength(4000)), ''),
  attachmentIds: _default(attachmentIdsSchema, []),
}).check(
  refine((v) => v.text.trim() !== '' || v.attachmentIds.length > 0, {
    path: ['text'],
    params: { code: 'required' },
  }),
);

/** Paging back through a history: messages older than `before`. */
export const messageQuerySchema = object({
  before: optional(idSchema),
  limit: _default(coerce.number().check(int(), minimum(1), maximum(100)), 50),
});

/** A page of messages, oldest first, and whether older ones exist. */
export const messagePageSchema = object({
  items: array(messageSchema),
  hasMore: boolean(),
});

/** Marking a thread read up to a message. */
export const readInputSchema = object({ upToMessageId: idSchema });

/** Unread counts for the signed-in user. */
export const unreadSchema = object({
  total: number().check(int(), nonnegative()),
  threads: array(object({ threadId: idSchema, unreadCount: number() })),
});
