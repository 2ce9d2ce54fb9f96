// The browser side of the hydration test: hydrates the server's HTML with the same app, and
// records every error React recovers from (a mismatch is #418, #425 and the like).
import { createElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { HydrationApp } from './hydration-app';

interface HydrationWindow {
  hydrationErrors: string[];
  hydrated: boolean;
}

const state = window as unknown as HydrationWindow;
state.hydrationErrors = [];
const root = document.getElementById('root') as HTMLElement;
hydrateRoot(root, createElement(HydrationApp, { baseUrl: root.dataset['baseUrl'] as string }), {
  onRecoverableError: (error) => state.hydrationErrors.push(String(error)),
});
// React hydrates in a task of its own; the next frames come after it.
requestAnimationFrame(() => setTimeout(() => (state.hydrated = true)));
