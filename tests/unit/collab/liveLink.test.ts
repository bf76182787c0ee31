import { describe, expect, it } from 'vitest';
import { checkRelayUrl, liveFragment, parseLiveFragment } from '../../../src/collab/liveLink';
import { TextCipher } from '../../../src/collab/textCipher';

describe('a live link', () => {
  it('carries the room, the key and the role there and back', async () => {
    const cipher = await TextCipher.create();
    const link = { room: 'V1StGXR8_Z5jdHi6B-myT', key: cipher.encodedKey, role: 'viewer' as const };
    expect(parseLiveFragment(`#${liveFragment(link)}`)).toEqual(link);
    expect(parseLiveFragment('#share=abc')).toBeNull();
  });

  it('refuses a damaged link or an unknown role with a message', () => {
    expect(() => parseLiveFragment('live=short.key')).toThrow(/damaged/);
    expect(() => parseLiveFragment(`live=V1StGXR8_Z5jdHi6B-myT.${'A'.repeat(43)}&role=admin`)).toThrow(/unknown role/);
    expect(() => parseLiveFragment(`live=V1StGXR8_Z5jdHi6B-myT.${'A'.repeat(43)}.extra`)).toThrow(/damaged/);
  });

  it('accepts only ws:// and wss:// relays, without credentials', () => {
    expect(checkRelayUrl('wss://relay.example.com')).toBeNull();
    expect(checkRelayUrl('ws://localhost:1234')).toBeNull();
    expect(checkRelayUrl('javascript:alert(1)')).toMatch(/ws:\/\//);
    expect(checkRelayUrl('https://relay.example.com')).toMatch(/ws:\/\//);
    expect(checkRelayUrl('wss://user:pw@relay.example.com')).toMatch(/password/);
    expect(checkRelayUrl('not a url')).toMatch(/not an address/);
  });
});

describe('sealed text', () => {
  it('opens under the room key only, and never shows the plaintext', async () => {
    const a = await TextCipher.create();
    const token = await a.seal('Payment gateway');
    expect(token).not.toContain('Payment');
    expect(await (await TextCipher.fromEncodedKey(a.encodedKey)).open(token)).toBe('Payment gateway');
    await expect((await TextCipher.create()).open(token)).rejects.toThrow();
    expect(await a.seal('Payment gateway')).not.toBe(token);
    await expect(TextCipher.fromEncodedKey('too-short')).rejects.toThrow(/damaged/);
  });
});
