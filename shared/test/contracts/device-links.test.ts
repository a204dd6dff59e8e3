import { describe, expect, it } from 'vitest';
import { DEVICE_KINDS, appPathOfKind, pairingLink } from '../../src/contracts/index.ts';

// One table of which page each kind of device opens: the console's pairing links, `luot pair` and the
// demo hall's start banner all use it.
describe('device links', () => {
  it('sends each kind to its app; the feedback tablet to the counter app’s feedback page', () => {
    expect(Object.fromEntries(DEVICE_KINDS.map((kind) => [kind, appPathOfKind(kind)]))).toEqual({
      kiosk: 'kiosk',
      counter: 'counter',
      feedback: 'counter/feedback',
      display: 'display',
    });
  });

  it('makes the one-step pairing link at the address the device reaches the hall at', () => {
    expect(pairingLink('http://192.168.1.10:8080', 'feedback', '482913')).toBe(
      'http://192.168.1.10:8080/counter/feedback/?code=482913',
    );
    expect(pairingLink('https://[fe80::1]:8443', 'display', '12 34')).toBe(
      'https://[fe80::1]:8443/display/?code=12%2034',
    );
  });
});
