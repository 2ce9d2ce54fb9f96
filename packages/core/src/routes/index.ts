// The route table: the manifest (method, path, access), the schemas per group, their loading.

export * from './route.js';
export * from './with-schemas.js';
export * from './routes.js';
export * from './route-manifest.js';
export * from './route-groups.js';
