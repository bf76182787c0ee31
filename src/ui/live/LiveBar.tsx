// The live session in the top bar: whether it is connected, who is here (click a person to follow
// their view), and the way to copy a link or leave. Names render as text.
import { useEditor, useLive } from '../../react/editorContext';

const STATUS_TEXT = { starting: 'Connecting…', connecting: 'Connecting…', online: 'Live', offline: 'Offline' } as const;

function initials(name: string): string {
  return (
    name
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((w) => w[0]!.toUpperCase())
      .join('') || '?'
  );
}

export function LiveBar() {
  const editor = useEditor();
  const status = useLive((s) => s.status);
  const people = useLive((s) => s.people);
  const following = useLive((s) => s.following);
  const role = useLive((s) => s.role);
  if (status === 'off') return null;
  const count = people.length;
  return (
    <section className="fl-live" aria-label="Live session">
      <span className={`fl-live-status fl-live-${status}`} role="status">
        {STATUS_TEXT[status]}
        {status === 'online' ? ` · ${count} ${count === 1 ? 'person' : 'people'}` : ''}
        {role === 'viewer' ? ' · view only' : ''}
      </span>
      <ul className="fl-live-people" aria-label="People in this session">
        {people.map((p) => (
          <li key={p.clientId}>
            <button
              type="button"
              className="fl-live-person"
              style={{ background: p.color }}
              aria-pressed={following === p.clientId}
              disabled={p.self}
              title={p.self ? `${p.name} (you)` : following === p.clientId ? `Following ${p.name}: click to stop` : `Follow ${p.name}’s view`}
              aria-label={p.self ? `${p.name} (you)` : `Follow ${p.name}`}
              onClick={() => editor.live.follow(following === p.clientId ? null : p.clientId)}
            >
              {initials(p.name)}
              {p.presenting ? <span className="fl-live-presenting" aria-hidden="true" /> : null}
            </button>
          </li>
        ))}
      </ul>
      <button type="button" className="fl-button" onClick={() => void editor.live.copyLink('editor')} disabled={role === 'viewer'}>
        Copy link
      </button>
    </section>
  );
}

/** While the relay is away: the work goes on here and syncs when it is back. */
export function LiveBanner() {
  const status = useLive((s) => s.status);
  if (status !== 'offline') return null;
  return (
    <div className="fl-banner fl-banner-warn" role="alert">
      <span>Offline: the live-session relay cannot be reached. Your edits are kept and will sync when it is back.</span>
    </div>
  );
}
