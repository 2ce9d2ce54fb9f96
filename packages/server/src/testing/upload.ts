import type { Attachment, ErrorResponse } from '@school-diary/core';
import type { TestServer } from './harness';

/** The answer to an upload: the attachment, or the error. */
export interface UploadResponse {
  readonly status: number;
  readonly body: Attachment & ErrorResponse;
  readonly text: string;
}

/**
 * Uploads bytes as a real `multipart/form-data` request (FormData and Blob through fetch), as a
 * browser would.
 *
 * @example
 * const res = await uploadFile(server, token, { data: Buffer.from('%PDF-1.7'), type: 'application/pdf', name: 'Справка.pdf' });
 */
export async function uploadFile(
  server: TestServer,
  token: string | undefined,
  file: { data: Uint8Array; type: string; name: string },
): Promise<UploadResponse> {
  const form = new FormData();
  form.append('file', new Blob([file.data], { type: file.type }), file.name);
  const res = await fetch(`${server.url}/api/v1/attachments`, {
    method: 'POST',
    headers: token ? { authorization: `Bearer ${token}` } : {},
    body: form,
  });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text) as Attachment & ErrorResponse, text };
}
