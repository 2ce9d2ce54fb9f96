import type { ImportReport } from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { SchoolImportClient } from '../shared/diary-data-client';
import { describedBy, renderError, renderHint } from '../shared/form-field';
import { sharedText } from '../shared/localize';
import type { SetupForm } from './school-setup-form';
import type { SchoolSetupKey } from './school-setup-text';

/** Rows of a report shown in its table; the rest are counted. */
const SHOWN_ROWS = 200;
const FILE = 'import-file';

/**
 * The import section of `<diary-school-setup>`: a roster or timetable file checked first (the
 * server's preview: what it would add, change or leave alone, and each error by line and column),
 * then written in one go when it has no error.
 */
export class ImportSection {
  readonly #form: SetupForm;
  readonly #client: () => SchoolImportClient | undefined;
  #file: File | undefined;
  #report: ImportReport | undefined;

  constructor(form: SetupForm, client: () => SchoolImportClient | undefined) {
    this.#form = form;
    this.#client = client;
  }

  render(schoolId: string): TemplateResult | typeof nothing {
    if (!this.#client()) return nothing;
    const form = this.#form;
    const report = this.#report;
    const ready = report && !report.applied && report.errors.length === 0;
    return form.section(
      'import',
      form.t('import'),
      html`${this.#renderFileField()}
      ${form.button('import', 'preview', form.t('importPreview'), () => void this.#send(schoolId, 'preview'))}
      ${ready ? form.button('import', 'apply', form.t('importApply'), () => void this.#send(schoolId, 'apply')) : nothing}
      ${report ? this.#renderReport(report) : nothing}`,
    );
  }

  #renderFileField(): TemplateResult {
    const form = this.#form;
    const error = form.error(FILE);
    const hint = form.t('importHint');
    return html`<div
      class="diary-field${error ? ' diary-field--error' : ''}"
      part="field field-${FILE}"
    >
      <label class="diary-label" part="label" for=${FILE}>${form.t('importFile')}</label>
      ${renderHint(FILE, hint)}
      ${renderError(FILE, error, sharedText(form.env.language(), 'errorPrefix'))}
      <input
        id=${FILE}
        type="file"
        part="input"
        accept=".csv,.xlsx,.zip,text/csv"
        aria-describedby=${ifDefined(describedBy(FILE, hint, error))}
        aria-invalid=${error ? 'true' : nothing}
        @change=${(e: Event) => {
          this.#file = (e.target as HTMLInputElement).files?.[0];
          this.#report = undefined;
          form.host.requestUpdate();
        }}
      />
    </div>`;
  }

  async #send(schoolId: string, step: 'preview' | 'apply'): Promise<void> {
    const client = this.#client();
    const file = this.#file;
    const form = this.#form;
    await form.run(
      'import',
      (path) => (path === 'file' ? FILE : undefined),
      async () => {
        if (!client || !file) return form.t('importChoose');
        const report = await client.imports[step]({ schoolId, file, fileName: file.name });
        this.#report = report;
        if (report.applied) return form.t('importApplied');
        return report.errors.length > 0 ? form.t('importHasErrors') : '';
      },
      // Only a written import changes what the other sections show.
      { reload: step === 'apply' },
    );
    if (!file) await form.focus(FILE);
  }

  #renderReport(report: ImportReport): TemplateResult {
    const form = this.#form;
    const kind = report.format.startsWith('timetable')
      ? 'timetable'
      : report.format === 'oneroster'
        ? 'oneroster'
        : 'roster';
    const shown = report.rows.slice(0, SHOWN_ROWS);
    return html`<p part="notice">
        ${form.t('importCounts', {
          kind: form.t(`importKind_${kind}`),
          rows: report.rowsRead,
          ...report.counts,
        })}
      </p>
      ${
        report.errors.length > 0
          ? html`<ul part="list">
              ${report.errors.map(
                (e) =>
                  html`<li part="item error">
                    ${form.t('importErrorAt', { row: e.row, column: e.column, message: e.message })}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
      <div class="diary-scroll" part="grid">
        <table>
          <caption>
            ${form.t('importRows')}
          </caption>
          <thead>
            <tr>
              <th scope="col">${form.t('importRow')}</th>
              <th scope="col">${form.t('importRecord')}</th>
              <th scope="col">${form.t('importAction')}</th>
            </tr>
          </thead>
          <tbody>
            ${shown.map(
              (r) =>
                html`<tr>
                  <td>${r.row}</td>
                  <td>${r.label}</td>
                  <td>${form.t(`action_${r.action}` as SchoolSetupKey)}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
      ${
        report.rows.length > shown.length
          ? html`<p part="notice">
              ${form.t('importMore', { count: report.rows.length - shown.length })}
            </p>`
          : nothing
      }`;
  }
}
