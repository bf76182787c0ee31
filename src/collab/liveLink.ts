// A live session's link: the room and its key travel in the URL's fragment, which browsers never
// send to a server, so the relay learns the room's name from the WebSocket path and never the key.
// `#live=<room>.<key>&role=viewer`. The role is what the link's holder is offered: a viewer's
// tab is read-only (enforced in the client; docs/decisions.md says what that does not stop).

export type LiveRole = 'editor' | 'viewer' | 'interviewer';
export const LIVE_ROLES: readonly LiveRole[] = ['editor', 'viewer', 'interviewer'];

export interface LiveLink {
  room: string;
  key: string;
  role: LiveRole;
}

const ROOM = /^[A-Za-z0-9_-]{8,64}$/;
const KEY = /^[A-Za-z0-9_-]{43}$/;

export function liveFragment(link: LiveLink): string {
  return `live=${link.room}.${link.key}&role=${link.role}`;
}

/** The live link in a fragment (with or without its '#'); null when there is none; throws when it is damaged. */
export function parseLiveFragment(fragment: string): LiveLink | null {
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const live = params.get('live');
  if (live === null) return null;
  const [room, key, ...rest] = live.split('.');
  if (rest.length > 0 || !ROOM.test(room ?? '') || !KEY.test(key ?? '')) throw new Error('This live-session link is damaged: ask for it again.');
  const role = params.get('role') ?? 'editor';
  if (!LIVE_ROLES.includes(role as LiveRole)) throw new Error(`This live-session link has an unknown role “${role.slice(0, 20)}”.`);
  return { room, key, role: role as LiveRole };
}

/** A relay address a person may set: ws:// or wss:// only. */
export function checkRelayUrl(text: string): string | null {
  try {
    const url = new URL(text.trim());
    if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return 'The relay address starts with ws:// or wss://';
    if (url.username || url.password) return 'The relay address may not carry a user name or password';
    return null;
  } catch {
    return 'That is not an address (example: wss://relay.example.com)';
  }
}
