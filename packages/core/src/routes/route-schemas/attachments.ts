import { attachmentSchema } from '../../schemas/attachment.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.attachments;

/** The operations of `attachments` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  upload: withSchemas(m.upload, { response: attachmentSchema }),
  download: withSchemas(m.download, {}),
};
