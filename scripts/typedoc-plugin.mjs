// A TypeDoc plugin for the API reference: the route tables (`routes`, `routeManifest`,
// `routeGroups`) are shown by their shape instead of their inferred types, which spell out every
// zod schema of every operation (1.7 MB of HTML for `routes` alone). Their operations are listed,
// one by one, in the Operations page (docs/api-operations.md).
import { Converter, ReflectionKind, UnknownType } from 'typedoc';

const SHAPES = {
  routes: '{ readonly [group in RouteGroup]: { readonly [operation: string]: RouteSpec } }',
  routeManifest: '{ readonly [group in RouteGroup]: { readonly [operation: string]: RouteInfo } }',
  routeGroups:
    '{ readonly [group in RouteGroupName]: () => Promise<{ operations: Record<string, RouteSpec> }> }',
};

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.converter.on(Converter.EVENT_RESOLVE_BEGIN, (context) => {
    for (const reflection of context.project.getReflectionsByKind(ReflectionKind.Variable)) {
      const shape = SHAPES[reflection.name];
      if (shape) reflection.type = new UnknownType(shape);
    }
  });
}
