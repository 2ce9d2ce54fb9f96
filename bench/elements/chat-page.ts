// The page of the chat benchmark (bundled by chat.mjs with esbuild, run in headless Chromium).
// Two ways to show a thread of N messages and append one more: <diary-chat> (fed by a small
// in-page data source shaped like the SDK client: the benchmark measures rendering, not HTTP) and
// a hand-written vanilla-DOM list building the same markup. `window.chatBench` drives both.
import type { Message, Thread, User } from '@school-diary/core';
import '@school-diary/elements/define/provider';
import '@school-diary/elements/define/chat';

const ME: User = {
  id: 'usr_parent',
  role: 'parent',
  phone: '+79990000001',
  lastName: 'Иванова',
  firstName: 'Елена',
  identityStatus: 'confirmed_in_person',
  createdAt: '2026-01-10T09:00:00Z',
};
const THREAD: Thread = {
  id: 'thr_bench',
  childId: 'chd_bench',
  teacherId: 'usr_teacher',
  teacherName: 'Орлов Сергей Николаевич',
  participantId: ME.id,
  participantName: 'Иванова Елена',
  title: 'Математика — Иванова Мария',
  createdAt: '2026-09-01T09:00:00Z',
  unreadCount: 0,
};

let serial = 0;
function message(i: number): Message {
  serial += 1;
  const mine = i % 3 === 0;
  return {
    id: `msg_b${serial.toString(36).padStart(8, '0')}`,
    threadId: THREAD.id,
    authorId: mine ? ME.id : THREAD.teacherId,
    authorName: mine ? 'Иванова Елена' : THREAD.teacherName,
    authorRole: mine ? 'parent' : 'teacher',
    text: `Сообщение ${i}: Маша сегодня решила все задачи из домашнего задания, кроме № 412.`,
    attachments: [],
    sentAt: new Date(Date.UTC(2026, 8, 1) + i * 60_000).toISOString(),
    readBy: [],
  };
}

type Handler = (event: { id: string; type: string; at: string; data: Message }) => void;

/** A data source with the SDK client's shape for the operations the chat calls. */
function source(history: Message[]) {
  const handlers = new Map<string, Handler>();
  const none = () => Promise.reject(new Error('not in the benchmark'));
  return {
    fire: (m: Message) =>
      handlers.get('message.created')?.({
        id: m.id,
        type: 'message.created',
        at: m.sentAt,
        data: m,
      }),
    client: {
      session: { user: ME, onChange: () => () => undefined },
      auth: {
        login: none,
        verify: none,
        resend: none,
        recoveryStart: none,
        recoveryComplete: none,
      },
      schools: { search: none },
      applications: { create: none },
      children: {
        create: none,
        confirm: none,
        linkSchool: none,
        search: none,
        teachers: async () => ({ items: [] }),
      },
      threads: {
        list: async () => ({ items: [THREAD] }),
        create: none,
        messages: async () => ({ items: history, hasMore: false }),
        read: async () => ({ total: 0, threads: [] }),
      },
      attachments: { upload: none },
      events: {
        on: (type: string, handler: Handler) => {
          handlers.set(type, handler);
          return () => handlers.delete(type);
        },
      },
      outbox: {
        items: [],
        send: none,
        retry: none,
        discard: none,
        subscribe: () => () => undefined,
        onSent: () => () => undefined,
      },
    },
  };
}

interface Mounted {
  append(): Promise<void>;
  count(): number;
  remove(): void;
}

async function mountWidget(n: number): Promise<Mounted> {
  const history = Array.from({ length: n }, (_, i) => message(i));
  const data = source(history);
  const provider = document.createElement('diary-provider') as HTMLElement & { client: unknown };
  provider.client = data.client;
  const chat = document.createElement('diary-chat') as HTMLElement & {
    updateComplete: Promise<boolean>;
  };
  chat.setAttribute('child-id', THREAD.childId);
  chat.setAttribute('thread-id', THREAD.id);
  provider.append(chat);
  document.body.append(provider);
  const log = () => chat.shadowRoot?.querySelector<HTMLElement>('[role="log"]');
  for (let i = 0; i < 100 && log()?.getAttribute('aria-busy') !== 'false'; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 5));
    await chat.updateComplete;
  }
  if (log()?.getAttribute('aria-busy') !== 'false') throw new Error('the chat did not load');
  let i = n;
  return {
    async append() {
      data.fire(message(i++));
      await chat.updateComplete;
      void log()?.scrollHeight; // layout, as the vanilla list pays it
    },
    count: () => log()?.querySelectorAll('article').length ?? 0,
    remove: () => provider.remove(),
  };
}

function vanillaArticle(m: Message): HTMLElement {
  const own = m.authorId === ME.id;
  const article = document.createElement('article');
  article.className = own ? 'message own' : 'message';
  const meta = document.createElement('p');
  const author = document.createElement('span');
  author.textContent = own ? 'Вы' : m.authorName;
  const time = document.createElement('time');
  time.dateTime = m.sentAt;
  time.textContent = new Date(m.sentAt).toLocaleString('ru-RU');
  meta.append(author, ' ', time);
  const text = document.createElement('p');
  text.textContent = m.text;
  article.append(meta, text);
  if (own) {
    const receipt = document.createElement('p');
    receipt.textContent = '✓ Доставлено';
    article.append(receipt);
  }
  return article;
}

async function mountVanilla(n: number): Promise<Mounted> {
  const log = document.createElement('div');
  log.setAttribute('role', 'log');
  log.style.cssText = 'height:28rem;overflow-y:auto;display:flex;flex-direction:column;gap:8px';
  const fragment = document.createDocumentFragment();
  for (let i = 0; i < n; i += 1) fragment.append(vanillaArticle(message(i)));
  log.append(fragment);
  document.body.append(log);
  log.scrollTop = log.scrollHeight;
  let i = n;
  return {
    async append() {
      log.append(vanillaArticle(message(i++)));
      log.scrollTop = log.scrollHeight;
    },
    count: () => log.querySelectorAll('article').length,
    remove: () => log.remove(),
  };
}

/** Mounts one variant with `n` messages, times `appends` appends (ms each, one sample), removes it. */
async function sample(kind: 'widget' | 'vanilla', n: number, appends: number) {
  const mounted = kind === 'widget' ? await mountWidget(n) : await mountVanilla(n);
  await mounted.append(); // warm the path once
  const start = performance.now();
  for (let k = 0; k < appends; k += 1) await mounted.append();
  const ms = (performance.now() - start) / appends;
  const inDom = mounted.count();
  mounted.remove();
  return { ms, inDom };
}

(window as unknown as { chatBench: unknown }).chatBench = { sample };
