/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { createDiaryClient, type DiaryClient } from '@school-diary/sdk';
import { createMemoryClient, MEMORY_CODE } from '@school-diary/sdk/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../define';
import type { DiaryProvider } from '../provider/diary-provider';
import { diaryServerUrl, latestCode } from '../test-support/diary-server';
import { deepActiveElement, settle, textOf } from '../test-support/dom';
import type { DiaryApplication } from './diary-application';

// Петрова (parent of Александр, 7В at Лицей № 17, application ЭД-2026-000003 being checked)
// and the lyceum's admin, from the demo world.
const PARENT = '+79990000002';
const ADMIN = '+79990000020';
const ALEXANDER = 'chd_alexander';

async function signIn(client: Pick<DiaryClient, 'auth'>, url: string, phone: string) {
  const challenge = await client.auth.login({ phone, password: 'school-diary-demo' });
  const code = await latestCode(url, phone);
  await client.auth.verify({ challengeId: challenge.challengeId, code });
}

const $ = (el: DiaryApplication, selector: string) =>
  el.shadowRoot?.querySelector<HTMLElement>(selector) ?? null;
/** Each step of the newest application: `status:state`. */
const steps = (el: DiaryApplication) =>
  [...($(el, '[part~="application"]')?.querySelectorAll<HTMLElement>('[part~="step"]') ?? [])].map(
    (li) => `${li.dataset.status}:${li.dataset.state}`,
  );

describe('<diary-application>', function () {
  this.timeout(60_000);
  let url: string;
  let provider: DiaryProvider;
  let widget: DiaryApplication;
  let admin: DiaryClient;

  before(async () => {
    url = await diaryServerUrl();
    admin = createDiaryClient({ baseUrl: url });
    await signIn(admin, url, ADMIN);
  });
  after(() => admin.close());

  /** The signed-in parent's page; the live stream open, so the school's moves reach it. */
  async function mountParent(lang = 'ru', theme = 'light') {
    provider = await fixture<DiaryProvider>(
      html`<diary-provider base-url=${url} lang=${lang} theme=${theme} session="memory">
        <diary-application child-id=${ALEXANDER}></diary-application>
      </diary-provider>`,
    );
    widget = provider.querySelector('diary-application') as DiaryApplication;
    const client = provider.activeClient as DiaryClient;
    await signIn(client, url, PARENT);
    await waitUntil(() => $(widget, '[part~="application"]'), 'no application shown', {
      timeout: 20_000,
    });
    await waitUntil(() => client.events.status === 'open', 'the live stream did not open');
    await settle(widget);
  }

  const newest = async () => {
    const { items } = await admin.applications.list({ childId: ALEXANDER });
    return items[0] as (typeof items)[number];
  };

  it('asks to sign in, and says so outside a provider', async () => {
    const alone = await fixture<DiaryApplication>(
      html`<diary-application child-id=${ALEXANDER}></diary-application>`,
    );
    await settle(alone);
    expect(textOf($(alone, '[role="alert"]'))).to.contain('<diary-provider');
    const signedOut = await fixture<DiaryProvider>(
      html`<diary-provider .client=${createMemoryClient({ signedInAs: null })}>
        <diary-application child-id=${ALEXANDER}></diary-application>
      </diary-provider>`,
    );
    const inside = signedOut.querySelector('diary-application') as DiaryApplication;
    await settle(inside);
    expect(textOf(inside.shadowRoot)).to.contain('Войдите в электронный дневник');
    await expect(inside).to.be.accessible();
  });

  it('shows the number and the timeline; moves live when the school approves; activates', async () => {
    await mountParent();
    expect(textOf($(widget, '[part~="application"] h3'))).to.equal('Заявление ЭД-2026-000003');
    expect(steps(widget)).to.deep.equal([
      'submitted:done',
      'checking:current',
      'ready:next',
      'active:next',
    ]);
    const current = $(widget, '[aria-current="step"]');
    expect(textOf(current)).to.match(/^● На проверке в школе , текущий шаг \d+ \S+ 20\d\d/);
    expect($(widget, '[data-status="submitted"] time')?.getAttribute('datetime')).to.match(
      /^20\d\d-/,
    );
    expect(textOf($(widget, '[data-status="ready"]'))).to.contain('ожидается');
    expect($(widget, '[part~="apply"]'), 'no new application while one is checked').to.equal(null);
    await expect(widget).to.be.accessible();

    const moved = oneEvent(widget, 'diary-application-change');
    await admin.applications.setStatus({ applicationId: (await newest()).id, status: 'ready' });
    expect((await moved).detail.application.status).to.equal('ready');
    await settle(widget);
    expect(steps(widget)).to.deep.equal([
      'submitted:done',
      'checking:done',
      'ready:current',
      'active:next',
    ]);
    expect(textOf($(widget, '[part="live"]'))).to.equal(
      'Заявление ЭД-2026-000003: Одобрено — можно подключить дневник',
    );
    await expect(widget).to.be.accessible();

    // Keyboard: the activation button is reached by Tab and pressed with Enter.
    const button = $(widget, '[part~="activate"]') as HTMLButtonElement;
    button.focus();
    expect(deepActiveElement()).to.equal(button);
    const activated = oneEvent(widget, 'diary-application-change');
    await sendKeys({ press: 'Enter' });
    expect((await activated).detail.application.status).to.equal('active');
    await settle(widget);
    expect(steps(widget).every((s) => s.endsWith(':done'))).to.equal(true);
    expect(textOf($(widget, '[data-status-text]'))).to.equal('Дневник подключён');
    expect($(widget, '[part~="apply"]'), 'a new year can be applied for').not.to.equal(null);
  });

  it('applies for the next year; a rejection shows the reason and what to do, in English, dark, at 360 px', async () => {
    await setViewport({ width: 360, height: 800 });
    await mountParent('en', 'dark');
    const select = $(widget, 'select[name="schoolYear"]') as HTMLSelectElement;
    const years = [...select.options].map((o) => o.value);
    expect(years).to.have.length(2);
    select.value = years[1] as string;
    const submitted = oneEvent(widget, 'diary-application-change');
    ($(widget, '[part~="apply"] button') as HTMLButtonElement).click();
    const created = (await submitted).detail.application;
    expect(created.schoolYear).to.equal(years[1]);
    await settle(widget);
    expect(steps(widget)[0]).to.equal('submitted:current');

    const rejected = oneEvent(widget, 'diary-application-change');
    await admin.applications.setStatus({
      applicationId: created.id,
      status: 'rejected',
      reason: 'Нет СНИЛС ребёнка',
    });
    expect((await rejected).detail.application.status).to.equal('rejected');
    await settle(widget);
    expect(steps(widget)).to.deep.equal(['submitted:done', 'rejected:current']);
    expect(textOf($(widget, '[part="reason"]'))).to.equal('Reason: Нет СНИЛС ребёнка');
    expect(textOf($(widget, '[part="what-to-do"]'))).to.match(/^What to do: .* apply again/);
    expect(textOf($(widget, 'details summary'))).to.equal('Earlier applications');
    expect(widget.scrollWidth).to.be.at.most(widget.clientWidth);
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
    await expect(widget).to.be.accessible();
    await setViewport({ width: 800, height: 600 });
  });

  it('shows the server’s field error under the school year when the device clock is wrong', async () => {
    // The device thinks it is 2031: it offers 2030/2031, which the server (in 2026) refuses.
    const client = createMemoryClient();
    const page = await fixture<DiaryProvider>(
      html`<diary-provider .client=${client}>
        <diary-application
          child-id="chd_maria"
          .now=${() => new Date('2031-01-15T09:00:00Z')}
        ></diary-application>
      </diary-provider>`,
    );
    const el = page.querySelector('diary-application') as DiaryApplication;
    await waitUntil(() => $(el, '[part~="apply"]'), 'no apply form');
    ($(el, '[part~="apply"] button') as HTMLButtonElement).click();
    await waitUntil(() => $(el, '#apply-error'), 'no field error');
    expect(textOf($(el, '#apply-error'))).to.equal(
      'Ошибка: Заявление принимается только на текущий (2026/2027) или следующий (2027/2028) учебный год',
    );
    const select = $(el, '#apply-year') as HTMLSelectElement;
    expect(select.getAttribute('aria-invalid')).to.equal('true');
    expect(deepActiveElement()).to.equal(select);
    await expect(el).to.be.accessible();
  });

  for (const [lang, words] of [
    ['ru', { status: 'Отозвано', reason: 'Причина: родитель отвязал ребёнка от школы' }],
    ['en', { status: 'Withdrawn', reason: 'Reason: parent unlinked the child' }],
  ] as const)
    it(`shows the withdrawn step with its date and reason when the parent unlinks the child (${lang})`, async () => {
      const client = createMemoryClient();
      await client.applications.create({ childId: 'chd_maria', schoolYear: '2026/2027' });
      const page = await fixture<DiaryProvider>(
        html`<diary-provider .client=${client} lang=${lang}>
          <diary-application child-id="chd_maria"></diary-application>
        </diary-provider>`,
      );
      const el = page.querySelector('diary-application') as DiaryApplication;
      await waitUntil(() => $(el, '[part~="application"]'), 'no application shown');
      expect(steps(el)[0]).to.equal('submitted:current');

      const changed = oneEvent(el, 'diary-application-change');
      const unlink = { childId: 'chd_maria', kind: 'unlink', linkId: 'scl_mem_maria' } as const;
      const sms = await client.children.startSchoolChange(unlink);
      await client.children.confirmSchoolChange({
        childId: 'chd_maria',
        challengeId: sms.challengeId,
        code: MEMORY_CODE,
      });
      const withdrawn = (await changed).detail.application;
      await settle(el);
      expect(steps(el)).to.deep.equal(['submitted:done', 'withdrawn:current']);
      expect(textOf($(el, '[data-status-text]'))).to.equal(words.status);
      const step = $(el, '[part~="step"][data-status="withdrawn"]');
      expect(step?.getAttribute('aria-current')).to.equal('step');
      expect(step?.querySelector('time')?.getAttribute('datetime')).to.equal(
        withdrawn.history.at(-1)?.at,
      );
      expect(textOf($(el, '[part="reason"]'))).to.equal(words.reason);
      expect(textOf($(el, '[part="what-to-do"]'))).to.contain(
        lang === 'ru' ? 'привяжите ребёнка к школе' : 'link the child to a school',
      );
      expect($(el, '[part~="activate"]')).to.equal(null);
      expect(
        $(el, '[part~="apply"]'),
        'a withdrawn application leaves room for a new one',
      ).not.to.equal(null);
      await expect(el).to.be.accessible();
    });
});
