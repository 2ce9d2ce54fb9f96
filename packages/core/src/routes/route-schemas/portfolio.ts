import { listOf } from '../../schemas/common.js';
import {
  portfolioCommentInputSchema,
  portfolioInputSchema,
  portfolioItemSchema,
  portfolioPatchSchema,
  portfolioQuerySchema,
} from '../../schemas/portfolio.js';
import { withSchemas } from '../with-schemas.js';
import { routeManifest } from '../route-manifest.js';

const m = routeManifest.portfolio;

/** The operations of `portfolio` with their schemas, loaded by the SDK on the group's first call. */
export const operations = {
  list: withSchemas(m.list, {
    query: portfolioQuerySchema,
    response: listOf(portfolioItemSchema),
  }),
  create: withSchemas(m.create, {
    body: portfolioInputSchema,
    response: portfolioItemSchema,
  }),
  update: withSchemas(m.update, {
    body: portfolioPatchSchema,
    response: portfolioItemSchema,
  }),
  remove: withSchemas(m.remove, {}),
  comment: withSchemas(m.comment, {
    body: portfolioCommentInputSchema,
    response: portfolioItemSchema,
  }),
};
