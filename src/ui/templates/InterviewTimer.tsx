// The interview clock with the bank's phases: start, pause, reset; the current phase and the
// time left in it, and a message when the next phase begins.
import { Pause, Play, RotateCcw } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { createTimerStore, elapsed } from '../../store/timerStore';
import { formatClock, INTERVIEW_PHASES, timerView } from '../../templates/timer';
import { uiStore } from '../stores';

/** One clock for the page: it keeps counting when the brief is closed and reopened. */
export const interviewClock = createTimerStore();

export function InterviewTimer() {
  const running = useStore(interviewClock, (s) => s.startedAt !== null);
  const state = useStore(interviewClock, (s) => s);
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [running]);
  const spent = elapsed(state, running ? now : 0);
  const view = timerView(spent);
  const lastPhase = useRef(view.phase);
  useEffect(() => {
    if (view.phase > lastPhase.current && running) {
      const p = INTERVIEW_PHASES[view.phase];
      uiStore.getState().notify(`Time for ${p.name.toLowerCase()}: ${p.minutes} minutes`);
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
          <button type="button" className="fl-icon-button" aria-label="Pause timer" onClick={() => interviewClock.getState().pause()}>
            <Pause size={15} aria-hidden="true" />
          </button>
        ) : (
          <button
            type="button"
            className="fl-icon-button"
            aria-label={spent > 0 ? 'Resume timer' : 'Start timer'}
            onClick={() => interviewClock.getState().start()}
          >
            <Play size={15} aria-hidden="true" />
          </button>
        )}
        <button type="button" className="fl-icon-button" aria-label="Reset timer" onClick={() => interviewClock.getState().reset()}>
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
