import type { MultipartFile } from '@fastify/multipart';
import { MAX_ATTACHMENT_BYTES } from '@school-diary/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, fieldError, notFound } from '../services/domain-error';
import { REPLY_SENT, type Handlers } from '../http/register-routes';
import { attachmentView, mayDownload, type AttachmentRow } from '../services/attachments';
import type { AuthUser, Services } from '../services/context';
import { contentDisposition, sanitizeFileName } from '../services/file-name';
import { openStoredFile, removeStoredFile, storeFile } from '../services/file-store';
import { allowedType, contentMatches } from '../services/file-type';
import { auditAs } from '../services/policy';

const wrongType = (): DomainError =>
  new DomainError('unsupported_media_type', { fields: [{ path: 'file', code: 'file_type' }] });

const tooLarge = (): DomainError =>
  new DomainError('payload_too_large', {
    fields: [
      {
        path: 'file',
        code: 'file_too_large',
        params: { maximum: `${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB` },
      },
    ],
  });

/** The one `file` part of a multipart request. */
async function filePart(request: FastifyRequest): Promise<MultipartFile> {
  if (!request.isMultipart()) throw wrongType();
  const part = await request.file();
  if (!part || part.fieldname !== 'file') {
    part?.file.resume();
    throw fieldError('file', 'required');
  }
  return part;
}

/** The part's bytes, within the size limit. */
async function readPart(part: MultipartFile): Promise<Buffer> {
  try {
    const bytes = await part.toBuffer();
    // The library misses a cut made on the last chunk; busboy's flag does not.
    if (part.file.truncated) throw tooLarge();
    return bytes;
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') {
      throw tooLarge();
    }
    throw error;
  }
}

async function saveUpload(
  s: Services,
  caller: { user: AuthUser; ip: string },
  file: { name: string; contentType: string; bytes: Buffer },
): Promise<AttachmentRow> {
  const stored = await storeFile(s, file.bytes);
  const row: AttachmentRow = {
    id: s.ids('att'),
    owner_id: caller.user.id,
    name: file.name,
    size: file.bytes.length,
    content_type: file.contentType,
    sha256: stored.sha256,
    storage_path: stored.storagePath,
    created_at: s.clock.now().toISOString(),
    attached_to: null,
  };
  try {
    await s.db.transaction().execute(async (trx) => {
      await trx.insertInto('attachments').values(row).execute();
      const detail = `${row.content_type}, ${row.size} B`;
      await auditAs(s, trx, caller, { action: 'attachments.upload', target: row.id, detail });
    });
  } catch (error) {
    await removeStoredFile(s, stored.storagePath);
    throw error;
  }
  return row;
}

/** Uploads (type allow-list checked by declaration and content) and access-checked downloads. */
export function attachmentsHandlers(s: Services): Handlers['attachments'] {
  return {
    async upload({ user, ip }, { request }) {
      const part = await filePart(request);
      const type = allowedType(part.mimetype);
      if (!type) {
        part.file.resume();
        throw wrongType();
      }
      const bytes = await readPart(part);
      if (bytes.length === 0) throw fieldError('file', 'required');
      if (!contentMatches(type, bytes)) throw wrongType();
      const name = sanitizeFileName(part.filename);
      const row = await saveUpload(s, { user, ip }, { name, contentType: type, bytes });
      return attachmentView(row);
    },

    async download({ params, user }, { reply }): Promise<typeof REPLY_SENT> {
      const row = await s.db
        .selectFrom('attachments')
        .selectAll()
        .where('id', '=', params.attachmentId)
        .executeTakeFirst();
      if (!row || !(await mayDownload(s, user, row))) throw notFound();
      const stream = await openStoredFile(s, row.storage_path);
      if (!stream) {
        reply.log.error({ attachment: row.id }, 'attachment file missing from storage');
        throw notFound();
      }
      const type =
        row.content_type === 'text/plain' ? 'text/plain; charset=utf-8' : row.content_type;
      reply
        .code(200)
        .header('content-type', type)
        .header('content-length', String(row.size))
        .header('content-disposition', contentDisposition(row.name))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private');
      reply.send(stream);
      return REPLY_SENT;
    },
  };
}
