import { describe, expect, it, vi } from 'vitest';

// The URL rules only: the browser API is not reached.
vi.mock('./ext', () => ({ browser: {} }));
import { gmailAccountIndex, gmailThreadUrl } from './gmail-tabs';

describe('Gmail account URLs', () => {
  it('reads the account number of a Gmail page', () => {
    expect(gmailAccountIndex('https://mail.google.com/mail/u/1/#inbox/abc')).toBe(1);
    expect(gmailAccountIndex('https://mail.google.com/mail/u/12/')).toBe(12);
    expect(gmailAccountIndex('https://mail.google.com/mail/')).toBeNull();
    expect(gmailAccountIndex('https://evil.example/mail/u/1/')).toBeNull();
    expect(gmailAccountIndex(undefined)).toBeNull();
  });

  it('opens a thread under the account number, else by address through authuser', () => {
    expect(gmailThreadUrl('19a1b3d5f7092a42', 'camille@atelier-durand.fr', 1)).toBe('https://mail.google.com/mail/u/1/#inbox/19a1b3d5f7092a42');
    expect(gmailThreadUrl('19a1b3d5f7092a42', 'camille@atelier-durand.fr', null)).toBe('https://mail.google.com/mail/u/0/?authuser=camille%40atelier-durand.fr#inbox/19a1b3d5f7092a42');
    expect(gmailThreadUrl('19a1b3d5f7092a42', null, null)).toBe('https://mail.google.com/mail/u/0/#inbox/19a1b3d5f7092a42');
  });
});
