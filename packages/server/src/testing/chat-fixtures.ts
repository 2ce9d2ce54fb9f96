import { DEMO } from '../seed/demo';
import type { TestServer } from './harness';
import { uploadFile } from './upload';

/** Ids the authorization matrix needs for the chat, attachment, portfolio, news and notes rows. */
export interface ChatFixtures {
  /** A thread between the owner (Иванова) and the teacher (Орлов) about Мария. */
  readonly threadId: string;
  /** The owner's message in it, carrying {@link attachmentId}. */
  readonly messageId: string;
  readonly attachmentId: string;
  /** A portfolio item of Мария added by the owner. */
  readonly itemId: string;
  /** News of Школа № 42. */
  readonly newsId: string;
  /** The owner's private note about Мария. */
  readonly noteId: string;
}

/**
 * Creates, through the API, one of each thing the matrix's chat rows act on.
 *
 * @example
 * const chat = await createChatFixtures(server, { owner, teacher, admin });
 */
export async function createChatFixtures(
  server: TestServer,
  tokens: { owner?: string; teacher?: string; admin?: string },
): Promise<ChatFixtures> {
  const { owner, admin } = tokens;
  const maria = DEMO.children.maria.id;
  const call = async <T>(path: string, token: string | undefined, body: unknown): Promise<T> => {
    const res = await server.call<T>('POST', path, { token, body });
    if (res.status !== 201) throw new Error(`fixture ${path}: ${res.status} ${res.text}`);
    return res.body;
  };
  const thread = await call<{ id: string }>('/api/v1/threads', owner, {
    childId: maria,
    teacherId: DEMO.users.teacherMath.id,
    title: 'Матрица доступа',
  });
  const file = await uploadFile(server, owner, {
    data: Buffer.from('Справка', 'utf8'),
    type: 'text/plain',
    name: 'справка.txt',
  });
  const message = await call<{ id: string }>(`/api/v1/threads/${thread.id}/messages`, owner, {
    id: 'msg_matrix',
    text: 'Справка во вложении',
    attachmentIds: [file.body.id],
  });
  const item = await call<{ id: string }>(`/api/v1/children/${maria}/portfolio`, owner, {
    kind: 'work',
    title: 'Поделка',
    date: '2026-11-20',
  });
  const news = await call<{ id: string }>(
    `/api/v1/schools/${DEMO.schools.school42.id}/news`,
    admin,
    {
      kind: 'news',
      title: 'Новость',
      body: 'Текст',
    },
  );
  const note = await call<{ id: string }>(`/api/v1/children/${maria}/notes`, owner, {
    date: '2026-11-20',
    kind: 'success',
    text: 'Заметка',
  });
  return {
    threadId: thread.id,
    messageId: message.id,
    attachmentId: file.body.id,
    itemId: item.id,
    newsId: news.id,
    noteId: note.id,
  };
}
