// The interview clock with the bank's phases: start, pause, reset; the current phase and the
// time left in it, and a message when the next phase begins.
import { Pause, Play, RotateCcw } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { elapsed } from '../../editor/timerStore';
import { useEditor, useTimer } from '../../react/editorContext';
import { formatClock, INTERVIEW_PHASES, timerView } from '../../templates/timer';

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
  const view = timerView(spent);
  const lastPhase = useRef(view.phase);
  // biome-ignore lint/correctness/useExhaustiveDependencies: announces a phase change once; the ui store is the editor's and lives as long as it
  useEffect(() => {
    if (view.phase > lastPhase.current && running) {
      const p = INTERVIEW_PHASES[view.phase];
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
        <span className="fl-timer-phase">{view.overMs > 0 ? 'Over time' : INTERVIEW_PHASES[view.phase].name}</span>
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
      <ol className="fl-timer-phases" aria-label="Interview phases">
        {INTERVIEW_PHASES.map((p, i) => (
          <li key={p.name} aria-current={i === view.phase && spent > 0 ? 'step' : undefined} data-done={i < view.phase || undefined}>
            {p.name} <span className="fl-muted">{p.minutes} min</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
