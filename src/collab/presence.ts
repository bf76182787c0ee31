// Presence over Yjs awareness: who is here, where their pointer is, what they have selected, what
// they look at and, when presenting, where their replay is. Names are sealed like every other
// text; everything else is ids and numbers. Peers' states are untrusted and read field by field.
import type { XY } from '../model';
import type { LiveRole } from './liveLink';
import { LIVE_ROLES } from './liveLink';

export const PRESENCE_COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#c026d3', '#4d7c0f'] as const;

/** What this tab publishes (name as a sealed token). */
export interface PresenceState {
  name: string;
  color: number;
  role: LiveRole;
  cursor?: XY | null;
  selection?: string[];
  viewport?: { x: number; y: number; zoom: number } | null;
  presenting?: boolean;
  playheadMs?: number | null;
}

/** A person in the room as this tab shows them. */
export interface Person {
  clientId: number;
  name: string;
  color: string;
  role: LiveRole;
  cursor: XY | null;
  selection: string[];
  viewport: { x: number; y: number; zoom: number } | null;
  presenting: boolean;
  playheadMs: number | null;
  self: boolean;
}

const finite = (v: unknown, limit = 1e7): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= limit;

function point(v: unknown): XY | null {
  if (typeof v !== 'object' || v === null) return null;
  const { x, y } = v as Record<string, unknown>;
  return finite(x) && finite(y) ? { x, y } : null;
}

/** A peer's awareness state read safely; null when it is not a presence at all. */
export function readPresence(clientId: number, raw: unknown, openName: (token: string) => string | undefined, self: boolean): Person | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (typeof r.name !== 'string') return null;
  const name = (openName(r.name) ?? 'Someone').slice(0, 60).trim() || 'Someone';
  const colorIndex =
    finite(r.color) && Number.isInteger(r.color) && r.color >= 0 && r.color < PRESENCE_COLORS.length ? r.color : clientId % PRESENCE_COLORS.length;
  const role = LIVE_ROLES.includes(r.role as LiveRole) ? (r.role as LiveRole) : 'viewer';
  const selection = Array.isArray(r.selection) ? r.selection.filter((s): s is string => typeof s === 'string' && s.length <= 200).slice(0, 1000) : [];
  const vp = r.viewport as Record<string, unknown> | null | undefined;
  const viewport =
    vp && typeof vp === 'object' && finite(vp.x) && finite(vp.y) && finite(vp.zoom, 100) && vp.zoom > 0 ? { x: vp.x, y: vp.y, zoom: vp.zoom } : null;
  return {
    clientId,
    name,
    color: PRESENCE_COLORS[colorIndex],
    role,
    cursor: point(r.cursor),
    selection,
    viewport,
    presenting: r.presenting === true,
    playheadMs: finite(r.playheadMs, 1e10) && r.playheadMs >= 0 ? r.playheadMs : null,
    self,
  };
}
