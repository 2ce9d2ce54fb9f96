// Browser tests (*.browser.test.ts) in headless Chromium. Workspace packages resolve to their
// TypeScript sources (the `source` export condition); a real diary server runs beside the page.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { diaryServerPlugin } from './packages/sdk/test-support/diary-server.mjs';
import { reactEsmPlugin } from './packages/elements/src/test-support/react-esm.mjs';
import { minifyTemplates } from './scripts/minify-templates.mjs';

export default {
  files: [
    'packages/*/src/**/*.browser.test.ts',
    'packages/elements/src/**/*.test.ts',
    // Node drives these (scripts/test.mjs runs them with the end-to-end tests).
    '!packages/*/src/**/*.e2e.test.ts',
  ],
  nodeResolve: { exportConditions: ['source', 'browser', 'import', 'default'] },
  plugins: [
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: 'tsconfig.json' }),
    diaryServerPlugin(),
    reactEsmPlugin(),
    // The widgets' templates minified as the build ships them (scripts/minify-templates.mjs).
    {
      name: 'minify-templates',
      transform(context) {
        const path = context.path;
        if (!path.includes('/packages/elements/src/') || !path.endsWith('.ts')) return undefined;
        if (path.endsWith('.test.ts') || path.endsWith('.stories.ts')) return undefined;
        const out = minifyTemplates(context.body, path);
        return out ? { body: out.code } : undefined;
      },
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
        headless: true,
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--disable-sync',
          '--no-first-run',
        ],
      },
    }),
  ],
  concurrency: 1,
  testFramework: { config: { timeout: 30_000 } },
};
