// Marks the calls that run when a module loads (`export const schema = object({...})`) as pure,
// so bundlers drop the ones nothing imports. Added at build time by babel-plugin-annotate-pure-calls
// instead of by hand in the sources; it runs on JavaScript, after the TypeScript step.
import { babel } from '@rollup/plugin-babel';

/** The rollup plugin: annotates the modules of the packages that reach a browser (not the server). */
export function annotatePure() {
  return babel({
    babelHelpers: 'bundled',
    babelrc: false,
    configFile: false,
    extensions: ['.ts', '.js', '.mjs'],
    include: [/\/packages\/(core|sdk|elements)\/src\//],
    plugins: ['babel-plugin-annotate-pure-calls'],
    sourceMaps: true,
  });
}
