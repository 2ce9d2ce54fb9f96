// Storybook for the widgets: the web-components renderer on Vite. Stories live beside each
// element (packages/elements/src/<element>/*.stories.ts); the docs pages and controls come from
// custom-elements.json (see preview.ts). Everything resolves from the workspace's TypeScript
// sources (the `source` export condition), so no package build is needed first, and nothing is
// fetched: telemetry and update checks are off in the npm scripts and here.
import type { StorybookConfig } from '@storybook/web-components-vite';
import { transform } from 'esbuild';

/**
 * Lowers the standard decorators of the element sources (`@property() accessor x`), which Vite's
 * own TypeScript transform leaves in place (the browser would then throw a SyntaxError).
 */
const lowerDecorators = {
  name: 'diary-lower-decorators',
  enforce: 'pre' as const,
  async transform(code: string, id: string) {
    if (!/\/packages\/[^/]+\/src\/.*\.ts$/.test(id) || !code.includes('@')) return undefined;
    const out = await transform(code, {
      loader: 'ts',
      target: 'es2022',
      sourcemap: true,
      sourcefile: id,
    });
    return { code: out.code, map: out.map };
  },
};

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['./*.mdx', '../packages/elements/src/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  docs: { defaultName: 'Docs' },
  viteFinal(vite) {
    return {
      ...vite,
      plugins: [...(vite.plugins ?? []), lowerDecorators],
      resolve: {
        ...vite.resolve,
        conditions: ['source', 'module', 'browser', 'development|production'],
      },
      // The SDK's memory client and core are TypeScript in the workspace; lower them for the
      // browsers Storybook targets, like the element sources.
      esbuild: { ...(vite.esbuild || {}), target: 'es2022' },
      build: { ...vite.build, target: 'es2022', chunkSizeWarningLimit: 2048 },
    };
  },
};

export default config;
