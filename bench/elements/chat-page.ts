// The page of the chat benchmark (bundled by chat.mjs with esbuild, run in headless Chromium).
// Two ways to show a thread of N messages and append one more: <diary-chat> (fed by a small
// in-page data source shaped like the SDK client: the benchmark measures rendering, not HTTP) and
// a hand-written vanilla-DOM list building the same markup with the widget's own stylesheets in a
// shadow root, keeping the same number of messages in the DOM (the newest 120) and the log
// scrolled to the newest. `window.chatBench` drives both.
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
      attachments: { upload: none, download: none },
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

/** The widget's own stylesheets, so the baseline lays out exactly what the element lays out. */
function widgetSheets(): CSSStyleSheet[] {
  const chat = customElements.get('diary-chat') as unknown as {
    elementStyles: (CSSStyleSheet | { styleSheet?: CSSStyleSheet })[];
  };
  return chat.elementStyles.flatMap((s) =>
    s instanceof CSSStyleSheet ? [s] : s.styleSheet ? [s.styleSheet] : [],
  );
}

// What a careful hand-written list does: two formatters built once, in the school's time zone.
const dayFormat = new Intl.DateTimeFormat('ru-RU', {
  day: 'numeric',
  month: 'short',
  timeZone: 'Europe/Moscow',
});
const timeFormat = new Intl.DateTimeFormat('ru-RU', {
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'Europe/Moscow',
});

function element(tag: string, className: string, text?: string): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/** The receipt's check mark, drawn inline as the widget draws it (its `icon('check')`). */
function checkIcon(): SVGSVGElement {
  const icon = document.createElementNS(SVG, 'svg');
  icon.setAttribute('class', 'diary-icon');
  icon.setAttribute('viewBox', '0 0 24 24');
  icon.setAttribute('aria-hidden', 'true');
  icon.setAttribute('focusable', 'false');
  icon.setAttribute('fill', 'none');
  icon.setAttribute('stroke', 'currentColor');
  icon.setAttribute('stroke-width', '2');
  icon.setAttribute('stroke-linecap', 'round');
  icon.setAttribute('stroke-linejoin', 'round');
  const path = document.createElementNS(SVG, 'path');
  path.setAttribute('d', 'm4.5 12.5 5 5 10-11');
  icon.append(path);
  return icon;
}

/** The same node `<diary-chat>` renders for a message: author, time, text, receipt state. */
function vanillaArticle(m: Message): HTMLElement {
  const own = m.authorId === ME.id;
  const article = element('article', own ? 'diary-message diary-message--own' : 'diary-message');
  article.setAttribute('part', own ? 'message message-own' : 'message');
  article.dataset.message = m.id;
  const meta = element('p', 'diary-meta');
  const time = element('time', '');
  time.setAttribute('datetime', m.sentAt);
  const at = new Date(m.sentAt);
  time.textContent = `${dayFormat.format(at)}, ${timeFormat.format(at)}`;
  meta.append(element('span', 'diary-strong', own ? 'Вы' : m.authorName), ' ', time);
  article.append(meta, element('p', 'diary-text diary-message-text', m.text));
  if (own) {
    const receipt = element('p', 'diary-receipt');
    receipt.setAttribute('part', 'receipt');
    receipt.append(checkIcon(), ' Доставлено');
    article.append(receipt);
  }
  return article;
}

/** Messages the widget keeps in the DOM at the newest (its `WINDOW`): the baseline keeps as many. */
const WINDOW = 120;

async function mountVanilla(n: number): Promise<Mounted> {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = widgetSheets();
  const log = element('div', 'diary-log');
  log.setAttribute('part', 'log');
  log.setAttribute('role', 'log');
  log.tabIndex = 0;
  const fragment = document.createDocumentFragment();
  for (let i = Math.max(0, n - WINDOW); i < n; i += 1) fragment.append(vanillaArticle(message(i)));
  log.append(fragment);
  root.append(log);
  document.body.append(host);
  log.scrollTop = log.scrollHeight;
  let i = n;
  return {
    async append() {
      log.append(vanillaArticle(message(i++)));
      if (log.childElementCount > WINDOW) log.firstElementChild?.remove();
      log.scrollTop = log.scrollHeight;
    },
    count: () => log.querySelectorAll('article').length,
    remove: () => host.remove(),
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
