import type { Message } from '@school-diary/core';
import type { OutboxItem } from '@school-diary/sdk';
import type { ChatClient } from '../shared/diary-data-client';

/** Where the chat's live updates go. */
export interface ChatListeners {
  /** The outbox's items changed (queued, sending, failed). */
  readonly outbox: (items: readonly OutboxItem[]) => void;
  /** The server accepted a message written here. */
  readonly sent: (message: Message) => void;
  /** A message arrived over live events (someone else's, or one's own from another tab). */
  readonly arrived: (message: Message) => void;
  /** Someone read a thread up to a message. */
  readonly read: (threadId: string, userId: string, upToMessageId: string, readAt: string) => void;
}

/**
 * Subscribes the chat to the SDK's outbox and live events (new messages, read receipts); returns
 * the function that stops every subscription.
 */
export function listenToChat(client: ChatClient, on: ChatListeners): () => void {
  on.outbox(client.outbox.items);
  const stops = [
    client.outbox.subscribe(on.outbox),
    client.outbox.onSent(on.sent),
    client.events.on('message.created', (event) => on.arrived(event.data)),
    client.events.on('message.read', (event) => {
      const { threadId, userId, upToMessageId } = event.data;
      on.read(threadId, userId, upToMessageId, event.at);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
