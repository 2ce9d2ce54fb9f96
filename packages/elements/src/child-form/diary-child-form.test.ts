/// <reference types="mocha" />
import { aTimeout, expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import { isValidSnils } from '@school-diary/core';
import '../define';
import { deepActiveElement, settle, textOf, typeInto } from '../test-support/dom';
import {
  FAKE_NOW,
  apiError,
  fakeClient,
  networkError,
  type FakeClient,
} from '../test-support/fake-client';
import { SNILS_EXAMPLE, type DiaryChildForm } from './diary-child-form';

async function mount(client: FakeClient = fakeClient(), lang = 'ru') {
  const provider = await fixture(
    html`<diary-provider .client=${client} lang=${lang}>
      <diary-child-form search-delay="0" .now=${() => FAKE_NOW}></diary-child-form>
    </diary-provider>`,
  );
  const form = provider.querySelector('diary-child-form') as DiaryChildForm;
  await settle(form);
  return { form, client };
}

const root = (form: DiaryChildForm) => form.shadowRoot as ShadowRoot;
const $ = (form: DiaryChildForm, selector: string) =>
  root(form).querySelector<HTMLInputElement>(selector);
const summaryLinks = (form: DiaryChildForm) =>
  [...root(form).querySelectorAll('.diary-summary a')].map(textOf);
const fieldError = (form: DiaryChildForm, id: string) =>
  textOf(root(form).getElementById(`${id}-error`)).replace(/^(Ошибка|Error): /, '');

async function submit(form: DiaryChildForm) {
  $(form, 'button[type="submit"]')?.click();
  await settle(form);
}

async function chooseSchool(form: DiaryChildForm, query: string, index = 0) {
  typeInto($(form, '#school'), query);
  await settle(form);
  root(form).querySelectorAll<HTMLElement>('[role="option"]')[index]?.click();
  await settle(form);
}

async function fillValid(form: DiaryChildForm) {
  typeInto($(form, '#lastName'), 'Смирнова');
  typeInto($(form, '#firstName'), 'Анна');
  typeInto($(form, '#birthDate-day'), '14');
  typeInto($(form, '#birthDate-month'), 'марта');
  typeInto($(form, '#birthDate-year'), '2015');
  $(form, '#sex-female')?.click();
  typeInto($(form, '#snils'), '123 456 789-64');
  await chooseSchool(form, 'Школа № 42');
  typeInto($(form, '#rosterId'), 'r42-5a-99');
  await settle(form);
}

describe('<diary-child-form>', () => {
  it('leaves a 360 px phone room for the fields inside the page’s own padded panel', async () => {
    await setViewport({ width: 360, height: 740 });
    try {
      // The example site's column on a phone: 16 px page margins (the test page's body has 8 px),
      // a panel with 12 px padding and a 1 px border.
      const page = await fixture(
        html`<div style="margin: 0 8px; padding: 12px; border: 1px solid #d7dee8">
          <diary-provider .client=${fakeClient()}>
            <diary-child-form .now=${() => FAKE_NOW}></diary-child-form>
          </diary-provider>
        </div>`,
      );
      const form = page.querySelector('diary-child-form') as DiaryChildForm;
      await settle(form);
      const field = $(form, '#lastName') as HTMLInputElement;
      // One thin layer of the widget's own padding: the panel's 302 px less 8 px each side.
      expect(field.getBoundingClientRect().width).to.be.at.least(280);
      expect(document.documentElement.scrollWidth).to.be.at.most(360);
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('renders every field with its label in one shadow root, child data never autofilled', async () => {
    const { form } = await mount();
    for (const id of ['lastName', 'firstName', 'middleName', 'snils', 'rosterId', 'school']) {
      expect(root(form).querySelector(`label[for="${id}"]`), id).not.to.equal(null);
      expect($(form, `#${id}`)?.getAttribute('autocomplete'), id).to.equal('off');
    }
    for (const part of ['day', 'month', 'year']) {
      const box = $(form, `#birthDate-${part}`);
      expect(box?.getAttribute('inputmode')).to.equal('numeric');
      expect(box?.getAttribute('autocomplete')).to.equal('off');
    }
    const fieldset = root(form).querySelector('fieldset[role="group"]');
    expect(textOf(fieldset?.querySelector('legend'))).to.equal('Дата рождения');
    expect(textOf(root(form).getElementById('snils-hint'))).to.contain(SNILS_EXAMPLE);
    expect(isValidSnils(SNILS_EXAMPLE)).to.equal(true);
    await expect(form).to.be.accessible();
  });

  it('on an empty submit lists the required fields in page order and focuses the summary', async () => {
    const { form, client } = await mount();
    const errors = oneEvent(form, 'diary-errors');
    await submit(form);
    expect(summaryLinks(form)).to.deep.equal([
      'Введите фамилию',
      'Введите имя',
      'Введите дату рождения',
      'Выберите, мальчик это или девочка',
      'Выберите школу: начните вводить её номер или название и выберите её из списка',
      'Введите номер ученика в школе',
    ]);
    expect(textOf(root(form).querySelector('.diary-summary-title'))).to.equal('Есть ошибки');
    expect(root(form).activeElement).to.equal(root(form).querySelector('.diary-summary'));
    expect(fieldError(form, 'lastName')).to.equal('Введите фамилию');
    expect(fieldError(form, 'birthDate')).to.equal('Введите дату рождения');
    expect($(form, '#lastName')?.getAttribute('aria-describedby')).to.equal('lastName-error');
    const { detail } = await errors;
    expect(detail.titlePrefix).to.equal('Ошибка: ');
    expect(detail.errors.map((e: { field: string }) => e.field)).to.deep.equal([
      'lastName',
      'firstName',
      'birthDate',
      'sex',
      'school',
      'rosterId',
    ]);
    expect(client.calls.filter((c) => c.method !== 'schools.search')).to.have.length(0);
    await expect(form).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const { form } = await mount(fakeClient(), 'en');
    await submit(form);
    expect(summaryLinks(form).slice(0, 4)).to.deep.equal([
      'Enter the last name',
      'Enter the first name',
      'Enter the date of birth',
      'Select if the child is a boy or a girl',
    ]);
    expect(textOf(root(form).querySelector('.diary-summary-title'))).to.equal('There is a problem');
  });

  it('words every rule in English too', async () => {
    const { form } = await mount(fakeClient(), 'en');
    typeInto($(form, '#lastName'), 'Ivanova');
    typeInto($(form, '#firstName'), 'Анна1');
    typeInto($(form, '#birthDate-day'), '31');
    typeInto($(form, '#birthDate-month'), 'February');
    typeInto($(form, '#birthDate-year'), '2015');
    typeInto($(form, '#snils'), '123-456-789 65');
    await chooseSchool(form, 'Школа № 5');
    typeInto($(form, '#rosterId'), 'R1');
    await submit(form);
    expect(summaryLinks(form)).to.deep.equal([
      'Write the last name in Russian letters — check the keyboard layout',
      'Remove digits and symbols from the first name — use Russian letters, hyphens, spaces and apostrophes',
      'This date is not in the calendar — check the day and month of birth',
      'Select if the child is a boy or a girl',
      'The SNILS check number does not match — check the digits',
      'This school is not connected to the e-diary yet',
      "The student's number must be at least 4 characters",
    ]);
    expect(textOf(root(form).getElementById('lastName-error'))).to.equal(
      'Error: Write the last name in Russian letters — check the keyboard layout',
    );
  });

  it('checks names with the rules of core, the patronymic only when given', async () => {
    const { form } = await mount();
    const cases: [string, string][] = [
      ['Ivanova', 'Напишите фамилию русскими буквами — проверьте раскладку клавиатуры'],
      [
        'Иванова2',
        'Уберите из фамилии цифры и знаки — допустимы русские буквы, дефис, пробел и апостроф',
      ],
      [
        'Римская--Корсакова',
        'Напишите фамилию буквами; дефис, пробел или апостроф — только между частями, по одному',
      ],
      ['а'.repeat(61), 'Фамилия должна быть не длиннее 60 символов'],
    ];
    for (const [value, message] of cases) {
      typeInto($(form, '#lastName'), value);
      await submit(form);
      expect(fieldError(form, 'lastName'), value).to.equal(message);
    }
    expect(root(form).getElementById('middleName-error')).to.equal(null);
    typeInto($(form, '#middleName'), 'Petrovna');
    await submit(form);
    expect(fieldError(form, 'middleName')).to.equal(
      'Напишите отчество русскими буквами — проверьте раскладку клавиатуры',
    );
  });

  it('checks the date of birth: missing part, four-digit year, real date, not in the future', async () => {
    const { form } = await mount();
    const date = async (day: string, month: string, year: string) => {
      typeInto($(form, '#birthDate-day'), day);
      typeInto($(form, '#birthDate-month'), month);
      typeInto($(form, '#birthDate-year'), year);
      await submit(form);
      return fieldError(form, 'birthDate');
    };
    expect(await date('14', '', '2015')).to.equal('Дата рождения должна включать месяц');
    expect($(form, '#birthDate-month')?.getAttribute('aria-invalid')).to.equal('true');
    expect($(form, '#birthDate-day')?.hasAttribute('aria-invalid')).to.equal(false);
    expect(await date('14', '3', '15')).to.equal(
      'Год рождения должен состоять из 4 цифр, например 2015',
    );
    expect(await date('31', 'февраля', '2015')).to.equal(
      'Такой даты нет в календаре — проверьте день и месяц рождения',
    );
    expect($(form, '#birthDate-day')?.getAttribute('aria-invalid')).to.equal('true');
    expect(await date('1', 'декабря', '2026')).to.equal(
      'Дата рождения не может быть позже сегодняшнего дня',
    );
    expect(await date('14', 'мар', '2015')).to.equal('');
  });

  it('checks a SNILS with its control number, accepting spaces and hyphens', async () => {
    const { form } = await mount();
    typeInto($(form, '#snils'), '123-456-789');
    await submit(form);
    expect(fieldError(form, 'snils')).to.equal('Введите СНИЛС из 11 цифр');
    typeInto($(form, '#snils'), '123-456-789 65');
    await submit(form);
    expect(fieldError(form, 'snils')).to.equal(
      'Контрольное число СНИЛС не совпадает — проверьте цифры',
    );
    typeInto($(form, '#snils'), ' 123 456-789-64 ');
    await submit(form);
    expect(root(form).getElementById('snils-error')).to.equal(null);
  });

  it('requires the SNILS only when the chosen school does', async () => {
    const { form } = await mount();
    await submit(form);
    expect(root(form).getElementById('snils-error')).to.equal(null);
    await chooseSchool(form, 'Лицей');
    expect(textOf(root(form).getElementById('snils-hint'))).to.contain(
      'Выбранная школа требует СНИЛС.',
    );
    await submit(form);
    expect(fieldError(form, 'snils')).to.equal('Введите СНИЛС');
  });

  it('refuses a school that is not connected to the diary and checks the roster id', async () => {
    const { form } = await mount();
    await chooseSchool(form, 'Школа № 5');
    typeInto($(form, '#rosterId'), 'R1');
    await submit(form);
    expect(fieldError(form, 'school')).to.equal(
      'Эта школа ещё не подключена к электронному дневнику',
    );
    expect(fieldError(form, 'rosterId')).to.equal('Номер ученика должен быть не короче 4 символов');
    typeInto($(form, '#rosterId'), '5а-12');
    await submit(form);
    expect(fieldError(form, 'rosterId')).to.equal(
      'Номер ученика может содержать только латинские буквы, цифры и дефис',
    );
  });

  it('links each summary entry to its field', async () => {
    const { form } = await mount();
    await submit(form);
    const links = root(form).querySelectorAll<HTMLAnchorElement>('.diary-summary a');
    links[2]?.click();
    expect(root(form).activeElement).to.equal($(form, '#birthDate-day'));
    links[3]?.click();
    expect(root(form).activeElement).to.equal($(form, '#sex-male'));
    links[4]?.click();
    expect(root(form).activeElement).to.equal($(form, '#school'));
  });

  it('after a failed submit removes an error as soon as the field is fixed', async () => {
    const { form } = await mount();
    await submit(form);
    const cleared = oneEvent(form, 'diary-errors');
    typeInto($(form, '#lastName'), 'Смирнова');
    await settle(form);
    expect((await cleared).detail.errors.map((e: { field: string }) => e.field)).not.to.include(
      'lastName',
    );
    expect(root(form).getElementById('lastName-error')).to.equal(null);
    expect(summaryLinks(form)[0]).to.equal('Введите имя');
    $(form, '#sex-male')?.click();
    await settle(form);
    expect(summaryLinks(form)).not.to.include('Выберите, мальчик это или девочка');
  });

  it('takes one mouse click on the submit button with the school list open or a box just fixed', async () => {
    // Tall enough not to scroll: scroll anchoring would otherwise hide a shift above the button.
    await setViewport({ width: 800, height: 2000 });
    const { form, client } = await mount();
    const clickSubmit = async () => {
      const box = ($(form, 'button[type="submit"]') as HTMLElement).getBoundingClientRect();
      await sendMouse({
        type: 'click',
        position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
      });
      await settle(form);
    };
    $(form, '#school')?.focus();
    await sendKeys({ type: 'школа' });
    await waitUntil(() => $(form, '#school')?.getAttribute('aria-expanded') === 'true');
    await clickSubmit();
    expect(deepActiveElement()).to.equal(root(form).querySelector('.diary-summary'));

    typeInto($(form, '#firstName'), 'Анна');
    typeInto($(form, '#birthDate-day'), '14');
    typeInto($(form, '#birthDate-month'), '3');
    typeInto($(form, '#birthDate-year'), '2015');
    $(form, '#sex-female')?.click();
    typeInto($(form, '#snils'), '123 456 789-64');
    await chooseSchool(form, 'Школа № 42');
    typeInto($(form, '#rosterId'), 'r42-5a-99');
    $(form, '#lastName')?.focus();
    await sendKeys({ type: 'Смирнова' });
    await settle(form);
    await clickSubmit();
    await waitUntil(() => client.callsOf('children.create').length === 1, 'the click missed');
    await sendMouse({ type: 'move', position: [0, 0] });
    await setViewport({ width: 800, height: 600 });
  });

  it('explains an age outside the school window instead of showing a field error', async () => {
    const { form, client } = await mount();
    await fillValid(form);
    typeInto($(form, '#birthDate-year'), '2023');
    await submit(form);
    expect(root(form).querySelector('.diary-summary')).to.equal(null);
    expect(root(form).getElementById('birthDate-error')).to.equal(null);
    const notice = root(form).querySelector('[data-focus="age"]');
    expect(textOf(notice)).to.contain('Ребёнок младше школьного возраста');
    expect(textOf(notice)).to.contain('от 6 до 18 лет');
    expect(textOf(notice)).to.contain('Если дата указана с ошибкой, исправьте её.');
    expect(root(form).activeElement).to.equal(notice);
    expect(client.callsOf('children.create')).to.have.length(0);
    await expect(form).to.be.accessible();
  });

  it('offers schools as a keyboard-navigable listbox with a debounced search', async () => {
    const { form, client } = await mount();
    const box = $(form, '#school');
    expect(box?.getAttribute('role')).to.equal('combobox');
    typeInto(box, 'ш');
    await settle(form);
    expect(textOf(root(form).querySelector('[role="status"]'))).to.equal(
      'Введите хотя бы 2 символа, чтобы начать поиск.',
    );
    typeInto(box, 'шк');
    typeInto(box, 'школа');
    await settle(form);
    expect(client.callsOf('schools.search')).to.deep.equal([{ q: 'школа', page: 1, pageSize: 8 }]);
    expect(box?.getAttribute('aria-expanded')).to.equal('true');
    expect(textOf(root(form).querySelector('.diary-combobox__status'))).to.equal('Найдено 2 школы');
    box?.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await settle(form);
    expect(box?.getAttribute('aria-activedescendant')).to.equal('school-option-1');
    await expect(form).to.be.accessible();
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect(box?.value).to.equal('Школа № 5');
    expect(box?.getAttribute('aria-expanded')).to.equal('false');
    typeInto(box, 'гимназия');
    await settle(form);
    expect(textOf(root(form).querySelector('.diary-combobox__status'))).to.contain(
      'Школа не найдена',
    );
  });

  it('registers the child: code step with the data to check, then the application', async () => {
    const { form, client } = await mount();
    await fillValid(form);
    await submit(form);
    expect(client.callsOf('children.create')).to.deep.equal([
      {
        lastName: 'Смирнова',
        firstName: 'Анна',
        middleName: '',
        birthDate: '2015-03-14',
        sex: 'female',
        snils: '123-456-789 64',
      },
    ]);
    expect(form.step).to.equal('confirm');
    const details = textOf(root(form).querySelector('dl'));
    expect(details).to.contain('Смирнова Анна');
    expect(details).to.contain('14 марта 2015 г.');
    expect(details).to.contain('123-456-789 64');
    expect(details).to.contain('R42-5A-99');
    const code = $(form, '#code');
    expect(code?.getAttribute('autocomplete')).to.equal('one-time-code');
    expect(root(form).activeElement).to.equal(code);
    await expect(form).to.be.accessible();
    typeInto(code, '000000');
    await submit(form);
    expect(fieldError(form, 'code')).to.equal('Неверный код — проверьте SMS и введите код ещё раз');
    typeInto(code, '123-456');
    // The school already has the child on its roll: the application is active at once.
    const create = client.applications.create;
    client.applications.create = async (input) => ({ ...(await create(input)), status: 'active' });
    const registered = oneEvent(form, 'diary-child-registered');
    await submit(form);
    const { detail } = await registered;
    expect(detail.application.number).to.equal('ЭД-2026-000042');
    expect(client.callsOf('children.linkSchool')).to.deep.equal([
      { childId: 'chd_new', schoolCode: '770042', rosterId: 'R42-5A-99' },
    ]);
    expect(client.callsOf('applications.create')).to.deep.equal([
      { childId: 'chd_new', schoolYear: '2026/2027' },
    ]);
    expect(form.step).to.equal('done');
    expect(textOf(root(form).querySelector('[data-application-number]'))).to.equal(
      'ЭД-2026-000042',
    );
    // The result says what the server answered, not «submitted» for every application.
    expect(textOf(root(form).querySelector('[data-application-status]'))).to.equal(
      'дневник подключён',
    );
    const result = textOf(root(form).querySelector('[part~="result"]'));
    expect(result).to.contain('Дневник подключён');
    expect(result).not.to.contain('Школа проверит');
    await expect(form).to.be.accessible();
    // Another child, without a reload: the form again, empty.
    ($(form, '[part~="another"]') as HTMLButtonElement).click();
    await settle(form);
    expect(form.step).to.equal('form');
    expect(($(form, '#lastName') as HTMLInputElement).value).to.equal('');
    expect(root(form).activeElement).to.equal($(form, '#lastName'));
  });

  it('puts server field errors on the same fields and keeps what was typed', async () => {
    const client = fakeClient();
    client.children.linkSchool = async () => {
      throw apiError(400, 'roster_mismatch', {
        fields: [{ path: 'rosterId', code: 'format', message: 'x' }],
      });
    };
    const { form } = await mount(client);
    await fillValid(form);
    await submit(form);
    typeInto($(form, '#code'), '123456');
    await submit(form);
    expect(form.step).to.equal('form');
    expect(fieldError(form, 'rosterId')).to.equal(
      'В списках школы нет ученика с таким номером — проверьте номер у классного руководителя',
    );
    expect($(form, '#lastName')?.value).to.equal('Смирнова');
    expect($(form, '#school')?.value).to.equal('Школа № 42');
    client.children.linkSchool = fakeClient().children.linkSchool;
    typeInto($(form, '#rosterId'), 'R42-5A-98');
    await submit(form);
    expect(client.callsOf('children.create')).to.have.length(1);
    expect(form.step).to.equal('done');
  });

  it('keeps everything after a network error and retries', async () => {
    const client = fakeClient();
    const create = client.children.create;
    let offline = true;
    client.children.create = async (input) => {
      if (offline) throw networkError();
      return create(input);
    };
    const { form } = await mount(client);
    await fillValid(form);
    await submit(form);
    const alert = root(form).querySelector('[data-focus="failure"]');
    expect(textOf(alert)).to.contain('Нет связи с сервером дневника');
    expect(root(form).activeElement).to.equal(alert);
    expect($(form, '#birthDate-month')?.value).to.equal('марта');
    offline = false;
    alert?.querySelector('button')?.click();
    await settle(form);
    expect(form.step).to.equal('confirm');
  });

  it('joins a surrounding form with its values and validity, user-invalid only after a try', async () => {
    const client = fakeClient();
    const host = await fixture<HTMLFormElement>(
      html`<form>
        <diary-provider .client=${client}>
          <diary-child-form name="kid" search-delay="0" .now=${() => FAKE_NOW}></diary-child-form>
        </diary-provider>
      </form>`,
    );
    const form = host.querySelector('diary-child-form') as DiaryChildForm;
    await settle(form);
    expect(form.form).to.equal(host);
    expect(host.checkValidity()).to.equal(false);
    expect(form.validationMessage).to.equal('Введите фамилию');
    expect(form.matches(':state(user-invalid)')).to.equal(false);
    host.requestSubmit();
    await aTimeout(20);
    await settle(form);
    expect(form.matches(':state(user-invalid)')).to.equal(true);
    expect(summaryLinks(form)[0]).to.equal('Введите фамилию');
    expect(form.reportValidity()).to.equal(false);
    await fillValid(form);
    expect(host.checkValidity()).to.equal(true);
    const data = new FormData(host);
    expect(data.get('kid.lastName')).to.equal('Смирнова');
    expect(data.get('kid.birthDate')).to.equal('2015-03-14');
    expect(data.get('kid.schoolCode')).to.equal('770042');
    expect(form.matches(':state(user-invalid)')).to.equal(false);
  });

  it('never fires input or change for programmatic updates', async () => {
    const { form } = await mount();
    let events = 0;
    form.addEventListener('input', () => (events += 1));
    form.addEventListener('change', () => (events += 1));
    form.formStateRestoreCallback(JSON.stringify({ draft: { lastName: 'Петров' } }));
    form.formResetCallback();
    await settle(form);
    expect(events).to.equal(0);
  });

  it('restores a draft the browser kept', async () => {
    const { form } = await mount();
    form.formStateRestoreCallback(
      JSON.stringify({ draft: { lastName: 'Петров', day: '1' }, school: null }),
    );
    await settle(form);
    expect($(form, '#lastName')?.value).to.equal('Петров');
    expect($(form, '#birthDate-day')?.value).to.equal('1');
  });

  it('asks a signed-out visitor to sign in, and shows the form once they have', async () => {
    const client = fakeClient({ signedIn: false });
    const { form } = await mount(client);
    expect(textOf(root(form))).to.contain('Войдите в электронный дневник');
    expect($(form, '#lastName')).to.equal(null);
    client.signIn();
    await settle(form);
    expect($(form, '#lastName')).not.to.equal(null);
  });

  it('can be filled in and submitted with the keyboard alone', async () => {
    const { form } = await mount();
    $(form, '#lastName')?.focus();
    const typeAndTab = async (text: string) => {
      await sendKeys({ type: text });
      await sendKeys({ press: 'Tab' });
    };
    await typeAndTab('Смирнова');
    await typeAndTab('Анна');
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(form, '#birthDate-day'));
    await typeAndTab('14');
    await typeAndTab('3');
    await typeAndTab('2015');
    expect(deepActiveElement()).to.equal($(form, '#sex-male'));
    await sendKeys({ press: 'ArrowRight' });
    expect(deepActiveElement()).to.equal($(form, '#sex-female'));
    await sendKeys({ press: 'Tab' });
    await typeAndTab('');
    expect(deepActiveElement()).to.equal($(form, '#school'));
    await sendKeys({ type: 'Школа № 4' });
    await settle(form);
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Tab' });
    expect(deepActiveElement()).to.equal($(form, '#rosterId'));
    await sendKeys({ type: 'R42-5A-99' });
    await sendKeys({ press: 'Enter' });
    await settle(form);
    expect(form.step).to.equal('confirm');
    expect(deepActiveElement()).to.equal($(form, '#code'));
  });
});
