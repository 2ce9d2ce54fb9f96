// Storybook preview: controls and docs pages from the custom-elements manifest (its public
// surface only), the toolbar's language and theme for every widget, a dark background for the
// dark theme and the viewports the widgets are designed for.
import { setCustomElementsManifest } from '@storybook/web-components';
import type { Decorator, Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import manifest from '../packages/elements/custom-elements.json';
import { publicManifest } from './public-manifest';

setCustomElementsManifest(publicManifest(manifest));

/** The dark theme's page colour behind a story when the toolbar's theme is dark. */
const themedCanvas: Decorator = (story, context) =>
  context.globals['theme'] === 'dark'
    ? html`<div style="background: #121821; color-scheme: dark">${story()}</div>`
    : story();

const preview: Preview = {
  parameters: {
    controls: { expanded: true, matchers: { color: /(background|color)$/i } },
    docs: { toc: true },
    backgrounds: {
      options: {
        light: { name: 'Light', value: '#ffffff' },
        dark: { name: 'Dark', value: '#121821' },
      },
    },
    viewport: {
      options: {
        phone: {
          name: 'Phone, 360 px',
          styles: { width: '360px', height: '740px' },
          type: 'mobile',
        },
        tablet: {
          name: 'Tablet, 768 px',
          styles: { width: '768px', height: '1024px' },
          type: 'tablet',
        },
        desktop: {
          name: 'Desktop, 1280 px',
          styles: { width: '1280px', height: '800px' },
          type: 'desktop',
        },
      },
    },
  },
  globalTypes: {
    lang: {
      description: 'The widgets’ language (the provider’s `lang`)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'ru', title: 'Русский' },
          { value: 'en', title: 'English' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'The widgets’ theme (the provider’s `theme`)',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', title: 'Light' },
          { value: 'dark', title: 'Dark' },
          { value: 'auto', title: 'Auto (system)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'ru', theme: 'light' },
  decorators: [themedCanvas],
  tags: ['autodocs'],
};

export default preview;
