import type { Application, ApplicationStatus } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import type { SetupForm } from './school-setup-form';
import type { Loaded } from './school-setup-load';

/** The statuses the school still has to act on, or the parent (ready: they connect the diary). */
const OPEN: readonly ApplicationStatus[] = ['submitted', 'checking', 'ready'];

/** Who an application is for: the pupil on the roster with the number the parent linked with. */
function pupilOf(form: SetupForm, loaded: Loaded, application: Application): string {
  const entry = loaded.roster.find((r) => r.rosterId === application.rosterId);
  if (!entry) return form.t('unknownPupil');
  const cls = loaded.classes.find((c) => c.id === entry.classId)?.name ?? '';
  return `${entry.lastName} ${entry.firstName}, ${cls}`;
}

/**
 * The school's queue of diary applications: each with its pupil, taken to checking, approved
 * (the parent then connects the diary), or rejected with a reason the parent is told.
 */
export function renderApplications(form: SetupForm, loaded: Loaded): TemplateResult {
  const open = loaded.applications.filter((a) => OPEN.includes(a.status));
  return form.section(
    'applications',
    form.t('applications'),
    open.length === 0
      ? html`<p>${form.t('noApplications')}</p>`
      : html`<ul part="list">
          ${open.map((a) => renderApplication(form, loaded, a))}
        </ul>`,
  );
}

function renderApplication(form: SetupForm, loaded: Loaded, a: Application) {
  const line = form.t('applicationLine', {
    number: a.number,
    pupil: pupilOf(form, loaded, a),
    year: a.schoolYear,
    status: form.t(`status_${a.status as 'submitted' | 'checking' | 'ready'}`),
  });
  const rejecting = form.value('editing') === `applications:${a.id}`;
  const labelled = (key: 'check' | 'approve' | 'reject') =>
    form.t(`${key}Label`, { number: a.number });
  return html`<li part="item" data-application=${a.number}>
    <span>${line}</span>
    ${
      rejecting
        ? html`${form.field('reject-reason', form.t('rejectReason'), { hint: form.t('rejectHint') })}
          ${form.button('applications', 'reject', form.t('reject'), () => void move(form, a, 'rejected'))}
          ${form.button('applications', 'cancel', form.t('cancel'), () => form.set({ editing: '' }))}`
        : html`<span class="diary-actions">
            ${
              a.status === 'submitted'
                ? form.button(
                    'applications',
                    'check',
                    form.t('check'),
                    () => void move(form, a, 'checking'),
                    labelled('check'),
                  )
                : nothing
            }
            ${
              a.status === 'checking'
                ? form.button(
                    'applications',
                    'approve',
                    form.t('approve'),
                    () => void move(form, a, 'ready'),
                    labelled('approve'),
                  )
                : nothing
            }
            ${
              a.status === 'ready'
                ? nothing
                : form.button(
                    'applications',
                    'remove',
                    form.t('reject'),
                    () => {
                      form.set({ editing: `applications:${a.id}`, 'reject-reason': '' });
                      void form.focus('reject-reason');
                    },
                    labelled('reject'),
                  )
            }
          </span>`
    }
  </li>`;
}

async function move(form: SetupForm, a: Application, status: 'checking' | 'ready' | 'rejected') {
  const reason = status === 'rejected' ? form.value('reject-reason').trim() : '';
  if (status === 'rejected' && !reason) {
    await form.fail('reject-reason', form.t('rejectHint'));
    return;
  }
  await form.run(
    'applications',
    (path) => (path === 'reason' ? 'reject-reason' : undefined),
    async (client) => {
      await client.applications.setStatus({
        applicationId: a.id,
        status,
        ...(reason ? { reason } : {}),
      });
      form.set({ editing: '' });
      return form.t(`moved_${status}`, { number: a.number });
    },
  );
}
