import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { Handlers } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';
import { DomainError, fieldError, forbidden } from '../services/domain-error';
import { runImport, type ImportFile } from '../services/import/run-import';
import { rosterCsv } from '../services/import/roster-export';
import { auditAs } from '../services/policy';

/** 403 unless the caller is an admin of this very school. */
function assertOwnSchool(user: AuthUser, schoolId: string): void {
  if (user.role !== 'school_admin' || user.schoolId !== schoolId) throw forbidden();
}

/** The one `file` part of the request, read whole (within the upload limit). */
async function uploadedFile(request: FastifyRequest): Promise<ImportFile> {
  if (!request.isMultipart())
    throw new DomainError('unsupported_media_type', {
      fields: [{ path: 'file', code: 'file_type' }],
    });
  let part: MultipartFile | undefined;
  try {
    part = await request.file();
    if (!part || part.fieldname !== 'file') {
      part?.file.resume();
      throw fieldError('file', 'required');
    }
    const bytes = await part.toBuffer();
    if (part.file.truncated) throw fieldError('file', 'file_too_large');
    return { name: part.filename || 'import', bytes };
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE')
      throw new DomainError('payload_too_large', {
        fields: [{ path: 'file', code: 'file_too_large' }],
      });
    throw fieldError('file', 'format');
  }
}

/**
 * A school's roster in and out: the preview of an import (what it would create, change and leave
 * alone, errors by line and column), its apply (all in one transaction, or nothing), and the
 * roster as the import template.
 */
export function importsHandlers(s: Services): Handlers['imports'] {
  return {
    async preview({ params, user, lang }, { request }) {
      assertOwnSchool(user, params.schoolId);
      const file = await uploadedFile(request);
      return runImport(s, { schoolId: params.schoolId, file, lang, apply: false });
    },

    async apply({ params, user, lang, ip }, { request }) {
      assertOwnSchool(user, params.schoolId);
      const file = await uploadedFile(request);
      return runImport(s, {
        schoolId: params.schoolId,
        file,
        lang,
        apply: true,
        audit: (trx, detail) =>
          auditAs(s, trx, { user, ip }, { action: 'import.apply', target: file.name, detail }),
      });
    },

    async exportRoster({ params, user }) {
      assertOwnSchool(user, params.schoolId);
      return rosterCsv(s.db, params.schoolId);
    },
  };
}
