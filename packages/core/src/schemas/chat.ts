import { z } from 'zod/mini';
import { attachmentIdsSchema, attachmentSchema } from './attachment';
import { idSchema, textSchema, timestampSchema } from './common';
import { roleSchema } from './user';

/** A message in a thread. `id` is chosen by the client so that a retried send creates one message. */
export const messageSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  threadId: idSchema,
  authorId: idSchema,
  authorName: /* @__PURE__ */ z.string(),
  authorRole: roleSchema,
  text: /* @__PURE__ */ z.string(),
  attachments: /* @__PURE__ */ z.array(attachmentSchema),
  sentAt: timestampSchema,
  readBy: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({ userId: idSchema, readAt: timestampSchema }),
  ),
});
/** A message. */
export type Message = z.infer<typeof messageSchema>;

/** A conversation between a family member and a teacher about a child. */
export const threadSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  childId: idSchema,
  teacherId: idSchema,
  teacherName: /* @__PURE__ */ z.string(),
  participantId: idSchema,
  participantName: /* @__PURE__ */ z.string(),
  subjectId: /* @__PURE__ */ z.optional(idSchema),
  subjectName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  title: /* @__PURE__ */ z.string(),
  createdAt: timestampSchema,
  lastMessageAt: /* @__PURE__ */ z.optional(timestampSchema),
  lastMessagePreview: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  unreadCount: /* @__PURE__ */ z
    .number()
    .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.nonnegative()),
});
/** A thread. */
export type Thread = z.infer<typeof threadSchema>;

/** Opening a thread with a teacher about a child (optionally about a subject). */
export const threadInputSchema = /* @__PURE__ */ z.object({
  childId: idSchema,
  teacherId: idSchema,
  subjectId: /* @__PURE__ */ z.optional(idSchema),
  title: /* @__PURE__ */ z.optional(/* @__PURE__ */ textSchema(200)),
});

/** Listing threads. */
export const threadQuerySchema = /* @__PURE__ */ z.object({
  childId: /* @__PURE__ */ z.optional(idSchema),
});

/** Sending a message; the client-chosen `id` makes the send idempotent. */
export const messageInputSchema = /* @__PURE__ */ z
  .object({
    id: idSchema,
    text: /* @__PURE__ */ z._default(
      /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(4000)),
      '',
    ),
    attachmentIds: /* @__PURE__ */ z._default(attachmentIdsSchema, []),
  })
  .check(
    /* @__PURE__ */ z.refine((v) => v.text.trim() !== '' || v.attachmentIds.length > 0, {
      path: ['text'],
      params: { code: 'required' },
    }),
  );

/** Paging back through a history: messages older than `before`. */
export const messageQuerySchema = /* @__PURE__ */ z.object({
  before: /* @__PURE__ */ z.optional(idSchema),
  limit: /* @__PURE__ */ z._default(
    z.coerce
      .number()
      .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.minimum(1), /* @__PURE__ */ z.maximum(100)),
    50,
  ),
});

/** A page of messages, oldest first, and whether older ones exist. */
export const messagePageSchema = /* @__PURE__ */ z.object({
  items: /* @__PURE__ */ z.array(messageSchema),
  hasMore: /* @__PURE__ */ z.boolean(),
});

/** Marking a thread read up to a message. */
export const readInputSchema = /* @__PURE__ */ z.object({ upToMessageId: idSchema });

/** Unread counts for the signed-in user. */
export const unreadSchema = /* @__PURE__ */ z.object({
  total: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.nonnegative()),
  threads: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({ threadId: idSchema, unreadCount: /* @__PURE__ */ z.number() }),
  ),
});
