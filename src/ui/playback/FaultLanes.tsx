// The scenario's faults as bars on lanes under the canvas, on the run's time axis. Drag a bar to
// move it, drag its ends to resize it (one undo step per drag); with the keyboard, arrows move a
// focused bar by a second, Shift+arrows change its end, Delete removes it. With a run open, the
// playhead is drawn across the lanes and clicking the axis moves it.
import { useRef } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Fault, Scenario } from '../../model';
import { faultTargetName, faultType } from '../../model';
import { formatTime } from '../../sim/timeline';
import { useEditor, useDocument, usePlayback, useUi } from '../../react/editorContext';

const SNAP_MS = 100;
const KEY_STEP_MS = 1_000;

type Grip = 'move' | 'start' | 'end';

function ticks(durationMs: number): number[] {
  const steps = [1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000];
  const step = steps.find((s) => durationMs / s <= 12) ?? 3_600_000;
  return Array.from({ length: Math.floor(durationMs / step) + 1 }, (_, i) => i * step);
}

function Playhead({ durationMs }: { durationMs: number }) {
  const t = usePlayback((s) => (s.run ? s.t : null));
  if (t === null) return null;
  return <div className="fl-lane-playhead" style={{ left: `${(100 * Math.min(t, durationMs)) / durationMs}%` }} aria-hidden="true" />;
}

function FaultBar({ scenario, fault, track }: { scenario: Scenario; fault: Fault; track: React.RefObject<HTMLDivElement | null> }) {
  const editor = useEditor();
  const selected = useUi((s) => s.selectedFault === fault.id);
  const name = useDocument((s) => faultTargetName(s.diagram, fault.target));
  const label = `${faultType(fault.type).label} on ${name}, ${formatTime(fault.startMs)} to ${formatTime(fault.endMs)}`;
  const d = scenario.durationMs;

  const drag = (grip: Grip) => (e: React.PointerEvent) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    editor.ui.getState().selectFault(fault.id);
    const width = track.current!.getBoundingClientRect().width;
    const x0 = e.clientX;
    const { startMs, endMs } = fault;
    const target = e.currentTarget as HTMLElement;
    target.setPointerCapture(e.pointerId);
    let began = false;
    const move = (ev: PointerEvent) => {
      const delta = Math.round((((ev.clientX - x0) / width) * d) / SNAP_MS) * SNAP_MS;
      if (!began) {
        if (delta === 0) return;
        editor.doc.getState().beginGesture(grip === 'move' ? 'Move fault' : 'Resize fault');
        began = true;
      }
      const length = endMs - startMs;
      let patch: { startMs: number; endMs: number };
      if (grip === 'move') {
        const start = Math.min(Math.max(0, startMs + delta), d - length);
        patch = { startMs: Math.max(0, start), endMs: Math.max(0, start) + length };
      } else if (grip === 'start') patch = { startMs: Math.min(Math.max(0, startMs + delta), endMs - SNAP_MS), endMs };
      else patch = { startMs, endMs: Math.max(startMs + SNAP_MS, Math.min(d, endMs + delta)) };
      editor.actions.updateFault(scenario.id, fault.id, patch);
    };
    const up = () => {
      target.removeEventListener('pointermove', move);
      target.removeEventListener('pointerup', up);
      target.removeEventListener('pointercancel', up);
      if (began) editor.doc.getState().endGesture();
    };
    target.addEventListener('pointermove', move);
    target.addEventListener('pointerup', up);
    target.addEventListener('pointercancel', up);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    const length = fault.endMs - fault.startMs;
    const step = e.key === 'ArrowRight' ? KEY_STEP_MS : e.key === 'ArrowLeft' ? -KEY_STEP_MS : 0;
    if (step !== 0) {
      e.preventDefault();
      if (e.shiftKey)
        editor.report(editor.actions.updateFault(scenario.id, fault.id, { endMs: Math.min(d, Math.max(fault.startMs + SNAP_MS, fault.endMs + step)) }));
      else {
        const start = Math.min(Math.max(0, fault.startMs + step), d - length);
        editor.report(editor.actions.updateFault(scenario.id, fault.id, { startMs: start, endMs: start + length }));
      }
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      editor.actions.removeFault(scenario.id, fault.id);
      editor.ui.getState().notify(`Removed: ${label}`, 'info', { label: 'Undo', run: () => editor.undo() });
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      editor.ui.getState().selectFault(fault.id);
    }
  };

  return (
    <div
      className="fl-fault-bar"
      role="button"
      tabIndex={0}
      aria-label={label}
      aria-pressed={selected}
      title={`${label}. Drag to move, drag an end to resize; arrows move it, Shift+arrows change its end.`}
      data-type={fault.type}
      style={{ left: `${(100 * fault.startMs) / d}%`, width: `${(100 * (Math.min(fault.endMs, d) - fault.startMs)) / d}%` }}
      onPointerDown={drag('move')}
      onKeyDown={onKeyDown}
    >
      <span className="fl-fault-grip fl-fault-grip-start" onPointerDown={drag('start')} aria-hidden="true" />
      <span className="fl-fault-bar-text">{faultType(fault.type).label}</span>
      <span className="fl-fault-grip fl-fault-grip-end" onPointerDown={drag('end')} aria-hidden="true" />
    </div>
  );
}

export function NoFaults() {
  return (
    <p className="fl-muted fl-lanes-empty">
      No faults yet. Right-click a node, a connection or a group on the canvas (or select it and press Shift+F10) to inject one.
    </p>
  );
}

export function FaultLanes({ scenario }: { scenario: Scenario }) {
  const editor = useEditor();
  const track = useRef<HTMLDivElement>(null);
  const d = scenario.durationMs;
  const names = useDocument(useShallow((s) => scenario.faults.map((f) => faultTargetName(s.diagram, f.target))));
  const seekAt = (e: React.MouseEvent) => {
    const pb = editor.playback.getState();
    if (!pb.run) return;
    const r = track.current!.getBoundingClientRect();
    pb.seek(((e.clientX - r.left) / r.width) * d);
  };
  return (
    <div className="fl-lanes">
      <div className="fl-lane fl-lane-axis">
        <span className="fl-lane-name fl-muted">Time</span>
        {/* biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a pointer shortcut; the player's slider seeks by keyboard */}
        <div className="fl-lane-track" ref={track} onClick={seekAt} title="Click to move the playhead here">
          {ticks(d).map((t) => (
            <span key={t} className="fl-tick" style={{ left: `${(100 * t) / d}%` }}>
              {d > 120_000 && t % 60_000 === 0 ? `${t / 60_000} min` : `${t / 1000} s`}
            </span>
          ))}
          <Playhead durationMs={d} />
        </div>
      </div>
      <ol className="fl-lane-list" aria-label="Faults">
        {scenario.faults.map((f, i) => (
          <li key={f.id} className="fl-lane">
            <span className="fl-lane-name" title={names[i]}>
              {names[i]}
            </span>
            <div className="fl-lane-track">
              <FaultBar scenario={scenario} fault={f} track={track} />
              <Playhead durationMs={d} />
            </div>
          </li>
        ))}
      </ol>
      {scenario.faults.length === 0 ? <NoFaults /> : null}
    </div>
  );
}
