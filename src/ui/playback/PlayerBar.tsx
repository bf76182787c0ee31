// The player: play and pause, speed, previous and next event, loop, and the playhead slider.
// Space plays, the arrow keys move a second (Shift: to the next event), L loops.
import { ChevronLeft, ChevronRight, Pause, Play, Repeat, X } from 'lucide-react';
import { SPEEDS, type Speed } from '../../playback/clock';
import { formatTime } from '../../sim/timeline';
import type { Editor } from '../../editor/Editor';
import { runTitle } from '../../playback/runTitle';
import { useDocument, useEditor, usePlayback } from '../../react/editorContext';
import { commandEntry } from '../Menus';
import { MenuButton } from '../primitives/MenuButton';
import { freshnessText } from './RunsPanel';

/** What the run's menu offers: the replay out of the app, moving or written. */
const RUN_SHARING = ['sim.exportVideo', 'sim.postmortem'];

const SLIDER_STEP_MS = 100;
const KEY_STEP_MS = 1_000;

/** The slider keeps the player's keys: arrows a second (Shift: an event), Space plays. */
function onSliderKey(editor: Editor, e: React.KeyboardEvent<HTMLInputElement>) {
  const pb = editor.playback.getState();
  const dir = e.key === 'ArrowRight' || e.key === 'ArrowUp' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 0;
  if (e.key === ' ') pb.togglePlay();
  else if (dir !== 0 && e.shiftKey) pb.jump(dir);
  else if (dir !== 0) {
    pb.pause();
    pb.seek(pb.t + dir * KEY_STEP_MS);
  } else return;
  e.preventDefault();
}

export function PlayerBar() {
  const editor = useEditor();
  const playing = usePlayback((s) => s.playing);
  const speed = usePlayback((s) => s.speed);
  const loop = usePlayback((s) => s.loop);
  const t = usePlayback((s) => s.t);
  const run = usePlayback((s) => s.run)!;
  const runName = usePlayback((s) => s.runName);
  // Recomputed as the diagram changes: an edit the engine would see makes the replay stale.
  const stale = useDocument(() => freshnessText(editor.runs.freshness(run)));
  const pb = editor.playback.getState();
  return (
    <div className="fl-player" role="group" aria-label="Replay">
      <button type="button" className="fl-icon-button" aria-label="Previous event" title="Previous event (Shift+←)" onClick={() => pb.jump(-1)}>
        <ChevronLeft size={16} aria-hidden="true" />
      </button>
      <button
        type="button"
        className="fl-icon-button fl-play"
        aria-label={playing ? 'Pause' : 'Play'}
        title={`${playing ? 'Pause' : 'Play'} (Space)`}
        onClick={() => pb.togglePlay()}
      >
        {playing ? <Pause size={16} aria-hidden="true" /> : <Play size={16} aria-hidden="true" />}
      </button>
      <button type="button" className="fl-icon-button" aria-label="Next event" title="Next event (Shift+→)" onClick={() => pb.jump(1)}>
        <ChevronRight size={16} aria-hidden="true" />
      </button>
      <input
        className="fl-playhead"
        type="range"
        aria-label="Playhead"
        min={0}
        max={run.durationMs}
        step={SLIDER_STEP_MS}
        value={t}
        aria-valuetext={formatTime(t)}
        onChange={(e) => pb.seek(Number(e.target.value))}
        onKeyDown={(e) => onSliderKey(editor, e)}
      />
      <output className="fl-time" aria-label="Time">
        {formatTime(t)} / {formatTime(run.durationMs)}
      </output>
      <select aria-label="Speed" value={speed} onChange={(e) => pb.setSpeed(Number(e.target.value) as Speed)}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
      <button type="button" className="fl-icon-button" aria-label="Loop" aria-pressed={loop} title="Loop (L)" onClick={() => pb.setLoop(!loop)}>
        <Repeat size={15} aria-hidden="true" />
      </button>
      <span className="fl-muted fl-run-name" title={`Seed ${run.seed}`}>
        {runTitle(run, runName)}
      </span>
      {stale ? (
        <span className="fl-stale" role="note">
          {stale}
        </span>
      ) : null}
      <MenuButton
        label="Share run"
        className="fl-button"
        entries={() =>
          RUN_SHARING.flatMap((id) => {
            const c = editor.commands.get(id);
            return c ? [commandEntry(editor, c)] : [];
          })
        }
      />
      <button type="button" className="fl-icon-button" aria-label="Close replay" title="Close replay and go back to editing (Esc)" onClick={() => pb.close()}>
        <X size={15} aria-hidden="true" />
      </button>
    </div>
  );
}
