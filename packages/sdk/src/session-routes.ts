// The session's own operations from core's schema-free manifest, for a client whose table leaves
// them out and that does not check answers: loaded on the first refresh or sign-out.
import { routeManifest } from '@school-diary/core';

export const sessionRoutes = {
  refresh: routeManifest.auth.refresh,
  logout: routeManifest.auth.logout,
};
