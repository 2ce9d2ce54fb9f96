import { translator } from '../shared/localize';

/** The news widget's own words. */
export const newsText = translator({
  title: ['Новости и события школы', 'School news and events'],
  signedOut: [
    'Войдите в электронный дневник, чтобы читать новости школы.',
    'Sign in to the electronic diary to read the school’s news.',
  ],
  noSchool: [
    'Ребёнок пока не привязан к школе: новости появятся после привязки.',
    'The child is not linked to a school yet: news will appear once linked.',
  ],
  kind: ['Показать', 'Show'],
  all: ['Всё', 'Everything'],
  news: ['Новости', 'News'],
  event: ['События', 'Events'],
  newsOne: ['Новость', 'News'],
  eventOne: ['Событие', 'Event'],
  empty: ['Пока ничего нет.', 'Nothing yet.'],
  listLabel: ['Новости и события', 'News and events'],
  published: ['Опубликовано {date}', 'Published {date}'],
  when: ['Когда', 'When'],
  where: ['Где', 'Where'],
  allDay: ['{date}, весь день', '{date}, all day'],
  at: ['{date}, {time}', '{date}, {time}'],
  range: ['{date}, {start}–{end}', '{date}, {start}–{end}'],
  more: ['Показать ещё', 'Show more'],
  shown: ['Показано {shown} из {total}', 'Showing {shown} of {total}'],
  read: ['Читать: {title}', 'Read: {title}'],
  back: ['К списку новостей', 'Back to the news'],
  addToCalendar: ['Добавить в календарь', 'Add to calendar'],
  calendarSaved: ['Файл события для календаря сохранён', 'The event’s calendar file was saved'],
});
