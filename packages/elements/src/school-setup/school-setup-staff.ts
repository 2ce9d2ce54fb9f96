import { html, type TemplateResult } from 'lit';
import { byLastSegment, type SetupForm } from './school-setup-form';
import type { Loaded } from './school-setup-load';

const staffField = byLastSegment({
  phone: 'staff-phone',
  lastName: 'staff-last',
  firstName: 'staff-first',
});

/** The school's staff, and a form that invites a teacher or an admin by SMS. */
export function renderStaff(form: SetupForm, loaded: Loaded): TemplateResult {
  return form.section(
    'staff',
    form.t('staff'),
    html`<ul part="list">
        ${loaded.staff.map(
          (m) =>
            html`<li part="item">
              ${[m.lastName, m.firstName, m.middleName].filter(Boolean).join(' ')} —
              ${form.t(m.role === 'school_admin' ? 'school_admin' : 'teacher')}, ${m.phone}
            </li>`,
        )}
      </ul>
      ${form.field('staff-phone', form.t('phone'), { hint: form.t('phoneHint') })}
      ${form.field('staff-last', form.t('lastName'))}
      ${form.field('staff-first', form.t('firstName'))}
      ${form.select(
        'staff-role',
        form.t('role'),
        [
          { value: 'teacher', label: form.t('teacher') },
          { value: 'school_admin', label: form.t('school_admin') },
        ],
        'teacher',
      )}
      ${form.button('staff', 'invite', form.t('invite'), () => void invite(form, loaded))}`,
  );
}

async function invite(form: SetupForm, loaded: Loaded) {
  await form.run('staff', staffField, async (client) => {
    const role = form.value('staff-role') === 'school_admin' ? 'school_admin' : 'teacher';
    const invitation = await client.setup.inviteStaff({
      schoolId: loaded.schoolId,
      phone: form.value('staff-phone'),
      lastName: form.value('staff-last'),
      firstName: form.value('staff-first'),
      role,
    });
    form.clear('staff-phone', 'staff-last', 'staff-first');
    return form.t('invited', { sentTo: invitation.sentTo });
  });
}
