/**
 * The WebExtension API for extension pages and the service worker: Firefox's `browser` namespace,
 * polyfilled on Chrome. Chrome-only APIs (sidePanel) are reached through `chrome` where used.
 * The Gmail content script does not import this (size budget): it uses `chrome.runtime` directly.
 */
import browser from 'webextension-polyfill';

export { browser };
