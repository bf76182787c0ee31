// The interviewer's panel: the session scrubber (the canvas shows the design of that moment), the
// scorecard with every level's descriptors and the live weighted score, red flags, the feedback
// template's indicators, and evidence notes pinned to a moment and the selected node. Kept on this
// device only; nothing here enters the diagram.
import { useEffect, useState } from 'react';
import { addOwnFile } from '../../editor/addOwnFile';
import { scoreRubric } from '../../interview/score';
import { clockText, COLLABORATION_INDICATORS, type EvidenceKind, PRODUCTION_INDICATORS } from '../../interview/scorecard';
import { discussionPrompts } from '../../interview/prompts';
import { phaseAt } from '../../interview/session';
import type { QuestionTemplate } from '../../templates/types';
import { Markdown } from '../templates/Markdown';
import { useDocument, useEditor, useInterview, useTimer } from '../../react/editorContext';

function SessionScrubber() {
  const editor = useEditor();
  const session = useInterview((s) => s.session);
  const preview = useInterview((s) => s.preview);
  useTimer((s) => s.startedAt);
  // The session grows while the interview runs: the track's end moves with the clock.
  const [, tick] = useState(0);
  useEffect(() => {
    const id = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(id);
  }, []);
  if (!session)
    return (
      <section className="fl-iv-section" aria-label="Session replay">
        <p className="fl-hint">Starting the interview clock records the session: every change, run and note with its moment, replayable afterwards.</p>
        <button type="button" className="fl-button fl-button-primary" onClick={() => editor.timer.getState().start(editor.env.now())}>
          Start the interview clock
        </button>
      </section>
    );
  const duration = Math.max(editor.interview.sessionTime(), session.events.at(-1)?.t ?? 0);
  const t = preview?.t ?? duration;
  const phase = session.phases[phaseAt(session.phases, t).index];
  const notes = session.events.filter((e) => e.type === 'note');
  const runs = session.events.filter((e) => e.type === 'run');
  const span = Math.max(1000, duration);
  const at = (ms: number) => `${Math.min(100, (ms / span) * 100)}%`;
  let phaseStart = 0;
  return (
    <section className="fl-iv-section" aria-label="Session replay">
      <h3>Session</h3>
      <div className="fl-iv-track" aria-hidden="true">
        {session.phases.map((p, i) => {
          const left = phaseStart;
          phaseStart += p.minutes * 60_000;
          return left < span ? (
            <span
              key={p.name}
              className={`fl-iv-band fl-iv-band-${i % 2}`}
              style={{ left: at(left), width: `calc(${at(Math.min(span, phaseStart))} - ${at(left)})` }}
              title={p.name}
            />
          ) : null;
        })}
        {notes.map((n, i) => (
          <span key={`n${i}`} className="fl-iv-mark fl-iv-mark-note" style={{ left: at(n.t) }} />
        ))}
        {runs.map((r, i) => (
          <span key={`r${i}`} className="fl-iv-mark fl-iv-mark-run" style={{ left: at(r.t) }} />
        ))}
      </div>
      <input
        type="range"
        className="fl-iv-scrub"
        aria-label="Session moment"
        min={0}
        max={span}
        step={1000}
        value={t}
        onChange={(e) => editor.interview.scrub(Number(e.target.value))}
      />
      <div className="fl-iv-row">
        <span role="status" aria-label="Session time">
          {preview ? `Showing ${clockText(t)}` : `Now ${clockText(t)}`}
          {phase ? ` · ${phase.name}` : ''}
        </span>
        <Player duration={duration} />
        {preview ? (
          <button type="button" className="fl-button" onClick={() => editor.interview.scrub(null)}>
            Back to now
          </button>
        ) : null}
      </div>
      {notes.length + runs.length > 0 ? (
        <ul className="fl-iv-markers" aria-label="Notes and runs in the session">
          {[...notes, ...runs]
            .sort((a, b) => a.t - b.t)
            .map((n, i) => (
              <li key={`${n.type}${i}`}>
                <button type="button" className="fl-link" onClick={() => editor.interview.scrub(n.t)}>
                  {clockText(n.t)}
                </button>{' '}
                {n.type === 'note' ? n.text : n.type === 'run' ? `Run: ${n.summary}` : ''}
              </li>
            ))}
        </ul>
      ) : null}
    </section>
  );
}

const SPEEDS = [1, 5, 10, 30, 60];

/** Plays the session from the moment shown, at 1× to 60×. */
function Player({ duration }: { duration: number }) {
  const editor = useEditor();
  const [speed, setSpeed] = useState(10);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    const id = setInterval(() => {
      const now = performance.now();
      const from = editor.interview.store.getState().preview?.t ?? 0;
      const next = from + (now - last) * speed;
      last = now;
      if (next >= duration) {
        setPlaying(false);
        editor.interview.scrub(null);
      } else editor.interview.scrub(next);
    }, 100);
    return () => clearInterval(id);
  }, [editor, playing, speed, duration]);
  return (
    <>
      <button type="button" className="fl-button" onClick={() => setPlaying(!playing)}>
        {playing ? 'Pause' : 'Play'}
      </button>
      <select aria-label="Replay speed" value={speed} onChange={(e) => setSpeed(Number(e.target.value))}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </>
  );
}

function Evidence() {
  const editor = useEditor();
  const evidence = useInterview((s) => s.card.evidence);
  const [text, setText] = useState('');
  const add = (kind: EvidenceKind) => {
    if (editor.interview.addEvidence(kind, text)) setText('');
  };
  return (
    <section className="fl-iv-section" aria-label="Evidence">
      <h3>Evidence</h3>
      <textarea
        className="fl-iv-text"
        aria-label="Evidence note"
        placeholder="What they said or did (pinned to now and the selected node)"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="fl-iv-row">
        <button type="button" className="fl-button" disabled={!text.trim()} onClick={() => add('highlight')}>
          Add highlight
        </button>
        <button type="button" className="fl-button" disabled={!text.trim()} onClick={() => add('gap')}>
          Add gap
        </button>
        <button type="button" className="fl-button" disabled={!text.trim()} onClick={() => add('note')}>
          Add note
        </button>
      </div>
      <ul className="fl-iv-evidence" aria-label="Evidence notes">
        {[...evidence]
          .sort((a, b) => a.t - b.t)
          .map((e) => (
            <li key={e.id}>
              <button type="button" className="fl-link" onClick={() => editor.interview.scrub(e.t)} title="Show the design at this moment">
                {clockText(e.t)}
              </button>{' '}
              <span className={`fl-iv-kind fl-iv-${e.kind}`}>{e.kind}</span> {e.text}
              {e.nodeLabel ? <em> (on {e.nodeLabel})</em> : null}{' '}
              <button
                type="button"
                className="fl-link"
                aria-label={`Remove the note “${e.text.slice(0, 30)}”`}
                onClick={() => editor.interview.removeEvidence(e.id)}
              >
                ×
              </button>
            </li>
          ))}
      </ul>
    </section>
  );
}

function Scorecard() {
  const editor = useEditor();
  const card = useInterview((s) => s.card);
  const rubrics = useInterview((s) => s.rubrics);
  const own = useInterview((s) => s.ownRubrics);
  const diagramName = useDocument((s) => s.diagram.name);
  const rubric = rubrics?.find((r) => r.id === card.rubricId) ?? rubrics?.[0];
  if (!rubric || !rubrics) return null;
  const result = scoreRubric(rubric, card.scores);
  const total = rubric.criteria.reduce((n, c) => n + c.weight, 0);
  return (
    <section className="fl-iv-section" aria-label="Scorecard">
      <h3>Scorecard</h3>
      <label className="fl-iv-field">
        <span>Rubric</span>
        <select value={rubric.id} onChange={(e) => editor.interview.setRubric(e.target.value)}>
          {rubrics.map((r) => (
            <option key={r.id} value={r.id}>
              {r.title}
              {own.includes(r.id) ? ' (yours)' : ''}
            </option>
          ))}
        </select>
      </label>
      <div className="fl-iv-row">
        <button
          type="button"
          className="fl-link"
          onClick={() =>
            void addOwnFile(editor, 'rubric', async (text) => {
              const rubric = await editor.interview.importRubric(text);
              return rubric ? `Added the rubric “${rubric.title}”: this scorecard uses it now` : null;
            })
          }
        >
          Add a rubric file…
        </button>
        {own.includes(rubric.id) ? (
          <button type="button" className="fl-link" onClick={() => void editor.interview.removeRubric(rubric.id)}>
            Remove this rubric
          </button>
        ) : null}
      </div>
      <label className="fl-iv-field">
        <span>Candidate</span>
        <input value={card.candidate} maxLength={100} onChange={(e) => editor.interview.setDetails({ candidate: e.target.value })} />
      </label>
      <label className="fl-iv-field">
        <span>Interviewer</span>
        <input value={card.interviewer} maxLength={100} onChange={(e) => editor.interview.setDetails({ interviewer: e.target.value })} />
      </label>
      <label className="fl-iv-field">
        <span>Problem</span>
        <input value={card.problem} maxLength={200} placeholder={diagramName} onChange={(e) => editor.interview.setDetails({ problem: e.target.value })} />
      </label>
      <p className="fl-iv-score" role="status" aria-label="Weighted score">
        {result.score === null ? 'Not scored yet' : `${result.score.toFixed(2)} / ${rubric.scale.max}`}
        {result.band ? ` · ${result.band}` : ''}
        {result.score !== null && result.scored < rubric.criteria.length ? ` (${result.scored} of ${rubric.criteria.length} scored)` : ''}
      </p>
      {rubric.criteria.map((c) => {
        const chosen = card.scores[c.name];
        return (
          <fieldset key={c.name} className="fl-iv-criterion">
            <legend>
              {c.name} ({Math.round((c.weight / total) * 100)}%)
            </legend>
            <div className="fl-iv-levels">
              {Object.keys(rubric.levels)
                .map(Number)
                .sort((a, b) => b - a)
                .map((level) => (
                  <label key={level} title={c.descriptors[level]?.join('\n')}>
                    <input type="radio" name={`score-${c.name}`} checked={chosen === level} onChange={() => editor.interview.setScore(c.name, level)} />
                    {level} {rubric.levels[level]}
                  </label>
                ))}
            </div>
            {chosen !== undefined ? (
              <ul className="fl-iv-descriptors">
                {c.descriptors[chosen].map((d) => (
                  <li key={d}>{d}</li>
                ))}
              </ul>
            ) : null}
          </fieldset>
        );
      })}
      {rubric.redFlags.length > 0 ? (
        <fieldset className="fl-iv-criterion">
          <legend>Red flags</legend>
          {rubric.redFlags.map((f) => (
            <label key={f.name} className="fl-iv-check" title={f.description}>
              <input type="checkbox" checked={card.redFlags.includes(f.name)} onChange={() => editor.interview.toggleRedFlag(f.name)} />
              {f.group}: {f.name}
            </label>
          ))}
        </fieldset>
      ) : null}
      {(
        [
          ['Production experience', 'production', PRODUCTION_INDICATORS],
          ['Collaboration and leadership', 'collaboration', COLLABORATION_INDICATORS],
        ] as const
      ).map(([title, key, options]) => (
        <fieldset key={key} className="fl-iv-criterion">
          <legend>{title}</legend>
          {options.map((o, i) => (
            <label key={o} className="fl-iv-check">
              <input type="radio" name={key} checked={card[key] === i} onChange={() => editor.interview.setDetails({ [key]: i })} />
              {o}
            </label>
          ))}
        </fieldset>
      ))}
    </section>
  );
}

/**
 * The question's deep dives and follow-ups for the interviewer: each stays folded until revealed,
 * so a glance (or a shared screen) gives nothing away before its time.
 */
function InterviewerBrief() {
  const editor = useEditor();
  const templateId = useDocument((s) => s.diagram.templateId);
  const [template, setTemplate] = useState<QuestionTemplate | null>(null);
  const [revealed, setRevealed] = useState<ReadonlySet<number>>(new Set());
  useEffect(() => {
    let live = true;
    setRevealed(new Set());
    if (templateId) void editor.questions.find(templateId).then((t) => live && setTemplate(t ?? null));
    else setTemplate(null);
    return () => {
      live = false;
    };
  }, [editor, templateId]);
  if (!template?.discussion) return null;
  const prompts = discussionPrompts(template.discussion);
  return (
    <section className="fl-iv-section" aria-label="Deep dives and follow-ups">
      <h3>Deep dives and follow-ups</h3>
      <ol className="fl-iv-prompts">
        {prompts.map((p, i) => (
          <li key={p}>
            {revealed.has(i) ? (
              <Markdown text={p} />
            ) : (
              <button type="button" className="fl-link" onClick={() => setRevealed(new Set([...revealed, i]))}>
                Reveal prompt {i + 1}
              </button>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

export function InterviewPanel() {
  const editor = useEditor();
  return (
    <aside className="fl-side-panel fl-iv" aria-label="Interviewer">
      <header className="fl-iv-head">
        <h2>Interviewer</h2>
        <span className="fl-hint">Only on this device: never in the diagram, its file, link or Mermaid.</span>
        <button type="button" className="fl-icon-button" onClick={() => void editor.interview.openPanel(false)} aria-label="Close the interviewer panel">
          ×
        </button>
      </header>
      <SessionScrubber />
      <InterviewerBrief />
      <Evidence />
      <Scorecard />
      <div className="fl-iv-row">
        <button type="button" className="fl-button fl-button-primary" onClick={() => void editor.interview.exportReport()}>
          Export feedback report (.md)
        </button>
        <button type="button" className="fl-button" onClick={() => void editor.interview.openPrint()}>
          Printable page (PDF)…
        </button>
      </div>
    </aside>
  );
}
