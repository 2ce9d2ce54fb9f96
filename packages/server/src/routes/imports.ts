import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import { MAX_IMPORT_BYTES, type ImportJob } from '@school-diary/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REPLY_SENT, type Handlers } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';
import { DomainError, fieldError, forbidden } from '../services/domain-error';
import { ImportJobs } from '../services/import/import-jobs';
import { runImport, type ImportFile } from '../services/import/run-import';
import { rosterOneRoster } from '../services/import/oneroster-export';
import { rosterCsv } from '../services/import/roster-export';
import { timetableCsv } from '../services/import/timetable-export';
import { contentDisposition } from '../services/file-name';
import { auditAs } from '../services/policy';

/** 403 unless the caller is an admin of this very school. */
function assertOwnSchool(user: AuthUser, schoolId: string): void {
  if (user.role !== 'school_admin') throw forbidden();
  // An administrator, but of another school: said as it is, not «no access».
  if (user.schoolId !== schoolId) throw new DomainError('other_school');
}

const tooLarge = (maxBytes: number): DomainError =>
  new DomainError('payload_too_large', {
    fields: [
      {
        path: 'file',
        code: 'file_too_large',
        params: { maximum: `${Math.round((maxBytes / 1024 / 1024) * 100) / 100} MB` },
      },
    ],
  });

/**
 * Streams the request's one `file` part to a temporary file (at most `maxBytes`; never whole in
 * memory), runs `work` on it, and removes it.
 */
async function withUpload<T>(
  request: FastifyRequest,
  maxBytes: number,
  work: (file: ImportFile) => Promise<T>,
): Promise<T> {
  if (!request.isMultipart())
    throw new DomainError('unsupported_media_type', {
      fields: [{ path: 'file', code: 'file_type' }],
    });
  const dir = await mkdtemp(join(tmpdir(), 'diary-import-'));
  try {
    let file: ImportFile;
    try {
      const part: MultipartFile | undefined = await request.file({
        limits: { fileSize: maxBytes },
      });
      if (!part || part.fieldname !== 'file') {
        part?.file.resume();
        throw fieldError('file', 'required');
      }
      file = { name: part.filename || 'import', path: join(dir, 'upload') };
      await pipeline(part.file, createWriteStream(file.path));
      if (part.file.truncated) throw tooLarge(maxBytes);
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE')
        throw tooLarge(maxBytes);
      throw fieldError('file', 'format');
    }
    return await work(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Aborted when the caller goes away before the answer is written (a closed tab, a cancel). */
function callerGone(reply: FastifyReply): AbortSignal {
  const controller = new AbortController();
  reply.raw.once('close', () => {
    if (!reply.raw.writableFinished) controller.abort();
  });
  return controller.signal;
}

/**
 * A school's roster in and out: the preview of an import (what it would create, change and leave
 * alone, errors by line and column), its apply (all in one transaction, or nothing), each
 * followed by a job id of the caller's choosing (progress, cancel), and the roster as the import
 * template, its timetable as the timetable template and everything as a OneRoster bundle.
 */
export function importsHandlers(s: Services): Handlers['imports'] {
  const jobs = new ImportJobs(s.clock);
  const maxBytes = s.config.importMaxBytes ?? MAX_IMPORT_BYTES;
  const start = (
    step: ImportJob['step'],
    schoolId: string,
    id: string | undefined,
    exchange: { request: FastifyRequest; reply: FastifyReply },
    run: (
      file: ImportFile,
      signal: AbortSignal,
      progress: Parameters<typeof runImport>[1]['progress'],
    ) => ReturnType<typeof runImport>,
  ) =>
    withUpload(exchange.request, maxBytes, (file) =>
      jobs.run({ schoolId, id, step, fileName: file.name }, callerGone(exchange.reply), (job) =>
        run(file, job.signal, job.progress),
      ),
    );
  return {
    async preview({ params, query, user, lang }, exchange) {
      assertOwnSchool(user, params.schoolId);
      return start('preview', params.schoolId, query.job, exchange, (file, signal, progress) =>
        runImport(s, {
          schoolId: params.schoolId,
          file,
          lang,
          apply: false,
          signal,
          ...(progress ? { progress } : {}),
        }),
      );
    },

    async apply({ params, query, user, lang, ip }, exchange) {
      assertOwnSchool(user, params.schoolId);
      return start('apply', params.schoolId, query.job, exchange, (file, signal, progress) =>
        runImport(s, {
          schoolId: params.schoolId,
          file,
          lang,
          apply: true,
          createdBy: user.id,
          signal,
          ...(progress ? { progress } : {}),
          audit: (trx, detail) =>
            auditAs(s, trx, { user, ip }, { action: 'import.apply', target: file.name, detail }),
        }),
      );
    },

    async status({ params, user }) {
      assertOwnSchool(user, params.schoolId);
      return jobs.status(params.schoolId, params.jobId);
    },

    async cancel({ params, user }) {
      assertOwnSchool(user, params.schoolId);
      return jobs.cancel(params.schoolId, params.jobId);
    },

    async exportRoster({ params, user }, { reply }) {
      assertOwnSchool(user, params.schoolId);
      reply.header('content-disposition', contentDisposition('roster.csv'));
      return rosterCsv(s.db, params.schoolId);
    },

    async exportTimetable({ params, user }, { reply }) {
      assertOwnSchool(user, params.schoolId);
      reply.header('content-disposition', contentDisposition('timetable.csv'));
      return timetableCsv(s.db, params.schoolId);
    },

    async exportOneRoster({ params, user }, { reply }): Promise<typeof REPLY_SENT> {
      assertOwnSchool(user, params.schoolId);
      const bytes = await rosterOneRoster(s.db, params.schoolId);
      reply
        .code(200)
        .header('content-type', 'application/zip')
        .header('content-length', String(bytes.length))
        .header('content-disposition', contentDisposition('oneroster.zip'))
        .header('cache-control', 'private');
      reply.send(Buffer.from(bytes));
      return REPLY_SENT;
    },
  };
}
