// Share links: the diagram and its scenarios, deflated and base64url-encoded in the URL fragment
// (which never reaches a server). Links are untrusted: decoding is capped so a decompression
// bomb is refused fast, and anything malformed gets a message rather than an exception.
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import type { Diagram } from '../model';
import { FileError, parseDiagramFile, serializeDiagramFile } from './diagramFile';
import type { Restored } from './restoreDiagram';

export const SHARE_PREFIX = 'share=';
/** Longer links than this may be cut by chat apps and browsers: offer the file instead. */
export const SHARE_WARN_LENGTH = 8_000;
/** Links past this are refused before decoding. */
export const SHARE_LINK_LIMIT = 2_000_000;
/** A link may inflate to at most this much JSON. */
export const INFLATE_LIMIT = 4 * 1024 * 1024;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new FileError('This share link is damaged: it has characters a link never has.');
  const padded = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  let binary: string;
  try {
    binary = atob(padded);
  } catch {
    throw new FileError('This share link is damaged: it is cut short or mistyped.');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** The fragment (without '#') that carries the diagram and its scenarios, no runs. */
export function encodeShareFragment(d: Diagram): string {
  return SHARE_PREFIX + toBase64Url(deflateSync(strToU8(serializeDiagramFile(d)), { level: 9 }));
}

function inflateCapped(bytes: Uint8Array): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let done = false;
  const inflater = new Inflate((chunk, final) => {
    total += chunk.length;
    if (total > INFLATE_LIMIT)
      throw new FileError(`This share link unpacks to more than ${INFLATE_LIMIT / 1024 / 1024} MB, far more than a diagram; it was refused.`);
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    // Feed small pieces so the cap is checked as the output grows, not after.
    for (let i = 0; i < bytes.length; i += 4_096) inflater.push(bytes.subarray(i, i + 4_096), i + 4_096 >= bytes.length);
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError('This share link is damaged: its contents do not unpack.');
  }
  if (!done) throw new FileError('This share link is damaged: it is cut short.');
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Reads a share fragment (with or without '#'); throws FileError with a message for people. */
export function decodeShareFragment(fragment: string): Restored {
  const body = fragment.replace(/^#/, '');
  if (!body.startsWith(SHARE_PREFIX)) throw new FileError('This link does not carry a Faultline diagram.');
  const data = body.slice(SHARE_PREFIX.length);
  if (data.length === 0) throw new FileError('This share link is empty.');
  if (data.length > SHARE_LINK_LIMIT) throw new FileError('This share link is far longer than any diagram needs; it was refused.');
  const bytes = fromBase64Url(data);
  let text: string;
  try {
    text = strFromU8(inflateCapped(bytes));
  } catch (error) {
    if (error instanceof FileError) throw error;
    throw new FileError('This share link is damaged: its contents are not text.');
  }
  return parseDiagramFile(text);
}
