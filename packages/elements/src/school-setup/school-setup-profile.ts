import { html, type TemplateResult } from 'lit';
import type { SetupForm } from './school-setup-form';
import type { Loaded } from './school-setup-load';

/**
 * The school itself: its name and code (what parents find it by), and whether its diary is open
 * to parents — a school made from the command line starts closed, so nobody links a child before
 * the admin has put the pupils in.
 */
export function renderProfile(form: SetupForm, loaded: Loaded): TemplateResult {
  const { school } = loaded;
  const open = school.diaryConnected;
  return form.section(
    'profile',
    form.t('profile'),
    html`<p>${form.t('profileLine', { name: school.name, code: school.code })}</p>
      <p>${form.t(open ? 'diaryOpen' : 'diaryClosed')}</p>
      ${form.button(
        'profile',
        open ? 'close-diary' : 'open-diary',
        form.t(open ? 'closeDiary' : 'openDiary'),
        () => void setDiaryOpen(form, loaded, !open),
      )}`,
  );
}

async function setDiaryOpen(form: SetupForm, loaded: Loaded, open: boolean) {
  await form.run(
    'profile',
    () => undefined,
    async (client) => {
      await client.setup.updateProfile({ schoolId: loaded.schoolId, diaryConnected: open });
      return form.t(open ? 'diaryOpened' : 'diaryClosedDone');
    },
  );
}
