import { translator } from '../shared/localize';

/** The child form's own words; validation messages come from core's catalogue. */
export const childText = translator({
  title: ['Регистрация ребёнка', 'Register a child'],
  intro: [
    'Заполните данные ребёнка так, как они записаны в свидетельстве о рождении.',
    "Enter the child's details as written in the birth certificate.",
  ],
  lastName: ['Фамилия', 'Last name'],
  firstName: ['Имя', 'First name'],
  middleName: ['Отчество', 'Patronymic'],
  middleNameHint: [
    'Если отчества нет, оставьте поле пустым',
    'Leave it empty if the child has no patronymic',
  ],
  birthDate: ['Дата рождения', 'Date of birth'],
  birthDateHint: [
    'Например, 27 3 2015 или 27 марта 2015',
    'For example, 27 3 2015 or 27 March 2015',
  ],
  day: ['День', 'Day'],
  month: ['Месяц', 'Month'],
  year: ['Год', 'Year'],
  sex: ['Пол', 'Sex'],
  male: ['Мальчик', 'Boy'],
  female: ['Девочка', 'Girl'],
  snils: ['СНИЛС ребёнка', "Child's SNILS"],
  snilsHint: [
    'Страховой номер из 11 цифр — он есть на карточке СНИЛС и в личном кабинете на Госуслугах. Например, {example}.',
    'The 11-digit insurance number on the SNILS card and in your Gosuslugi account. For example, {example}.',
  ],
  snilsOptional: [
    'Можно не указывать: выбранная школа его не требует.',
    'You may leave it out: the chosen school does not require it.',
  ],
  snilsRequired: ['Выбранная школа требует СНИЛС.', 'The chosen school requires the SNILS.'],
  school: ['Школа', 'School'],
  schoolHint: [
    'Начните вводить номер или название школы и выберите её из списка',
    "Start typing the school's number or name and choose it from the list",
  ],
  rosterId: ['Номер ученика в школе', "Student's number at the school"],
  rosterIdHint: [
    'Его сообщает классный руководитель, например R42-5A-07',
    'The class teacher gives it to you, for example R42-5A-07',
  ],
  submit: ['Продолжить', 'Continue'],
  sending: ['Отправляем…', 'Sending…'],
  tooYoungTitle: ['Ребёнок младше школьного возраста', 'The child is below school age'],
  tooYoung: [
    'По этой дате рождения ребёнку меньше {minAge} лет. Электронный дневник ведут для школьников от {minAge} до {maxAge} лет.',
    'By this date of birth the child is under {minAge}. The e-diary is kept for students aged {minAge} to {maxAge}.',
  ],
  tooOldTitle: ['Ребёнок старше школьного возраста', 'The child is above school age'],
  tooOld: [
    'По этой дате рождения ребёнку больше {maxAge} лет. Электронный дневник ведут для школьников от {minAge} до {maxAge} лет.',
    'By this date of birth the child is over {maxAge}. The e-diary is kept for students aged {minAge} to {maxAge}.',
  ],
  ageWhatToDo: [
    'Если дата указана с ошибкой, исправьте её. Если дата верна, а ребёнок уже учится в школе, обратитесь к классному руководителю: школа подключит ребёнка к дневнику сама.',
    'If the date is wrong, correct it. If it is right and the child already goes to school, ask the class teacher: the school will connect the child to the diary itself.',
  ],
  changeBirthDate: ['Изменить дату рождения', 'Change the date of birth'],
  confirmTitle: ['Проверьте данные и подтвердите', 'Check the details and confirm'],
  codeSent: [
    'Мы отправили код подтверждения на номер {sentTo}.',
    'We have sent a confirmation code to {sentTo}.',
  ],
  confirm: ['Подтвердить', 'Confirm'],
  edit: ['Изменить данные', 'Change the details'],
  name: ['ФИО', 'Full name'],
  doneTitle: ['Заявление подано', 'Application submitted'],
  applicationNumber: ['Номер заявления', 'Application number'],
  status: ['Статус', 'Status'],
  schoolYear: ['Учебный год', 'School year'],
  doneText: [
    'Школа проверит заявление. О смене статуса мы сообщим в СМС и в уведомлениях дневника.',
    'The school will check the application. We will tell you about changes by text message and in the diary notifications.',
  ],
  readyTitle: ['Заявление одобрено', 'Application approved'],
  readyText: [
    'Школа одобрила заявление. Осталось подключить дневник — о готовности мы сообщим в СМС.',
    'The school has approved the application. The diary is being connected; we will tell you by text message.',
  ],
  activeTitle: ['Дневник подключён', 'Diary connected'],
  activeText: [
    'Ребёнок уже учится в этой школе: оценки, расписание и сообщения учителям доступны в дневнике.',
    'The child already goes to this school: marks, the timetable and messages to teachers are in the diary.',
  ],
  rejectedTitle: ['Заявление отклонено', 'Application rejected'],
  rejectedText: [
    'Школа отклонила заявление. Уточните данные у классного руководителя и подайте заявление снова.',
    'The school rejected the application. Check the details with the class teacher and apply again.',
  ],
  withdrawnTitle: ['Заявление отозвано', 'Application withdrawn'],
  withdrawnText: [
    'Ребёнок отвязан от школы, поэтому заявление отозвано. Привяжите ребёнка к школе в его карточке и подайте заявление снова.',
    'The child was unlinked from the school, so the application was withdrawn. Link the child to a school on their card and apply again.',
  ],
  another: ['Зарегистрировать ещё одного ребёнка', 'Register another child'],
  signedOut: [
    'Войдите в электронный дневник, чтобы зарегистрировать ребёнка.',
    'Sign in to the e-diary to register a child.',
  ],
  submitted: ['подано', 'submitted'],
  checking: ['на проверке в школе', 'being checked by the school'],
  ready: ['одобрено — осталось подключить дневник', 'approved — connect the diary to finish'],
  active: ['дневник подключён', 'diary connected'],
  rejected: ['отклонено', 'rejected'],
  withdrawn: ['отозвано', 'withdrawn'],
});
