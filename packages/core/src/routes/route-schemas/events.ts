import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.events;

/** The operations of `events` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  stream: withSchemas(m.stream, {}),
};
