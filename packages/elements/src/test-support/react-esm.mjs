// @web/test-runner plugin: React ships CommonJS, the browser needs ESM. esbuild bundles react,
// react-dom and react-dom/client (development build) into ONE module served at /__react-esm.js, so
// the page holds a single React; the bare imports (`react`, `react-dom`, `react-dom/client`, which
// node-resolve turns into /node_modules/… paths) are served as re-exports of it, their named
// exports read from the CommonJS packages by a
// child Node (React's development build must not touch the runner's patched console). Used by packages/elements/src/react.test.ts.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';

const BUNDLE = '/__react-esm.js';
const MODULES = {
  react: { path: /\/node_modules\/react\/index\.js$/, key: 'React' },
  'react-dom': { path: /\/node_modules\/react-dom\/index\.js$/, key: 'ReactDOM' },
  'react-dom/client': { path: /\/node_modules\/react-dom\/client\.js$/, key: 'ReactDOMClient' },
};

let bundle;
async function bundled() {
  bundle ??= build({
    stdin: {
      contents: Object.entries(MODULES)
        .map(([name, { key }]) => `export * as ${key} from '${name}';`)
        .join('\n'),
      resolveDir: process.cwd(),
    },
    bundle: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"development"' },
    logLevel: 'silent',
  }).then((result) => result.outputFiles[0].text);
  return bundle;
}

function reExport(name, key) {
  const keys = execFileSync(
    process.execPath,
    ['-p', `JSON.stringify(Object.keys(require(${JSON.stringify(name)})))`],
    { encoding: 'utf8', env: { ...process.env, NODE_ENV: 'development' } },
  );
  const names = JSON.parse(keys).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
  return [
    `import { ${key} } from '${BUNDLE}';`,
    `export default ${key};`,
    `export const { ${names.join(', ')} } = ${key};`,
  ].join('\n');
}

/** The plugin: serves the bundle and the three re-exporting modules. */
export function reactEsmPlugin() {
  return {
    name: 'react-esm',
    async serve(context) {
      if (context.path === BUNDLE) return { body: await bundled(), type: 'js' };
      for (const [name, { path, key }] of Object.entries(MODULES)) {
        if (path.test(context.path)) return { body: reExport(name, key), type: 'js' };
      }
      return undefined;
    },
  };
}
