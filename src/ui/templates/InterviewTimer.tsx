// The interview clock with the bank's phases: start, pause, reset; the current phase and the
// time left in it, and a message when the next phase begins.
import { Pause, Play, RotateCcw } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { elapsed } from '../../editor/timerStore';
import { useEditor, useInterview, useTimer } from '../../react/editorContext';
import { formatClock, PHASE_STRUCTURES, timerView } from '../../templates/timer';

export function InterviewTimer() {
  const editor = useEditor();
  const running = useTimer((s) => s.startedAt !== null);
  const state = useTimer((s) => s);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [running]);
  const spent = elapsed(state, running ? now : 0);
  const structure = useInterview((s) => s.structure);
  const sessionPhases = useInterview((s) => s.session?.phases ?? null);
  const phases = sessionPhases ?? (PHASE_STRUCTURES.find((p) => p.id === structure) ?? PHASE_STRUCTURES[0]).phases;
  const view = timerView(spent, phases);
  const lastPhase = useRef(view.phase);
  // biome-ignore lint/correctness/useExhaustiveDependencies: announces a phase change once; the ui store is the editor's and lives as long as it
  useEffect(() => {
    if (view.phase > lastPhase.current && running) {
      const p = phases[view.phase];
      editor.ui.getState().notify(`Time for ${p.name.toLowerCase()}: ${p.minutes} minutes`);
    }
    lastPhase.current = view.phase;
  }, [view.phase, running]);
  return (
    <section className="fl-timer" aria-label="Interview timer">
      <div className="fl-timer-head">
        <span className="fl-timer-clock" role="timer" aria-label="Time left in this phase">
          {view.overMs > 0 ? `+${formatClock(view.overMs)}` : formatClock(view.phaseLeftMs)}
        </span>
        <span className="fl-timer-phase">{view.overMs > 0 ? 'Over time' : phases[view.phase].name}</span>
        <span className="fl-muted">
          {formatClock(spent)} of {formatClock(view.totalMs)}
        </span>
        {running ? (
          <button type="button" className="fl-icon-button" aria-label="Pause timer" onClick={() => editor.timer.getState().pause()}>
            <Pause size={15} aria-hidden="true" />
          </button>
        ) : (
          <button
            type="button"
            className="fl-icon-button"
            aria-label={spent > 0 ? 'Resume timer' : 'Start timer'}
            onClick={() => editor.timer.getState().start()}
          >
            <Play size={15} aria-hidden="true" />
          </button>
        )}
        <button type="button" className="fl-icon-button" aria-label="Reset timer" onClick={() => editor.timer.getState().reset()}>
          <RotateCcw size={14} aria-hidden="true" />
        </button>
      </div>
      {spent === 0 && !sessionPhases ? (
        <label className="fl-timer-structure">
          <span>Phases</span>
          <select value={structure} onChange={(e) => editor.interview.setStructure(e.target.value)}>
            {PHASE_STRUCTURES.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ol className="fl-timer-phases" aria-label="Interview phases">
        {phases.map((p, i) => (
          <li key={p.name} aria-current={i === view.phase && spent > 0 ? 'step' : undefined} data-done={i < view.phase || undefined}>
            {p.name} <span className="fl-muted">{p.minutes} min</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
