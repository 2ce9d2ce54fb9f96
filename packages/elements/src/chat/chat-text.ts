import { translator } from '../shared/localize';

/** The texts of `<diary-chat>`, in Russian and English. */
export const chatText = translator({
  title: ['Сообщения учителям', 'Messages to teachers'],
  teacherTitle: ['Сообщения родителей', 'Messages from families'],
  teachers: ['Учителя', 'Teachers'],
  threads: ['Переписки', 'Conversations'],
  noThreads: [
    'Переписок пока нет. Напишите учителю из списка.',
    'No conversations yet. Write to a teacher from the list.',
  ],
  noFamilyThreads: [
    'Родители и ученики вам пока не писали. Их сообщения появятся здесь.',
    'No family has written to you yet. Their messages will appear here.',
  ],
  noTeachers: [
    'У ребёнка пока нет учителей в дневнике.',
    'The child has no teachers in the diary yet.',
  ],
  contactHours: ['Отвечает: {hours}', 'Answers: {hours}'],
  write: ['Написать', 'Write'],
  open: ['Открыть переписку', 'Open conversation'],
  back: ['Ко всем перепискам', 'All conversations'],
  earlier: ['Показать более ранние сообщения', 'Show earlier messages'],
  noMessages: ['Сообщений пока нет.', 'No messages yet.'],
  messageLabel: ['Сообщение', 'Message'],
  attach: ['Прикрепить файлы', 'Attach files'],
  dropHint: [
    'или перетащите файлы сюда (PDF, изображения, документы Word и Excel, до 10 МБ)',
    'or drop files here (PDF, images, Word and Excel documents, up to 10 MB)',
  ],
  send: ['Отправить', 'Send'],
  sending: ['Отправляется…', 'Sending…'],
  sent: ['Отправлено', 'Sent'],
  pending: ['Ожидает отправки', 'Waiting to send'],
  failed: ['Не отправлено: {reason}', 'Not sent: {reason}'],
  retry: ['Отправить ещё раз', 'Send again'],
  discard: ['Удалить', 'Delete'],
  read: ['Прочитано', 'Read'],
  delivered: ['Доставлено', 'Delivered'],
  you: ['Вы', 'You'],
  removeFile: ['Убрать файл {name}', 'Remove file {name}'],
  uploading: ['Загружается: {name}', 'Uploading: {name}'],
  uploaded: ['{loaded} из {total}', '{loaded} of {total}'],
  cancelUpload: ['Отменить загрузку {name}', 'Cancel uploading {name}'],
  firstMessage: [
    'Переписка начнётся с вашего первого сообщения.',
    'The conversation starts with your first message.',
  ],
  fileType: [
    'Файл «{name}» нельзя отправить: подходят PDF, JPEG, PNG, WebP, текст и документы Word, Excel, OpenDocument',
    '“{name}” cannot be sent: use PDF, JPEG, PNG, WebP, text, or Word, Excel or OpenDocument files',
  ],
  fileTooLarge: [
    'Файл «{name}» больше 10 МБ — уменьшите его или отправьте другой',
    '“{name}” is larger than 10 MB: make it smaller or send another file',
  ],
  uploadFailed: ['Файл «{name}» не загрузился: {reason}', '“{name}” did not upload: {reason}'],
  emptyMessage: ['Напишите сообщение или прикрепите файл', 'Write a message or attach a file'],
  noChild: [
    'Укажите ребёнка: атрибут child-id у <diary-chat>.',
    'Say which child: set child-id on <diary-chat>.',
  ],
  signedOut: [
    'Войдите в электронный дневник, чтобы переписываться с учителями.',
    'Sign in to the e-diary to write to teachers.',
  ],
  newMessage: ['Новое сообщение от {name}', 'New message from {name}'],
  attachments: ['Вложения', 'Attachments'],
  download: ['скачать', 'download'],
  downloading: ['Скачивается «{name}»…', 'Downloading “{name}”…'],
  downloaded: ['Файл «{name}» скачан', '“{name}” downloaded'],
  downloadFailed: ['Не удалось скачать «{name}»: {reason}', '“{name}” did not download: {reason}'],
});

/** «3 непрочитанных» in the right plural form. */
export const unreadForms = {
  ru: {
    one: '{n} непрочитанное',
    few: '{n} непрочитанных',
    many: '{n} непрочитанных',
    other: '{n} непрочитанного',
  },
  en: { one: '{n} unread', other: '{n} unread' },
} as const;
