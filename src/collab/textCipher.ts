// End-to-end encryption of every text value in a live session: AES-GCM-256 (Web Crypto) under a
// room key that lives only in the link's fragment. Each value is sealed with a fresh 96-bit IV;
// the token is base64url(iv ‖ ciphertext ‖ tag). Decrypted and sealed values are remembered, so
// the apply path can read a known token synchronously (a drag touches no text; an undo brings
// back a token this tab has seen).

const IV_BYTES = 12;
const KEY_BYTES = 32;

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export class TextCipher {
  /** token → plaintext, for every token this tab sealed or opened. */
  private readonly known = new Map<string, string>();

  private constructor(
    private readonly key: CryptoKey,
    /** The key as it travels in a link's fragment. */
    readonly encodedKey: string,
  ) {}

  static async create(): Promise<TextCipher> {
    const raw = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
    return TextCipher.fromEncodedKey(toBase64Url(raw));
  }

  /** Throws when the text is not a room key. */
  static async fromEncodedKey(encoded: string): Promise<TextCipher> {
    let raw: Uint8Array<ArrayBuffer>;
    try {
      raw = fromBase64Url(encoded);
    } catch {
      raw = new Uint8Array(0);
    }
    if (raw.length !== KEY_BYTES) throw new Error('The link’s key is damaged: ask for the link again.');
    const key = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
    return new TextCipher(key, encoded);
  }

  async seal(plain: string): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, this.key, new TextEncoder().encode(plain)));
    const joined = new Uint8Array(IV_BYTES + sealed.length);
    joined.set(iv);
    joined.set(sealed, IV_BYTES);
    const token = toBase64Url(joined);
    this.known.set(token, plain);
    return token;
  }

  /** The plaintext of a token; throws when it was not sealed under this room's key. */
  async open(token: string): Promise<string> {
    const hit = this.known.get(token);
    if (hit !== undefined) return hit;
    const bytes = fromBase64Url(token);
    if (bytes.length <= IV_BYTES) throw new Error('not a sealed value');
    const plain = new TextDecoder().decode(
      await crypto.subtle.decrypt({ name: 'AES-GCM', iv: bytes.subarray(0, IV_BYTES) }, this.key, bytes.subarray(IV_BYTES)),
    );
    this.known.set(token, plain);
    return plain;
  }

  /** The plaintext of a token already seen, without waiting; undefined otherwise. */
  peek(token: string): string | undefined {
    return this.known.get(token);
  }
}
