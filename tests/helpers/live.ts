// Live-session helpers for Node tests: Editors bound to Yjs documents, wired together either
// in-process (for the binding's own rules) or through the real relay (tests/unit/collab/relay).
import * as Y from 'yjs';
import { LiveDocument } from '../../src/collab/liveDocument';
import { TextCipher } from '../../src/collab/textCipher';
import { TestEditor } from '../../src/editor/TestEditor';
import type { Diagram } from '../../src/model';

export interface Peer {
  editor: TestEditor;
  ydoc: Y.Doc;
  live: LiveDocument;
  notices: string[];
}

/** Canonical JSON of a diagram (keys sorted), so two peers' copies compare by content. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export function peerOn(ydoc: Y.Doc, cipher: TextCipher, diagram?: Diagram): Peer {
  const editor = new TestEditor(diagram);
  const notices: string[] = [];
  const live = new LiveDocument({ doc: editor.doc, notify: (m) => notices.push(m) }, ydoc, cipher);
  live.start();
  return { editor, ydoc, live, notices };
}

/** Two or more Yjs documents that pass every update to each other, as a relay would. */
export function linkDocs(docs: Y.Doc[]): { pause(): void; resume(): void } {
  let paused = false;
  for (const from of docs) {
    from.on('update', (update: Uint8Array, origin: unknown) => {
      if (paused || origin === 'wire') return;
      for (const to of docs) if (to !== from) Y.applyUpdate(to, update, 'wire');
    });
  }
  return {
    pause: () => {
      paused = true;
    },
    resume: () => {
      paused = false;
      // Catch up, as a provider does on reconnect: each sends what the other lacks.
      for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'wire');
    },
  };
}

/** A room with a host that seeded it and joiners that read it, all linked in-process. */
export async function inProcessRoom(diagram: Diagram, joiners = 1) {
  const cipher = await TextCipher.create();
  const hostDoc = new Y.Doc();
  await LiveDocument.seed(hostDoc, cipher, diagram);
  const docs = [hostDoc, ...Array.from({ length: joiners }, () => new Y.Doc())];
  for (const d of docs.slice(1)) Y.applyUpdate(d, Y.encodeStateAsUpdate(hostDoc));
  const link = linkDocs(docs);
  const peers: Peer[] = [peerOn(hostDoc, cipher, diagram)];
  for (const d of docs.slice(1)) {
    // Each joiner reads the room with its own cipher (the same key, as from the link).
    const own = await TextCipher.fromEncodedKey(cipher.encodedKey);
    const probe = new TestEditor();
    const read = await LiveDocument.read(d, own, { doc: probe.doc, notify: () => {} });
    peers.push(peerOn(d, own, read));
  }
  return { cipher, peers, link };
}

export async function settled(peers: Peer[]): Promise<void> {
  for (let i = 0; i < 3; i++) await Promise.all(peers.map((p) => p.live.settled()));
}
