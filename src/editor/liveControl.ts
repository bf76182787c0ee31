// The Editor's live-session part: start a room from the open diagram, join one from a link, leave
// (the diagram stays in the library), per-person undo, read-only for viewers, and presence. The
// Yjs code loads only when a session starts (dynamic import), so a person who never shares pays
// nothing for it.
import { createStore } from 'zustand/vanilla';
import type { LiveLink, LiveRole } from '../collab/liveLink';
import type { LiveSession, LiveStatus } from '../collab/liveSession';
import type { Person } from '../collab/presence';
import type { XY } from '../model';
import type { Editor } from './Editor';

export interface LiveState {
  status: 'off' | 'starting' | LiveStatus;
  role: LiveRole | null;
  people: Person[];
  /** The clientId of the person whose view this tab follows, or null. */
  following: number | null;
  /** Whether this person presents (everyone follows them). */
  presenting: boolean;
  /** The name prompt, open before starting or joining. */
  namePrompt: NamePrompt | null;
  /** The relay-address dialog is open. */
  relayPrompt: boolean;
}

export type NamePrompt = { purpose: 'start' } | { purpose: 'join'; link: LiveLink };

const OFF = { status: 'off', role: null, people: [], following: null, presenting: false } as const;

const collab = () => Promise.all([import('../collab/liveSession'), import('../collab/liveLink')]);

export class LiveControl {
  readonly store = createStore<LiveState>(() => ({ ...OFF, people: [], namePrompt: null, relayPrompt: false }));
  private session: LiveSession | null = null;
  private unwire: (() => void)[] = [];
  private pendingPresence: Parameters<LiveSession['setPresence']>[0] = {};
  private presenceTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly editor: Editor) {}

  get active(): boolean {
    return this.session !== null;
  }

  get readOnly(): boolean {
    return this.store.getState().role === 'viewer';
  }

  private options(name: string) {
    const env = this.editor.env.live;
    if (!env) throw new Error('Live sessions are not available here.');
    return {
      relayUrl: env.relayUrl(),
      name,
      WebSocket: env.WebSocket,
      persist: env.persist ? (room: string, doc: unknown) => env.persist!(room, doc) : undefined,
      onStatus: (status: LiveStatus) => {
        const was = this.store.getState().status;
        this.store.setState({ status });
        if (status === 'offline' && was === 'online')
          this.editor.notify('The live session is offline: your edits are kept and will sync when the relay is back.', 'error');
        if (status === 'online' && was === 'offline') this.editor.notify('Back online: the live session is in sync again.');
      },
      onPeople: (people: Person[]) => this.store.setState({ people }),
    };
  }

  private host() {
    return { doc: this.editor.doc, notify: (m: string, tone: 'info' | 'error') => this.editor.notify(m, tone) };
  }

  /** Opens the name prompt (prefilled with the name this person used before). */
  askName(prompt: NamePrompt): void {
    this.store.setState({ namePrompt: prompt });
  }

  savedName(): string {
    return this.editor.env.live?.savedName?.() ?? '';
  }

  /** The name prompt's answer: remembered on this device, then the start or join goes ahead. */
  async submitName(name: string): Promise<boolean> {
    const prompt = this.store.getState().namePrompt;
    const clean = name.trim().slice(0, 60);
    if (!prompt || !clean) return false;
    this.store.setState({ namePrompt: null });
    this.editor.env.live?.saveName?.(clean);
    return prompt.purpose === 'start' ? this.start(clean) : this.join(prompt.link, clean);
  }

  askRelay(): void {
    this.store.setState({ relayPrompt: true });
  }

  /** Sets the relay's address; returns why it was refused, or null. */
  setRelay(url: string | null): string | null {
    const env = this.editor.env.live;
    if (url === null || !env?.setRelayUrl) {
      this.store.setState({ relayPrompt: false });
      return null;
    }
    const problem = env.setRelayUrl(url);
    if (!problem) this.store.setState({ relayPrompt: false });
    return problem;
  }

  /** Turns the open diagram into a room and copies the editor link. */
  async start(name: string): Promise<boolean> {
    if (this.session) return true;
    this.store.setState({ status: 'starting', role: 'editor' });
    try {
      const [{ LiveSession }] = await collab();
      this.session = await LiveSession.start(this.host(), this.editor.diagram, this.options(name));
    } catch (error) {
      this.store.setState({ ...OFF, people: [] });
      this.editor.notify(`Could not start a live session: ${(error as Error).message}`, 'error');
      return false;
    }
    this.store.setState({ status: this.session.currentStatus });
    this.wire();
    this.editor.env.live?.setAddress?.(this.session.fragmentFor('editor'));
    await this.copyLink('editor');
    return true;
  }

  /** Joins the room a link names; its diagram is kept in the library as this person's copy. */
  async join(link: LiveLink, name: string): Promise<boolean> {
    if (this.session) this.leave();
    this.store.setState({ status: 'starting', role: link.role });
    try {
      const [{ LiveSession }] = await collab();
      const { session, diagram } = await LiveSession.join(this.host(), link, this.options(name), this.editor.env.live?.joinTimeoutMs);
      const storage = this.editor.storage;
      if (storage && (await storage.contains(diagram.id))) {
        // This person's own copy of the room (they started it, or joined before): it follows the room.
        if (this.editor.diagram.id !== diagram.id) await storage.open(diagram.id);
        this.editor.doc.getState().load(diagram);
        this.editor.notify(`Joined the live session “${diagram.name}”`);
      } else if (storage) await storage.adopt(diagram, `Joined the live session “${diagram.name}”`);
      else this.editor.doc.getState().load(diagram);
      this.session = session;
      session.begin();
      this.wire();
      this.store.setState({ status: session.currentStatus, role: link.role });
      if (link.role === 'viewer') this.editor.notify('You joined as a viewer: you can watch, not change the diagram.');
      return true;
    } catch (error) {
      this.store.setState({ ...OFF, people: [] });
      this.editor.notify(`Could not join the live session: ${(error as Error).message} Your own diagrams are unchanged.`, 'error');
      return false;
    }
  }

  /** Leaves the room; the diagram as it is now stays open and in the library. */
  leave(): void {
    if (!this.session) return;
    for (const stop of this.unwire.splice(0)) stop();
    if (this.presenceTimer) clearTimeout(this.presenceTimer);
    this.presenceTimer = null;
    void this.session.leave();
    this.editor.env.live?.setAddress?.(null);
    this.session = null;
    this.store.setState({ ...OFF, people: [] });
    this.editor.notify('Left the live session: your copy of the diagram stays in your library.');
  }

  /** The address that opens this room in a role. */
  linkFor(role: LiveRole): string | null {
    const env = this.editor.env.live;
    if (!this.session || !env) return null;
    return `${env.pageUrl()}#${this.session.fragmentFor(role)}`;
  }

  async copyLink(role: LiveRole): Promise<void> {
    const link = this.linkFor(role);
    if (!link) return;
    const what = role === 'editor' ? 'Editor link' : role === 'viewer' ? 'View-only link' : 'Interviewer link';
    try {
      await this.editor.env.writeClipboard(link);
      this.editor.notify(`${what} copied: whoever opens it joins this live session`);
    } catch {
      this.editor.notify(`${what}: ${link}`, 'info');
    }
  }

  undo(): boolean {
    return this.session?.document.undo() ?? false;
  }

  redo(): boolean {
    return this.session?.document.redo() ?? false;
  }

  canUndo(): boolean {
    return this.session?.document.canUndo() ?? false;
  }

  canRedo(): boolean {
    return this.session?.document.canRedo() ?? false;
  }

  /** Shares this person's selection, and the playhead while presenting, as they change. */
  private wire(): void {
    this.unwire.push(
      this.editor.ui.subscribe((s, prev) => {
        if (s.selectedNodes !== prev.selectedNodes) this.setPresence({ selection: [...s.selectedNodes] });
      }),
      this.editor.playback.subscribe((s, prev) => {
        if (s.t !== prev.t && this.store.getState().presenting) this.setPresence({ playheadMs: s.t });
      }),
    );
  }

  /** Presence goes out at most every 50 ms (a pointer moves 60 times a second), the latest state last. */
  private setPresence(fields: Parameters<LiveSession['setPresence']>[0]): void {
    if (!this.session) return;
    Object.assign(this.pendingPresence, fields);
    if (this.presenceTimer) return;
    this.presenceTimer = setTimeout(() => {
      this.presenceTimer = null;
      const pending = this.pendingPresence;
      this.pendingPresence = {};
      this.session?.setPresence(pending);
    }, 50);
  }

  setCursor(cursor: XY | null): void {
    this.setPresence({ cursor });
  }

  setViewport(viewport: { x: number; y: number; zoom: number }): void {
    this.setPresence({ viewport });
  }

  follow(clientId: number | null): void {
    this.store.setState({ following: clientId });
  }

  present(on: boolean): void {
    this.store.setState({ presenting: on });
    this.setPresence({ presenting: on, playheadMs: on ? this.editor.playback.getState().t : null });
    this.editor.notify(on ? 'Presenting: everyone in the session follows your view and your replay' : 'Stopped presenting');
  }

  /** Resolves when everything changed so far has been written and read (tests). */
  settled(): Promise<void> {
    return this.session?.document.settled() ?? Promise.resolve();
  }

  /** The room's Yjs document, for tests that act as a raw peer. */
  get currentSession(): LiveSession | null {
    return this.session;
  }
}
