// A live session: one room's Yjs document, kept in step with the relay by y-websocket's provider,
// bound to the Editor's document store (liveDocument.ts), with presence over awareness. The
// provider reconnects by itself; while the relay is away edits stay in the Yjs document and the
// store (and the library), and they merge when it is back.
import { nanoid } from 'nanoid';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Diagram } from '../model';
import { LiveDocument, type LiveDocumentHost } from './liveDocument';
import { type LiveLink, type LiveRole, liveFragment } from './liveLink';
import { type Person, PRESENCE_COLORS, type PresenceState, readPresence } from './presence';
import { TextCipher } from './textCipher';

/** The largest message a peer may send through the relay; larger ones are dropped unread. */
export const LIVE_MESSAGE_LIMIT = 4 * 1024 * 1024;

export type LiveStatus = 'connecting' | 'online' | 'offline';

export interface LiveSessionOptions {
  relayUrl: string;
  name: string;
  /** A WebSocket class where the platform has none (Node 20). */
  WebSocket?: unknown;
  /** Keeps the room's Yjs document on this device; see LiveEnv.persist. */
  persist?(room: string, doc: Y.Doc): Promise<{ clear(): Promise<void>; destroy(): void } | null>;
  onStatus(status: LiveStatus): void;
  onPeople(people: Person[]): void;
}

export class LiveSession {
  readonly provider: WebsocketProvider;
  readonly document: LiveDocument;
  private readonly names = new Map<string, string>();
  private sealedName = '';
  private status: LiveStatus = 'connecting';
  private stored: { clear(): Promise<void>; destroy(): void } | null = null;

  private constructor(
    private readonly host: LiveDocumentHost,
    readonly ydoc: Y.Doc,
    readonly cipher: TextCipher,
    readonly link: LiveLink,
    private readonly options: LiveSessionOptions,
  ) {
    this.provider = new WebsocketProvider(options.relayUrl, link.room, ydoc, {
      connect: false,
      disableBc: true,
      maxBackoffTime: 1500,
      // biome-ignore lint/suspicious/noExplicitAny: the provider types its polyfill as the DOM WebSocket
      ...(options.WebSocket ? { WebSocketPolyfill: options.WebSocket as any } : {}),
    });
    this.capMessages();
    this.document = new LiveDocument(host, ydoc, cipher);
    this.provider.on('status', ({ status }: { status: string }) => {
      this.status = status === 'connected' ? 'online' : this.status === 'connecting' && status === 'connecting' ? 'connecting' : 'offline';
      options.onStatus(this.status);
    });
    this.provider.awareness.on('change', () => void this.publishPeople());
  }

  /** Starts a room from the open diagram: a new room name and key, the diagram written into it. */
  static async start(host: LiveDocumentHost, diagram: Diagram, options: LiveSessionOptions): Promise<LiveSession> {
    const cipher = await TextCipher.create();
    const ydoc = new Y.Doc();
    await LiveDocument.seed(ydoc, cipher, diagram);
    const session = new LiveSession(host, ydoc, cipher, { room: nanoid(21).replace(/[^A-Za-z0-9_-]/g, '_'), key: cipher.encodedKey, role: 'editor' }, options);
    await session.connect();
    session.document.start();
    return session;
  }

  /** Joins a room from its link: resolves with the room's diagram once it has synced (the caller loads it, then calls begin). */
  static async join(
    host: LiveDocumentHost,
    link: LiveLink,
    options: LiveSessionOptions,
    timeoutMs = 8000,
  ): Promise<{ session: LiveSession; diagram: Diagram }> {
    const cipher = await TextCipher.fromEncodedKey(link.key);
    const ydoc = new Y.Doc();
    const session = new LiveSession(host, ydoc, cipher, link, options);
    await session.connect();
    // A room this device kept (joined before, then reloaded) opens even while the relay is away.
    const kept = ydoc.getMap('nodes').size > 0;
    try {
      await session.synced(kept ? Math.min(timeoutMs, 3000) : timeoutMs);
    } catch (error) {
      if (!kept) {
        session.destroy();
        throw error;
      }
    }
    if (ydoc.getMap('nodes').size === 0 && ydoc.getMap('meta').size === 0) {
      session.destroy();
      throw new Error('This live session has ended or its room is empty: ask for a new link.');
    }
    const diagram = await LiveDocument.read(ydoc, cipher, host);
    return { session, diagram };
  }

  /** After the joiner has loaded the room's diagram: mirror from now on. */
  begin(): void {
    this.document.start();
    this.document.reconcile();
  }

  private async connect(): Promise<void> {
    // What this device kept of the room (edits made offline before a reload) goes in first.
    this.stored = (await this.options.persist?.(this.link.room, this.ydoc).catch(() => null)) ?? null;
    this.sealedName = await this.cipher.seal(this.options.name);
    const color = Math.abs(this.ydoc.clientID) % PRESENCE_COLORS.length;
    const state: PresenceState = { name: this.sealedName, color, role: this.link.role, cursor: null, selection: [], viewport: null };
    this.provider.awareness.setLocalState(state);
    this.provider.connect();
  }

  private synced(timeoutMs: number): Promise<void> {
    if (this.provider.synced) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.provider.off('sync', onSync);
        reject(
          new Error(
            `Could not reach the live-session relay at ${this.options.relayUrl}. Check that it is running, or set its address under Live → Relay address.`,
          ),
        );
      }, timeoutMs);
      const onSync = (synced: boolean) => {
        if (!synced) return;
        clearTimeout(timer);
        this.provider.off('sync', onSync);
        resolve();
      };
      this.provider.on('sync', onSync);
    });
  }

  /** Drops oversized sync messages before Yjs reads them: one peer cannot make everyone parse gigabytes. */
  private capMessages(): void {
    const handlers = this.provider.messageHandlers;
    const original = handlers[messageSync];
    handlers[messageSync] = (encoder, decoder, provider, emitSynced, messageType) => {
      if (decoder.arr.length > LIVE_MESSAGE_LIMIT) {
        this.host.notify(
          `A change from the live session was refused: it is ${(decoder.arr.length / 1024 / 1024).toFixed(1)} MB, more than any diagram needs. Your copy is unchanged.`,
          'error',
        );
        return;
      }
      original(encoder, decoder, provider, emitSynced, messageType);
    };
  }

  private async publishPeople(): Promise<void> {
    const states = this.provider.awareness.getStates();
    const unknown: string[] = [];
    for (const s of states.values()) {
      const token = (s as { name?: unknown }).name;
      if (typeof token === 'string' && !this.names.has(token) && this.cipher.peek(token) === undefined) unknown.push(token);
    }
    await Promise.all(
      unknown.map((t) =>
        this.cipher.open(t).then(
          (name) => this.names.set(t, name),
          () => this.names.set(t, 'Someone'),
        ),
      ),
    );
    const people: Person[] = [];
    for (const [clientId, raw] of this.provider.awareness.getStates()) {
      const person = readPresence(clientId, raw, (t) => this.names.get(t) ?? this.cipher.peek(t), clientId === this.ydoc.clientID);
      if (person) people.push(person);
    }
    this.options.onPeople(people);
  }

  /** Sets fields of this person's presence (cursor, selection, viewport, presenting, playhead). */
  setPresence(fields: Partial<Omit<PresenceState, 'name' | 'color' | 'role'>>): void {
    const current = this.provider.awareness.getLocalState() ?? {};
    this.provider.awareness.setLocalState({ ...current, ...fields });
  }

  /** The link that opens this room in a role. */
  fragmentFor(role: LiveRole): string {
    return liveFragment({ ...this.link, role });
  }

  get currentStatus(): LiveStatus {
    return this.status;
  }

  /** Leaves for good: what this device kept of the room is cleared (the library keeps the diagram). */
  async leave(): Promise<void> {
    const stored = this.stored;
    this.destroy();
    await stored?.clear().catch(() => undefined);
  }

  destroy(): void {
    this.stored?.destroy();
    this.document.stop();
    this.provider.awareness.setLocalState(null);
    this.provider.destroy();
    this.ydoc.destroy();
  }
}
