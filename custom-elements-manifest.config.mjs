// custom-elements-manifest analyzer: writes packages/elements/custom-elements.json from the
// elements' JSDoc (@summary, @event, @csspart, @cssprop, @cssstate, @slot) and their
// `static properties`. Storybook's docs and editors' HTML completions read that file.

/** Internal reactive state (`{ state: true }`, declared `protected`) is not an attribute. */
function hideInternalState() {
  return {
    name: 'diary-hide-internal-state',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          const internal = new Set(
            (declaration.members ?? [])
              .filter((m) => m.privacy === 'protected' || m.privacy === 'private')
              .map((m) => m.name),
          );
          if (declaration.attributes) {
            declaration.attributes = declaration.attributes.filter(
              (a) => !internal.has(a.fieldName),
            );
          }
          for (const member of declaration.members ?? []) {
            if (internal.has(member.name)) delete member.attribute;
          }
        }
      }
    },
  };
}

/** Modules in path order: the analyzer reads files in whatever order the file system gives. */
function sortModules() {
  return {
    name: 'diary-sort-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) =>
        a.path < b.path ? -1 : a.path > b.path ? 1 : 0,
      );
    },
  };
}

export default {
  globs: ['packages/elements/src/**/*.ts'],
  exclude: ['**/*.test.ts', '**/*.stories.ts', '**/test-support/**'],
  outdir: 'packages/elements',
  litelement: true,
  plugins: [hideInternalState(), sortModules()],
};
