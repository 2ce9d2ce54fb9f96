import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportReport,
  type ImportRow,
} from '@school-diary/core';
import { html, nothing, type TemplateResult } from 'lit';
import { describedBy, renderError, renderHint } from '../shared/form-field';
import { renderHeading, subLevel } from '../shared/heading';
import { sharedText } from '../shared/localize';
import type { SetupForm } from './school-setup-form';
import type { Loaded } from './school-setup-load';

/** The records of one kind a preview lists by name; the unchanged ones are only counted. */
const LISTED = 50;

/** The school's files the admin can download, each with its file name. */
const EXPORTS = {
  exportRoster: 'roster.csv',
  exportTimetable: 'timetable.csv',
  exportOneRoster: 'oneroster.zip',
} as const;
type ExportKind = keyof typeof EXPORTS;

/** A CSV as Excel in the Russian locale opens it (UTF-8 with its byte order mark). */
const csvBlob = (text: string) =>
  new Blob([text.startsWith('\uFEFF') ? text : `\uFEFF${text}`], {
    type: 'text/csv;charset=utf-8',
  });

/**
 * The import of a roster file: the admin picks a file, sees what it would add, change and leave
 * alone by kind (classes, subjects, pupils, staff invited by SMS, teaching assignments) with every
 * error by file, line and column, and imports it when it has none. Below it, the school's roster,
 * timetable and OneRoster bundle download in the same templates.
 */
export class ImportSection {
  readonly #form: SetupForm;
  #file: File | undefined;
  #report: ImportReport | undefined;
  /** The last file downloaded, kept as a link to save it again. */
  #saved: { readonly name: string; readonly url: string } | undefined;

  constructor(form: SetupForm) {
    this.#form = form;
  }

  render(loaded: Loaded): TemplateResult {
    const form = this.#form;
    const report = this.#report;
    const ready = report && !report.applied && report.errors.length === 0;
    const changes = report ? report.counts.create + report.counts.update : 0;
    return form.section(
      'import',
      form.t('importTitle'),
      html`${this.#renderFile()}
      ${form.button('import', 'preview', form.t('importPreview'), () => void this.#run(loaded, 'preview'))}
      ${report ? this.#renderReport(report) : nothing}
      ${
        ready && changes > 0
          ? form.button(
              'import',
              'apply',
              form.t('importApply'),
              () => void this.#run(loaded, 'apply'),
            )
          : nothing
      }
      ${this.#renderExports(loaded)}`,
    );
  }

  #renderExports(loaded: Loaded): TemplateResult {
    const form = this.#form;
    const level = subLevel(subLevel(form.env.headingLevel()));
    const saved = this.#saved;
    return html`<div part="group" data-kind="export">
      ${renderHeading(level, form.t('exportTitle'))}
      <p>${form.t('exportHint')}</p>
      ${(Object.keys(EXPORTS) as ExportKind[]).map((kind) =>
        form.button(
          'import',
          `download ${kind}`,
          form.t(kind),
          () => void this.#save(loaded, kind),
        ),
      )}
      ${
        saved
          ? html`<p>
              <a part="link download" href=${saved.url} download=${saved.name}
                >${form.t('exportAgain', { file: saved.name })}</a
              >
            </p>`
          : nothing
      }
    </div>`;
  }

  /** Downloads one of the school's files through the client and hands it to the browser. */
  async #save(loaded: Loaded, kind: ExportKind): Promise<void> {
    const form = this.#form;
    const name = EXPORTS[kind];
    await form.run(
      'import',
      () => undefined,
      async (client) => {
        const input = { schoolId: loaded.schoolId };
        const blob =
          kind === 'exportOneRoster'
            ? await client.imports.exportOneRoster(input)
            : csvBlob(await client.imports[kind](input));
        if (this.#saved) URL.revokeObjectURL(this.#saved.url);
        this.#saved = { name, url: URL.createObjectURL(blob) };
        form.host.requestUpdate();
        await form.host.updateComplete;
        form.host.renderRoot.querySelector<HTMLAnchorElement>('a[download]')?.click();
        return form.t('exportReady', { file: name });
      },
      { reload: false },
    );
  }

  #renderFile(): TemplateResult {
    const form = this.#form;
    const error = form.error('import-file');
    const hint = form.t('importHint');
    return html`<div
      class="diary-field${error ? ' diary-field--error' : ''}"
      part="field field-import-file"
    >
      <label class="diary-label" part="label" for="import-file">${form.t('importFile')}</label>
      ${renderHint('import-file', hint)}
      ${renderError('import-file', error, sharedText(form.env.language(), 'errorPrefix'))}
      <input
        type="file"
        id="import-file"
        name="file"
        part="input"
        accept=".csv,.xlsx,.zip,text/csv"
        aria-invalid=${error ? 'true' : nothing}
        aria-describedby=${describedBy('import-file', hint, error) ?? nothing}
        @change=${(e: Event) => {
          this.#file = (e.target as HTMLInputElement).files?.[0];
          this.#report = undefined;
          form.host.requestUpdate();
        }}
      />
    </div>`;
  }

  #renderReport(report: ImportReport): TemplateResult {
    const form = this.#form;
    const level = subLevel(subLevel(form.env.headingLevel()));
    const { counts } = report;
    return html`<p part="notice">
        ${form.t('importSummary', { rows: report.rowsRead, ...counts })}
      </p>
      ${
        report.errors.length > 0
          ? html`<p part="error">${form.t('importErrors')}</p>
              <ul part="list">
                ${report.errors.map(
                  (e) =>
                    html`<li part="item error">
                      ${
                        e.row > 0
                          ? form.t('importAt', {
                              file: e.file,
                              row: e.row,
                              column: e.column,
                              message: e.message,
                            })
                          : form.t('importAtFile', { file: e.file, message: e.message })
                      }
                    </li>`,
                )}
              </ul>`
          : nothing
      }
      ${IMPORT_KINDS.map((kind) => {
        const rows = report.rows.filter((r) => r.kind === kind);
        return rows.length === 0 ? nothing : this.#renderKind(kind, rows, level);
      })}`;
  }

  #renderKind(kind: ImportKind, rows: readonly ImportRow[], level: string): TemplateResult {
    const form = this.#form;
    const count = (action: ImportRow['action']) => rows.filter((r) => r.action === action).length;
    const listed = rows.filter((r) => r.action !== 'unchanged');
    const name = form.t(`kind_${kind}`);
    return html`<div part="group" data-kind=${kind}>
      ${renderHeading(level, name)}
      <p>
        ${form.t('importKind', {
          kind: name,
          create: count('create'),
          update: count('update'),
          unchanged: count('unchanged'),
        })}
      </p>
      ${
        listed.length > 0
          ? html`<ul part="list">
              ${listed.slice(0, LISTED).map(
                (r) =>
                  html`<li part="item">
                    <span>${r.label}</span>
                    <span>${this.#action(r)}</span>
                  </li>`,
              )}
              ${
                listed.length > LISTED
                  ? html`<li part="item">
                      ${form.t('importMore', { count: listed.length - LISTED })}
                    </li>`
                  : nothing
              }
            </ul>`
          : nothing
      }
    </div>`;
  }

  #action(row: ImportRow): string {
    const form = this.#form;
    switch (row.action) {
      case 'create':
        return form.t('action_create');
      case 'update':
        return form.t('action_update', { changes: (row.changes ?? []).join(', ') });
      case 'error':
        return form.t('action_error');
      case 'unchanged':
        return '';
    }
  }

  async #run(loaded: Loaded, step: 'preview' | 'apply'): Promise<void> {
    const form = this.#form;
    const file = this.#file;
    if (!file) return form.fail('import-file', form.t('importNoFile'));
    await form.run(
      'import',
      (path) => (path === 'file' || path === '' ? 'import-file' : undefined),
      async (client) => {
        const input = { schoolId: loaded.schoolId, file, fileName: file.name };
        const report = await (step === 'apply'
          ? client.imports.apply(input)
          : client.imports.preview(input));
        this.#report = report;
        if (!report.applied) return '';
        const invited = report.rows.filter(
          (r) => r.kind === 'staff' && r.action === 'create',
        ).length;
        return invited > 0 ? form.t('importInvited', { count: invited }) : form.t('importApplied');
      },
      { reload: step === 'apply' },
    );
  }
}
