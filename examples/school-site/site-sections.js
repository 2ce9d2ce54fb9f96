// The one description of Школа № 42's site frame: the sections of its navigation (who each is
// for) and its footer. `node scripts/school-site-frame.mjs` writes them into every page, so each
// page is plain HTML that works before (and without) any script; site.js then shows a signed-in
// account the sections meant for its role, and takes it to its own first page after signing in.

/** The diary's roles, as the SDK's `session.user.role` names them. */
export const ROLES = ['parent', 'student', 'teacher', 'school_admin'];

/**
 * The navigation, in order. `for` lists the roles the section is meant for; `everyone` is for
 * every visitor. Signed out, the site shows what a parent sees: most of its visitors are parents.
 */
export const SECTIONS = [
  { href: 'index.html', label: 'Главная', for: 'everyone' },
  { href: 'login.html', label: 'Вход в дневник', for: 'everyone' },
  { href: 'children.html', label: 'Мои дети', for: ['parent'] },
  { href: 'grades.html', label: 'Оценки', for: ['parent', 'student'] },
  { href: 'schedule.html', label: 'Расписание', for: ['parent', 'student'] },
  { href: 'homework.html', label: 'Домашние задания', for: ['parent', 'student'] },
  { href: 'tests.html', label: 'Контрольные', for: ['parent', 'student'] },
  { href: 'attendance.html', label: 'Посещаемость', for: ['parent', 'student'] },
  { href: 'portfolio.html', label: 'Портфолио', for: ['parent', 'student'] },
  { href: 'news.html', label: 'Новости', for: ['parent', 'student'] },
  { href: 'chat.html', label: 'Сообщения', for: ['parent', 'student', 'teacher'] },
  { href: 'journal.html', label: 'Журнал учителя', for: ['teacher', 'school_admin'] },
  { href: 'admin.html', label: 'Настройка школы', for: ['school_admin'] },
  { href: 'application.html', label: 'Заявление', for: ['parent'] },
  { href: 'notifications.html', label: 'Уведомления', for: 'everyone' },
  { href: 'support.html', label: 'Поддержка', for: 'everyone' },
  { href: 'account.html', label: 'Профиль', for: 'everyone' },
];

/** Who the site shows its sections to before anyone signs in. */
export const SIGNED_OUT_AUDIENCE = 'parent';

/** Pages outside the navigation, and the section each belongs to (marked as the current one). */
export const SECTION_OF = { 'child-card.html': 'children.html' };

/** Where each role goes after signing in: the first page meant for it. */
export const LANDING = {
  parent: 'children.html',
  student: 'grades.html',
  teacher: 'journal.html',
  school_admin: 'admin.html',
};

/** Whether a section is meant for a role. */
export const sectionIsFor = (section, role) =>
  section.for === 'everyone' || section.for.includes(role);

/** The footer's lines: the school's address and contacts, then the note about the example. */
export const FOOTER = {
  school: 'ГБОУ «Школа № 42» · Москва, ул. Академика Королёва, 9 · +7 495 000-42-42',
  email: 'info@school42.example',
  note: 'Учебный сайт: школа и её данные вымышлены. Электронный дневник — School Diary Kit.',
};
