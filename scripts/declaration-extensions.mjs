// Declarations that resolve under every TypeScript `moduleResolution`, `nodenext` included.
// The sources import each other without extensions (`./login/diary-login`), which bundlers and
// `moduleResolution: bundler` accept but Node ESM does not: in a `"type": "module"` package a
// nodenext consumer's compiler cannot follow `from './login/diary-login'` in a `.d.ts`, and the
// types behind it silently become errors or `any`. This `afterDeclarations` transformer rewrites
// every relative specifier of the emitted declarations to the file the build writes next to it
// (`./login/diary-login.js`, `./shared/index.js`), resolved on disk against the source file, and
// fails the build on a specifier it cannot resolve, so no broken path can be published.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.mts', '.d.ts'];
const isFile = (path) => existsSync(path) && statSync(path).isFile();

/**
 * The Node-ESM form of a relative specifier written in `fromFile`: `./x` → `./x.js` when `x.ts`
 * exists, `./x/index.js` when `x/index.ts` does; `.` and `..` (which TypeScript writes in inferred
 * `import("..")` types) → `./index.js`, `../index.js`. Specifiers that already name a file, and bare
 * package specifiers, are returned unchanged.
 * @param {string} specifier
 * @param {string} fromFile absolute path of the source file the specifier was written in
 * @returns {string}
 */
export function nodeSpecifier(specifier, fromFile) {
  const relative =
    specifier === '.' ||
    specifier === '..' ||
    specifier.startsWith('./') ||
    specifier.startsWith('../');
  if (!relative) return specifier;
  const base = resolve(dirname(fromFile), specifier);
  if (/\.(c|m)?js$|\.json$/.test(specifier)) {
    const stem = base.replace(/\.(c|m)?js$/, '');
    if (isFile(base) || SOURCE_EXTENSIONS.some((ext) => isFile(stem + ext))) return specifier;
  }
  for (const ext of SOURCE_EXTENSIONS)
    if (isFile(base + ext)) return `${specifier}${ext === '.mts' ? '.mjs' : '.js'}`;
  for (const ext of SOURCE_EXTENSIONS)
    if (isFile(resolve(base, `index${ext}`)))
      return `${specifier.replace(/\/$/, '')}/index${ext === '.mts' ? '.mjs' : '.js'}`;
  throw new Error(
    `declarations: cannot resolve '${specifier}' imported by ${fromFile} to a source file`,
  );
}

/**
 * `afterDeclarations` transformer factory for @rollup/plugin-typescript (or `ts.Program#emit`):
 * rewrites the relative specifiers of `import`/`export … from`, `import('…')` types and
 * `declare module '…'` augmentations with {@link nodeSpecifier}.
 * @param {ts.TransformationContext} context
 */
export function declarationExtensions(context) {
  const { factory } = context;
  return (node) => {
    if (!ts.isSourceFile(node)) return node;
    const fromFile = node.fileName;
    const literal = (text) => factory.createStringLiteral(nodeSpecifier(text, fromFile));
    const visit = (child) => {
      if (
        ts.isImportDeclaration(child) &&
        ts.isStringLiteral(child.moduleSpecifier) &&
        child.moduleSpecifier.text.startsWith('.')
      )
        return factory.updateImportDeclaration(
          child,
          child.modifiers,
          child.importClause,
          literal(child.moduleSpecifier.text),
          child.attributes,
        );
      if (
        ts.isExportDeclaration(child) &&
        child.moduleSpecifier &&
        ts.isStringLiteral(child.moduleSpecifier) &&
        child.moduleSpecifier.text.startsWith('.')
      )
        return factory.updateExportDeclaration(
          child,
          child.modifiers,
          child.isTypeOnly,
          child.exportClause,
          literal(child.moduleSpecifier.text),
          child.attributes,
        );
      if (
        ts.isImportTypeNode(child) &&
        ts.isLiteralTypeNode(child.argument) &&
        ts.isStringLiteral(child.argument.literal) &&
        child.argument.literal.text.startsWith('.')
      )
        return factory.updateImportTypeNode(
          child,
          factory.updateLiteralTypeNode(child.argument, literal(child.argument.literal.text)),
          child.attributes,
          child.qualifier ? ts.visitNode(child.qualifier, visit) : undefined,
          child.typeArguments?.map((t) => ts.visitNode(t, visit)),
          child.isTypeOf,
        );
      if (
        ts.isModuleDeclaration(child) &&
        ts.isStringLiteral(child.name) &&
        child.name.text.startsWith('.')
      )
        return factory.updateModuleDeclaration(
          child,
          child.modifiers,
          literal(child.name.text),
          child.body,
        );
      return ts.visitEachChild(child, visit, context);
    };
    return ts.visitEachChild(node, visit, context);
  };
}
