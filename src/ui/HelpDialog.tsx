// Help: the keyboard-shortcut sheet, made from the command registry (so it lists every shortcut
// there is, as the menus show it), and the replay's legend, made from the same tables the canvas
// draws with (healthStyle.ts), so the two cannot disagree.
import { HEALTH_STYLE, OUTCOME_COLOR, OUTCOME_LABEL } from '../playback/healthStyle';
import type { MenuName } from '../editor/commands/registry';
import { displayShortcut } from '../editor/commands/shortcut';
import { HOP_OUTCOMES } from '../playback/runIndex';
import { useEditor, useUi } from '../react/editorContext';
import { Modal } from './primitives/Modal';

const MENU_ORDER: MenuName[] = ['File', 'Edit', 'View', 'Arrange', 'Insert', 'Simulate', 'Live', 'Interview', 'Help'];

function Shortcuts() {
  const editor = useEditor();
  const commands = editor.commands.all().filter((c) => c.shortcuts?.length);
  const groups = MENU_ORDER.map((menu) => ({ menu, commands: commands.filter((c) => c.menu === menu) })).filter((g) => g.commands.length);
  const other = commands.filter((c) => !c.menu);
  if (other.length) groups.push({ menu: 'Canvas' as MenuName, commands: other });
  return (
    // Scrolls when long: focusable, so the keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled without a mouse
    <div className="fl-help-columns" tabIndex={0} role="region" aria-label="Shortcuts by menu">
      {groups.map((g) => (
        <section key={g.menu} aria-label={`${g.menu} shortcuts`}>
          <h3>{g.menu}</h3>
          <dl className="fl-help-keys">
            {g.commands.map((c) => (
              <div key={c.id}>
                <dt>
                  {c.shortcuts!.map((s) => (
                    <kbd key={s}>{displayShortcut(s, editor.commands.mac)}</kbd>
                  ))}
                </dt>
                <dd>{c.label}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </div>
  );
}

function Legend() {
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must take focus to be scrolled without a mouse
    <div className="fl-help-columns" tabIndex={0} role="region" aria-label="What the replay shows">
      <section aria-label="Node health">
        <h3>Nodes: health at the playhead</h3>
        <ul className="fl-help-legend">
          {Object.entries(HEALTH_STYLE).map(([health, style]) => (
            <li key={health}>
              <span className="fl-help-swatch" style={{ background: style.fill, borderColor: style.stroke }} aria-hidden="true" />
              {style.label}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Badges">
        <h3>Badges</h3>
        <ul className="fl-help-legend">
          <li>
            <span className="fl-badge fl-badge-metric">12 in flight</span> requests being served
          </li>
          <li>
            <span className="fl-badge fl-badge-metric">40 queued</span> requests waiting for a slot
          </li>
          <li>
            <span className="fl-badge fl-badge-fault">Hang</span> a fault acting on the part
          </li>
          <li>
            <span className="fl-badge fl-badge-breaker fl-breaker-open">OPEN</span> a circuit breaker failing calls fast;{' '}
            <span className="fl-badge fl-badge-breaker fl-breaker-half-open">HALF-OPEN</span> letting probes through
          </li>
          <li>Connections: thicker carries more requests; the colour is the health of the calls on it.</li>
        </ul>
      </section>
      <section aria-label="Request particles">
        <h3>Request particles: how each call ended</h3>
        <ul className="fl-help-legend">
          {HOP_OUTCOMES.map((o) => (
            <li key={o}>
              <span className="fl-help-dot" style={{ background: OUTCOME_COLOR[o] }} aria-hidden="true" />
              {OUTCOME_LABEL[o]}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function HelpDialog() {
  const editor = useEditor();
  const help = useUi((s) => s.help);
  return (
    <Modal open title={help === 'legend' ? 'Replay legend' : 'Keyboard shortcuts'} className="fl-help" onClose={() => editor.ui.getState().showHelp(null)}>
      {help === 'legend' ? <Legend /> : help === 'shortcuts' ? <Shortcuts /> : null}
    </Modal>
  );
}
