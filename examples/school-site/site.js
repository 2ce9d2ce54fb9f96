// Школа № 42's own page script: the account line in the header, the sections of the navigation
// meant for the signed-in role, the list of the parent's children, and where each role goes after
// signing in (the diary pages choose a child with the kit's <diary-child-picker>). It talks to the
// diary only through the SDK client that <diary-provider> made (`provider.activeClient`), and
// writes text with textContent, never HTML. It also decides whether the diary checks the server's
// answers (on when served by `npm start`).
import { LANDING, SIGNED_OUT_AUDIENCE } from './site-sections.js';

// The page's own diary lives in <main>; the header may hold another provider for the bell.
const provider = document.querySelector('main diary-provider');

/**
 * Served by `npm start` (on this machine, in development), the diary checks every answer of the
 * server against its contract and fails loudly on one that breaks it; a school's own deployment
 * leaves that off, so its pages never load the checks. `localStorage['school42:validate-responses']`
 * (`on` or `off`) overrides, to see the page as the other mode does.
 */
function checksAnswers() {
  const chosen = localStorage.getItem('school42:validate-responses');
  if (chosen === 'on' || chosen === 'off') return chosen === 'on';
  return ['localhost', '127.0.0.1', '[::1]'].includes(location.hostname);
}
// This script runs before the diary's code arrives, so the provider reads it when it starts.
for (const each of document.querySelectorAll('diary-provider'))
  each.toggleAttribute('validate-responses', checksAnswers());
const CHILD_PAGES = [
  ['grades.html', 'Оценки'],
  ['schedule.html', 'Расписание'],
  ['chat.html', 'Сообщения'],
  ['application.html', 'Заявление'],
  ['child-card.html', 'Карточка'],
];

function element(tag, attributes = {}, text) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  if (text !== undefined) el.textContent = text;
  return el;
}

const fullName = (person) => [person.lastName, person.firstName].filter(Boolean).join(' ');

function signInNotice() {
  const p = element('p', { class: 'notice' });
  p.append('Войдите в электронный дневник: ', element('a', { href: 'login.html' }, 'вход'), '.');
  return p;
}

/** The navigation's link to the login page: «Вход в дневник» signed out, «Учётная запись» signed in. */
const diaryEntry = document.querySelector('.site-nav a[href="login.html"]');

/**
 * The navigation shows the sections meant for the signed-in account's role (each `<li>` names its
 * roles in `data-for`, written from site-sections.js), or a parent's sections when signed out.
 * The page's own section stays, so a visitor always sees where they are.
 */
function showSections(user) {
  const role = user?.role ?? SIGNED_OUT_AUDIENCE;
  for (const item of document.querySelectorAll('.site-nav li[data-for]')) {
    const audience = item.dataset.for.split(' ');
    const here = item.querySelector('[aria-current="page"]');
    item.hidden = !audience.includes('everyone') && !audience.includes(role) && !here;
  }
}

function showAccount(client) {
  const account = document.querySelector('[data-account]');
  const user = client.session.user;
  showSections(user);
  if (diaryEntry) diaryEntry.textContent = user ? 'Учётная запись' : 'Вход в дневник';
  if (!account) return;
  account.hidden = !user;
  account.querySelector('[data-account-name]').textContent = user ? fullName(user) : '';
}

/**
 * On a phone the sections fold behind the «Меню» button (written hidden into every page, for
 * site.js to show): it says whether they are open (`aria-expanded`), and Escape closes them and
 * returns to the button. Without this script the sections scroll sideways in one row instead.
 */
function foldNavigation() {
  const nav = document.querySelector('.site-nav');
  const toggle = nav?.querySelector('.site-nav__toggle');
  if (!nav || !toggle) return;
  const setOpen = (open) => toggle.setAttribute('aria-expanded', String(open));
  nav.classList.add('site-nav--folding');
  toggle.hidden = false;
  toggle.addEventListener('click', () => setOpen(toggle.getAttribute('aria-expanded') !== 'true'));
  nav.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || toggle.getAttribute('aria-expanded') !== 'true') return;
    setOpen(false);
    toggle.focus();
  });
}
foldNavigation();

async function listChildren(client) {
  const { items } = await client.children.list();
  return items;
}

async function renderChildren(client, container) {
  if (!client.session.user) return container.replaceChildren(signInNotice());
  try {
    const children = await listChildren(client);
    if (children.length === 0) {
      // Said once, here, with the way forward: the form below the list.
      const none = element('p', { 'data-no-children': '' }, 'Детей в дневнике пока нет. ');
      none.append(element('a', { href: '#register-child' }, 'Запишите ребёнка'), ' формой ниже.');
      container.replaceChildren(none);
      return;
    }
    const list = element('ul', { class: 'cards' });
    for (const child of children) {
      const card = element('li', { class: 'card', 'data-child': child.id });
      card.append(element('h3', {}, fullName(child)));
      const status =
        child.status === 'confirmed'
          ? child.classId
            ? 'Учится в школе'
            : 'Заявление в школу подано'
          : 'Ждёт подтверждения по СМС';
      card.append(element('p', {}, status));
      const links = element('p', { class: 'child-links' });
      for (const [page, label] of CHILD_PAGES)
        links.append(
          element('a', { href: `${page}?child=${encodeURIComponent(child.id)}` }, label),
        );
      card.append(links);
      list.append(card);
    }
    container.replaceChildren(list);
  } catch (error) {
    // Refused: the account has no children of its own (a teacher, the school's administrator).
    const text =
      error.code === 'forbidden'
        ? 'Список детей ведут родители. Разделы дневника для вашей учётной записи — в меню сайта.'
        : `Не удалось загрузить список: ${error.message}`;
    container.replaceChildren(element('p', { class: 'notice', role: 'alert' }, text));
  }
}

async function main() {
  if (!provider) return;
  await customElements.whenDefined('diary-provider');
  const client = provider.activeClient;
  await client.ready;
  showAccount(client);
  const list = document.querySelector('[data-children-list]');
  client.session.onChange(() => {
    showAccount(client);
    if (list) void renderChildren(client, list);
  });
  document.querySelector('[data-logout]')?.addEventListener('click', async () => {
    await client.auth.logout();
    location.assign('login.html');
  });
  // After signing in, each role starts on its own first page (a teacher on the journal).
  document.addEventListener('diary-login', () =>
    location.assign(LANDING[client.session.user?.role] ?? 'index.html'),
  );
  document.addEventListener('diary-child-registered', () => list && renderChildren(client, list));
  if (list) await renderChildren(client, list);
  // «Мои дети» links to a child's pages: that child is selected for <diary-child-picker>.
  const wanted = new URL(location.href).searchParams.get('child');
  if (wanted) provider.selectChild(wanted);
}

main().catch((error) => console.error('Школа № 42: page script failed', error));
