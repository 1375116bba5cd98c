import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

// Designsystemet's popover polyfill calls CSS.escape at import time; jsdom has no CSS.escape.
if (typeof globalThis.CSS === 'undefined') {
  (globalThis as unknown as { CSS: object }).CSS = {};
}
if (typeof CSS.escape !== 'function') {
  CSS.escape = (value: string) => String(value).replace(/[^a-zA-Z0-9_\u00A0-\uFFFF-]/g, (ch) => `\\${ch}`);
}

// jsdom lacks the dialog methods that Designsystemet's Dialog calls.
if (typeof HTMLDialogElement !== 'undefined' && !HTMLDialogElement.prototype.showModal) {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  HTMLDialogElement.prototype.show = HTMLDialogElement.prototype.showModal;
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

// jsdom has no Web Animations API; Designsystemet's Spinner synchronises its animation with it.
if (typeof document.getAnimations !== 'function') {
  document.getAnimations = () => [];
}

afterEach(() => {
  cleanup();
  localStorage.clear();
});
