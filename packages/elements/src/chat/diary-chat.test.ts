/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { deepActiveElement, settle, textOf } from '../test-support/dom';
import type { DiaryChat } from './diary-chat';

// Иванова (parent of Мария) and Мария's maths teacher, from the demo world.
const PARENT = '+79990000001';
const TEACHER_MATH = '+79990000011';
const MARIA = 'chd_maria';
const MATH_THREAD = 'thr_demo_maria_math';

async function signIn(client: Pick<DiaryClient, 'auth'>, url: string, phone: string) {
  const challenge = await client.auth.login({ phone, password: 'school-diary-demo' });
  const code = await latestCode(url, phone);
  await client.auth.verify({ challengeId: challenge.challengeId, code });
}

function must<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`missing: ${what}`);
  return value;
}

interface Mounted {
  readonly chat: DiaryChat;
  readonly client: DiaryClient;
  readonly url: string;
  readonly $: (selector: string) => HTMLElement | null | undefined;
  readonly $$: (selector: string) => HTMLElement[];
}

async function mount(
  attrs: { childId?: string; threadId?: string; lang?: string; phone?: string } = {},
  signedIn = true,
): Promise<Mounted> {
  const url = await diaryServerUrl();
  // A teacher's chat is mounted as a page gives it: without a child.
  const childId = attrs.childId ?? (attrs.phone === TEACHER_MATH ? '' : MARIA);
  const provider = await fixture<DiaryProvider>(
    html`<diary-provider base-url=${url} lang=${attrs.lang ?? 'ru'}>
      <diary-chat child-id=${childId} thread-id=${attrs.threadId ?? ''}></diary-chat>
    </diary-provider>`,
  );
  const chat = provider.querySelector('diary-chat') as DiaryChat;
  const client = provider.activeClient as DiaryClient;
  if (signedIn) {
    await signIn(client, url, attrs.phone ?? PARENT);
    await waitUntil(
      () => !chat.shadowRoot?.querySelector('[part="notice"][role="status"]'),
      'the chat did not load',
      { timeout: 10_000 },
    );
  }
  await settle(chat);
  return {
    chat,
    client,
    url,
    $: (selector) => chat.shadowRoot?.querySelector<HTMLElement>(selector),
    $$: (selector) => [...(chat.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? [])],
  };
}

async function teacher(url: string): Promise<DiaryClient> {
  const client = createDiaryClient({ baseUrl: url });
  await signIn(client, url, TEACHER_MATH);
  return client;
}

/** Types into the message box the way the browser reports it: value set, then `input`. */
function typeText(textarea: Element | null | undefined, value: string): void {
  if (!(textarea instanceof HTMLTextAreaElement)) throw new Error('not a textarea');
  textarea.value = value;
  textarea.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const newId = () => `msg_t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

describe('<diary-chat>', function () {
  this.timeout(40_000);

  afterEach(() => sessionStorage.clear());

  it('outside a provider says so', async () => {
    const chat = await fixture<DiaryChat>(html`<diary-chat child-id=${MARIA}></diary-chat>`);
    await settle(chat);
    expect(textOf(chat.shadowRoot?.querySelector('[role="alert"]'))).to.contain('diary-provider');
    await expect(chat).to.be.accessible();
  });

  it('asks to sign in when nobody is signed in', async () => {
    const { chat } = await mount({}, false);
    expect(textOf(chat.shadowRoot)).to.contain('Войдите в электронный дневник');
    await expect(chat).to.be.accessible();
  });

  it("lists the child's teachers with contact hours and the threads with unread counts", async () => {
    const { chat, $, $$ } = await mount();
    const threads = $$('[part="thread"]');
    expect(threads.length).to.be.greaterThan(0);
    expect(textOf($(`[data-thread="${MATH_THREAD}"]`))).to.contain('Математика');
    for (const badge of $$('[part="unread"]'))
      expect(textOf(badge)).to.match(/^\d+ непрочитанн(ое|ых|ого)$/);
    const teachers = $$('[part="teacher"]');
    expect(teachers.length).to.be.greaterThan(1);
    expect(teachers.map(textOf).join(' ')).to.match(/Отвечает: /);
    await expect(chat).to.be.accessible();
    // The lists are sections of the widget's title: one level below it, whatever the page's level.
    expect($('h3#threads-heading')).to.not.equal(null);
    chat.setAttribute('heading-level', '3');
    await settle(chat);
    expect($('h3#title')).to.not.equal(null);
    expect([...$$('h4')].map((h) => h.id)).to.deep.equal([
      'lists-heading',
      'threads-heading',
      'teachers-heading',
    ]);
    await expect(chat).to.be.accessible();
  });

  it("shows a teacher the families' conversations with unread counts, to read and answer", async () => {
    const url = await diaryServerUrl();
    const parent = createDiaryClient({ baseUrl: url });
    await signIn(parent, url, PARENT);
    const question = `Вопрос учителю ${Date.now()}`;
    await parent.threads.send({ threadId: MATH_THREAD, id: newId(), text: question });

    const { chat, $, $$ } = await mount({ phone: TEACHER_MATH });
    await waitUntil(() => $(`[data-thread="${MATH_THREAD}"]`), textOf(chat.shadowRoot), {
      timeout: 10_000,
    });
    const row = must($(`[data-thread="${MATH_THREAD}"]`), textOf(chat.shadowRoot));
    // Whose conversation it is, and that the family's message waits to be read.
    expect(textOf(row)).to.contain('Иванова Елена');
    expect(textOf(row.querySelector('[part="unread"]'))).to.match(/^\d+ непрочитанн/);
    expect($$('[part="teacher"]').length).to.equal(0);
    expect($('#teachers-heading')).to.equal(null);
    await expect(chat).to.be.accessible();

    row.querySelector('button')?.click();
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    expect(textOf($('#thread-heading'))).to.contain('Иванова Елена');
    expect(textOf($('[role="log"]'))).to.contain(question);
    const answer = `Ответ родителю ${Date.now()}`;
    typeText($('#message'), answer);
    const sent = oneEvent(chat, 'diary-message-sent');
    $('[part~="send"]')?.click();
    expect((await sent).detail.message.authorRole).to.equal('teacher');
    const page = await parent.threads.messages({ threadId: MATH_THREAD });
    expect(page.items.map((m) => m.text)).to.include(answer);
    await expect(chat).to.be.accessible();
    parent.close();
  });

  it('shows an error and no retry for a child of another family: asking again cannot help', async () => {
    const { chat, $ } = await mount({ childId: 'chd_alexander' });
    await waitUntil(() => $('[role="alert"]'), 'no error', { timeout: 10_000 });
    expect(textOf($('[role="alert"]'))).to.equal('Не найдено');
    expect($('[part~="retry"]')).to.equal(null);
    await expect(chat).to.be.accessible();
  });

  it('opens a thread: the log, labelled by its heading, is there before the messages', async () => {
    const { chat, $, $$ } = await mount();
    const opened = oneEvent(chat, 'diary-thread-open');
    $(`[data-thread="${MATH_THREAD}"] button`)?.click();
    expect((await opened).detail.threadId).to.equal(MATH_THREAD);
    await chat.updateComplete;
    const log = must($('[role="log"]'), 'the log');
    expect(log.getAttribute('aria-labelledby')).to.equal('thread-heading');
    expect(textOf($('#thread-heading'))).to.contain('Математика');
    expect(log.getAttribute('aria-busy')).to.equal('true');
    await waitUntil(() => log.getAttribute('aria-busy') === 'false', 'messages did not load');
    expect($$('[part~="message"]').length).to.be.greaterThan(0);
    expect(deepActiveElement()).to.equal($('#thread-heading'));
    await expect(chat).to.be.accessible();
    $('[part~="back"]')?.click();
    await settle(chat);
    expect($('[role="log"]')).to.equal(null);
  });

  it('sends through the outbox, says sending then sent, and shows the read receipt', async () => {
    const { chat, url, $ } = await mount({ threadId: MATH_THREAD });
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    const text = `Проверка отправки ${Date.now()}`;
    typeText($('#message'), text);
    const sent = oneEvent(chat, 'diary-message-sent');
    $('[part~="send"]')?.click();
    const { detail } = await sent;
    expect(detail.message.text).to.equal(text);
    await settle(chat);
    expect(textOf($('[part="status"]'))).to.equal('Отправлено');
    expect($('[part="status"]')?.getAttribute('role')).to.equal('status');
    const mine = must($(`[data-message="${detail.message.id}"]`), 'the sent message');
    expect(textOf(mine)).to.contain('Доставлено');
    expect(($('#message') as HTMLTextAreaElement).value).to.equal('');

    const math = await teacher(url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await math.threads.read({ threadId: MATH_THREAD, upToMessageId: detail.message.id });
    await waitUntil(() => textOf(mine).includes('Прочитано'), 'no read receipt arrived', {
      timeout: 10_000,
    });
    await expect(chat).to.be.accessible();
    math.close();
  });

  it("appends the teacher's new message live", async () => {
    const { url, $ } = await mount({ threadId: MATH_THREAD });
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const math = await teacher(url);
    const id = newId();
    await math.threads.send({
      threadId: MATH_THREAD,
      id,
      text: 'Добрый день! Контрольная в пятницу.',
    });
    await waitUntil(() => $(`[data-message="${id}"]`), 'the live message did not arrive', {
      timeout: 10_000,
    });
    expect(textOf($(`[data-message="${id}"]`))).to.contain('Контрольная в пятницу');
    math.close();
  });

  it('refuses an empty message with a clear error, in English too', async () => {
    const { chat, $ } = await mount({ threadId: MATH_THREAD, lang: 'en' });
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    typeText($('#message'), '   ');
    $('[part~="send"]')?.click();
    await settle(chat);
    expect(textOf($('#message-error'))).to.equal('Error: Write a message or attach a file');
    expect($('#message')?.getAttribute('aria-invalid')).to.equal('true');
    await expect(chat).to.be.accessible();
  });

  it('checks type and size before upload, uploads dropped and picked files, sends them', async () => {
    const { chat, $, $$ } = await mount({ threadId: MATH_THREAD });
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    const drop = (files: File[]) => {
      const transfer = new DataTransfer();
      for (const file of files) transfer.items.add(file);
      $('[part="composer"]')?.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    };
    drop([
      new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
      new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', { type: 'application/pdf' }),
      new File(['Решение задачи 5'], 'reshenie.txt', { type: 'text/plain' }),
    ]);
    await settle(chat);
    const errors = $$('[data-file-state="error"]').map(textOf);
    expect(errors[0]).to.contain('Файл «setup.exe» нельзя отправить');
    expect(errors[1]).to.contain('Файл «scan.pdf» больше 10 МБ');
    await waitUntil(() => $('[data-file-state="ready"]'), 'the text file did not upload', {
      timeout: 10_000,
    });
    await expect(chat).to.be.accessible();

    const picker = $('#files') as HTMLInputElement;
    const transfer = new DataTransfer();
    transfer.items.add(new File(['%PDF-1.4'], 'spravka.pdf', { type: 'application/pdf' }));
    picker.files = transfer.files;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await waitUntil(() => $$('[data-file-state="ready"]').length === 2, 'the PDF did not upload', {
      timeout: 10_000,
    });
    const sent = oneEvent(chat, 'diary-message-sent');
    $('[part~="send"]')?.click();
    const { detail } = await sent;
    expect(detail.message.attachments.map((a: { name: string }) => a.name).sort()).to.deep.equal([
      'reshenie.txt',
      'spravka.pdf',
    ]);
    await settle(chat);
    expect(textOf($(`[data-message="${detail.message.id}"]`))).to.contain('reshenie.txt');
  });

  it('creates a conversation with its first message, not when «Написать» is pressed', async () => {
    const { chat, client, $ } = await mount();
    const write = $('[part~="write"]') as HTMLButtonElement | null;
    if (!write) return; // every teacher already has a conversation in this world
    const before = (await client.threads.list({ childId: MARIA })).items.length;
    write.click();
    await settle(chat);
    expect(textOf($('[role="log"]'))).to.contain('Переписка начнётся с вашего первого сообщения');
    expect((await client.threads.list({ childId: MARIA })).items.length).to.equal(before);
    const opened = oneEvent(chat, 'diary-thread-open');
    typeText($('#message'), 'Здравствуйте! Вопрос о домашнем задании.');
    $('[part~="send"]')?.click();
    const { detail } = await opened;
    expect(detail.threadId).to.be.a('string');
    expect(chat.threadId).to.equal(detail.threadId);
    const after = (await client.threads.list({ childId: MARIA })).items;
    expect(after.length).to.equal(before + 1);
    await waitUntil(() => chat.messages.length === 1, 'the first message did not arrive', {
      timeout: 10_000,
    });
  });

  it('picks files with a labelled button in the widget’s language, with an icon, not the native one', async () => {
    const { chat, $ } = await mount({ threadId: MATH_THREAD, lang: 'en' });
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    const input = $('#files') as HTMLInputElement;
    const label = $('label[for="files"]') as HTMLElement;
    expect(textOf(label)).to.equal('Attach files');
    expect(label.querySelector('svg')).not.to.equal(null);
    expect(input.getBoundingClientRect().width).to.be.at.most(1);
    const box = ($('#message') as HTMLElement).getBoundingClientRect().width;
    const form = ($('[part="composer"]') as HTMLElement).getBoundingClientRect().width;
    expect(box).to.be.above(form * 0.9);
    await expect(chat).to.be.accessible();
  });

  it('reports an upload’s bytes sent through the SDK, and cancels one on request', async () => {
    const { chat, client, $, $$ } = await mount({ threadId: MATH_THREAD });
    const progress: { loaded: number; total: number }[] = [];
    const file = new File(['Справка. '.repeat(30_000)], 'spravka.txt', { type: 'text/plain' });
    await client.attachments.upload({ file }, { onUploadProgress: (p) => progress.push(p) });
    const last = progress.at(-1);
    expect(last?.loaded).to.equal(last?.total);
    expect(last?.total).to.be.at.least(file.size);

    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    const picker = $('#files') as HTMLInputElement;
    const transfer = new DataTransfer();
    const big = new File(['a'.repeat(4 * 1024 * 1024)], 'big.txt', { type: 'text/plain' });
    transfer.items.add(big);
    picker.files = transfer.files;
    picker.dispatchEvent(new Event('change', { bubbles: true }));
    await settle(chat);
    const item = $$('[data-file-state]')[0] as HTMLElement;
    if (item.dataset['fileState'] === 'uploading') {
      expect(item.querySelector('progress')).not.to.equal(null);
      expect(textOf(item.querySelector('[data-progress]'))).to.match(/из 4 МБ$/);
      expect(textOf(item.querySelector('[part~="remove-file"]'))).to.equal(
        'Отменить загрузку big.txt',
      );
    }
    (item.querySelector('[part~="remove-file"]') as HTMLElement).click();
    await settle(chat);
    expect($$('[data-file-state]')).to.have.length(0);
  });

  /** Records what `saveFile` offers: the link's name, the blob behind it, and revoked URLs. */
  function captureDownloads() {
    const offered: { name: string; blob: Promise<Blob> }[] = [];
    const revoked: string[] = [];
    const click = HTMLAnchorElement.prototype.click;
    const revoke = URL.revokeObjectURL;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      offered.push({ name: this.download, blob: fetch(this.href).then((r) => r.blob()) });
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke.call(URL, url);
    };
    return {
      offered,
      revoked,
      restore() {
        HTMLAnchorElement.prototype.click = click;
        URL.revokeObjectURL = revoke;
      },
    };
  }

  /** Opens the maths thread from the list after sending a message with a file in it. */
  async function threadWithFile(bytes: Uint8Array<ArrayBuffer>, name: string) {
    const mounted = await mount();
    const { client, chat, $ } = mounted;
    const attachment = await client.attachments.upload({
      file: new Blob([bytes], { type: 'application/pdf' }),
      fileName: name,
    });
    await client.threads.send({
      threadId: MATH_THREAD,
      id: newId(),
      text: 'Справка во вложении',
      attachmentIds: [attachment.id],
    });
    $(`[data-thread="${MATH_THREAD}"] button`)?.click();
    await settle(chat);
    const selector = `[data-attachment="${attachment.id}"]`;
    await waitUntil(() => $(selector), 'no download button for the attachment', {
      timeout: 10_000,
    });
    const button = must($(selector), 'the download button');
    return { ...mounted, attachment, button };
  }

  it('downloads an attachment through the SDK: the same bytes, the original name', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n% справка о болезни\n%%EOF');
    const { chat, $, button } = await threadWithFile(bytes, 'справка.pdf');
    expect(textOf(button)).to.equal('справка.pdf, скачать');
    expect(button.querySelector('svg.diary-icon[aria-hidden="true"]')).not.to.equal(null);
    await expect(chat).to.be.accessible();
    const downloads = captureDownloads();
    try {
      button.click();
      await waitUntil(() => downloads.offered.length === 1, 'nothing was offered', {
        timeout: 10_000,
      });
      await waitUntil(() => downloads.revoked.length === 1, 'the object URL was not revoked');
    } finally {
      downloads.restore();
    }
    const [offer] = downloads.offered;
    expect(offer?.name).to.equal('справка.pdf');
    const blob = await must(offer, 'the offer').blob;
    expect([...new Uint8Array(await blob.arrayBuffer())]).to.deep.equal([...bytes]);
    await settle(chat);
    expect(textOf($('[part="status"]'))).to.equal('Файл «справка.pdf» скачан');
    await expect(chat).to.be.accessible();
  });

  it('updates a message in place when its read receipt arrives: focus in it stays', async () => {
    const { chat, url, button } = await threadWithFile(
      new TextEncoder().encode('%PDF-1.4\n%%EOF'),
      'receipt.pdf',
    );
    const message = must(button.closest<HTMLElement>('[data-message]'), 'the message');
    expect(textOf(message)).to.contain('Доставлено');
    button.focus();
    const math = await teacher(url);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await math.threads.read({
      threadId: MATH_THREAD,
      upToMessageId: must(message.dataset['message'], 'the message id'),
    });
    await waitUntil(() => textOf(message).includes('Прочитано'), 'no read receipt arrived', {
      timeout: 10_000,
    });
    await settle(chat);
    expect(message.isConnected).to.equal(true);
    expect(button.isConnected).to.equal(true);
    expect(deepActiveElement()).to.equal(button);
    math.close();
  });

  it("draws the messages again in the provider's new language", async () => {
    const { chat, $, $$ } = await mount({ threadId: MATH_THREAD });
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    const own = must($$('[part~="message-own"]')[0], 'a message of the parent');
    expect(textOf(own.querySelector('.diary-meta'))).to.match(/^Вы /);
    const messages = $$('[part~="message"]');
    must(chat.closest('diary-provider'), 'the provider').setAttribute('lang', 'en');
    await settle(chat);
    expect(textOf(own.querySelector('.diary-meta'))).to.match(/^You /);
    expect(textOf(own.querySelector('[part="receipt"]'))).to.match(/^(Delivered|Read)$/);
    // Drawn again in place: the same nodes, not new ones.
    expect($$('[part~="message"]')).to.have.ordered.members(messages);
  });

  it('says so when an attachment cannot be downloaded, and offers nothing', async () => {
    const bytes = new TextEncoder().encode('%PDF-1.4\n%%EOF');
    const { chat, $, button } = await threadWithFile(bytes, 'offline.pdf');
    const downloads = captureDownloads();
    const realFetch = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      button.click();
      await waitUntil(() => $('[role="alert"]'), 'no error was shown', { timeout: 20_000 });
    } finally {
      window.fetch = realFetch;
      downloads.restore();
    }
    expect(textOf($('[role="alert"]'))).to.match(/^Не удалось скачать «offline\.pdf»: \S+/);
    expect(downloads.offered.length).to.equal(0);
    expect(textOf($('[part="status"]'))).to.equal('');
    await expect(chat).to.be.accessible();
  });

  it('keeps the draft when the user leaves the thread and comes back', async () => {
    const { chat, $ } = await mount({ threadId: MATH_THREAD });
    typeText($('#message'), 'Черновик: вопрос про оценку');
    $('[part~="back"]')?.click();
    await settle(chat);
    await waitUntil(() => $(`[data-thread="${MATH_THREAD}"] button`));
    $(`[data-thread="${MATH_THREAD}"] button`)?.click();
    await settle(chat);
    expect(($('#message') as HTMLTextAreaElement).value).to.equal('Черновик: вопрос про оценку');
  });

  it('shows a message the server refuses as failed, with retry and delete', async () => {
    const { chat, client, $ } = await mount({ threadId: MATH_THREAD });
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    const item = await client.outbox.send({
      threadId: MATH_THREAD,
      text: 'С несуществующим файлом',
      attachmentIds: ['att_missing0000'],
    });
    const failed = () => $(`[data-pending="${item.id}"]`);
    await waitUntil(
      () => failed()?.getAttribute('part')?.includes('message-failed'),
      'not failed',
      {
        timeout: 10_000,
      },
    );
    expect(textOf(failed())).to.match(/Не отправлено: \S+/);
    await expect(chat).to.be.accessible();
    failed()?.querySelector<HTMLButtonElement>('[part~="retry"]')?.click();
    await waitUntil(() => failed()?.getAttribute('part')?.includes('message-failed'));
    failed()?.querySelector<HTMLButtonElement>('[part~="discard"]')?.click();
    await waitUntil(() => !failed(), 'not discarded');
  });

  it('shows a message written offline as pending, and sends it when the connection returns', async () => {
    const { chat, $ } = await mount({ threadId: MATH_THREAD });
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    const realFetch = window.fetch;
    window.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    try {
      typeText($('#message'), 'Написано без связи');
      $('[part~="send"]')?.click();
      await waitUntil(() => $('[part~="message-pending"]'), 'no pending message');
      expect(textOf($('[part~="message-pending"]'))).to.match(/Ожидает отправки|Отправляется/);
      await expect(chat).to.be.accessible();
    } finally {
      window.fetch = realFetch;
    }
    const sent = oneEvent(chat, 'diary-message-sent');
    window.dispatchEvent(new Event('online'));
    expect((await sent).detail.message.text).to.equal('Написано без связи');
    await settle(chat);
    expect($('[part~="message-pending"]')).to.equal(null);
  });

  it('pages a long history in while scrolling up, without moving what the reader sees', async function () {
    this.timeout(120_000);
    const url = await diaryServerUrl();
    const math = await teacher(url);
    for (let batch = 0; batch < 6; batch += 1)
      await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          math.threads.send({ threadId: MATH_THREAD, id: newId(), text: `История ${batch}-${i}` }),
        ),
      );
    math.close();
    const { chat, $, $$ } = await mount({ threadId: MATH_THREAD });
    await waitUntil(() => $('[role="log"]')?.getAttribute('aria-busy') === 'false');
    const log = must($('[role="log"]'), 'log');
    const before = $$('[part~="message"]').length;
    expect(before).to.equal(50);
    expect($('[part~="earlier"]')).to.not.equal(null);
    const first = must($$('[part~="message"]')[0], 'first message');
    log.scrollTop = 0;
    const top = first.getBoundingClientRect().top;
    log.dispatchEvent(new Event('scroll'));
    await waitUntil(() => $$('[part~="message"]').length > before, 'no older page', {
      timeout: 10_000,
    });
    await settle(chat);
    expect(Math.abs(first.getBoundingClientRect().top - top)).to.be.below(2);
  });
});
