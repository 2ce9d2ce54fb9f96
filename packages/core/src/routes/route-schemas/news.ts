import { pageOf } from '../../schemas/common.js';
import { newsInputSchema, newsItemSchema, newsQuerySchema } from '../../schemas/news.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.news;

/** The operations of `news` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, {
    query: newsQuerySchema,
    response: pageOf(newsItemSchema),
  }),
  publish: withSchemas(m.publish, {
    body: newsInputSchema,
    response: newsItemSchema,
  }),
  get: withSchemas(m.get, { response: newsItemSchema }),
  remove: withSchemas(m.remove, {}),
};
