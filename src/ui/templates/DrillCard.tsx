// One drill in the brief: what it shows, Run (and with the fix, or apply the fix), and whether
// the last run showed it, outcome by outcome with the measured numbers.
import { Check, Play, Wrench, X } from 'lucide-react';
import { drillFits } from '../../editor/drillFits';
import { outcomeKey, type Variant } from '../../editor/questions';
import { useDocument, useEditor, usePlayback, useQuestions } from '../../react/editorContext';
import type { Drill } from '../../templates/types';
import { Markdown } from './Markdown';

function Outcome({ drill, variant }: { drill: Drill; variant: Variant }) {
  const diagramId = useDocument((s) => s.diagram.id);
  const outcome = useQuestions((s) => s.outcomes[outcomeKey(diagramId, drill, variant)]);
  if (!outcome) return null;
  if (outcome.error) return <p className="fl-field-error">The outcome could not be checked: {outcome.error}</p>;
  const met = outcome.checks.every((c) => c.met);
  return (
    <ul className="fl-drill-checks" aria-label={`${variant === 'fixed' ? 'With the fix' : 'As drawn'}: ${met ? 'shown' : 'not shown'}`}>
      {outcome.checks.map((c, i) => (
        <li key={i} data-met={c.met || undefined}>
          {c.met ? <Check size={13} aria-label="met" /> : <X size={13} aria-label="not met" />} {c.text}
        </li>
      ))}
    </ul>
  );
}

export function DrillCard({ drill, diagramCount }: { drill: Drill; diagramCount: number }) {
  const editor = useEditor();
  const running = usePlayback((s) => s.status.kind === 'running');
  // Re-checked when the diagram changes: a drill whose parts were removed cannot run.
  const fits = useDocument((s) => drillFits(s.diagram, drill));
  return (
    <article className="fl-drill" aria-label={drill.title}>
      <h4>{drill.title}</h4>
      <Markdown text={drill.description} />
      {fits ? (
        <div className="fl-drill-actions">
          <button type="button" className="fl-button fl-button-primary" disabled={running} onClick={() => void editor.questions.runDrill(drill, 'as-is')}>
            <Play size={12} aria-hidden="true" /> Run drill
          </button>
          {drill.fix ? (
            <>
              <button
                type="button"
                className="fl-button"
                disabled={running}
                onClick={() => void editor.questions.runDrill(drill, 'fixed')}
                title={drill.fix.title}
              >
                <Play size={12} aria-hidden="true" /> Run with the fix
              </button>
              <button type="button" className="fl-button" onClick={() => editor.questions.applyFix(drill)} title="Change the diagram itself (one undo step)">
                <Wrench size={12} aria-hidden="true" /> Apply the fix
              </button>
            </>
          ) : null}
        </div>
      ) : (
        <p className="fl-muted">
          {diagramCount > 1
            ? `This drill runs on diagram ${drill.diagram}: open it from the list above.`
            : 'This diagram no longer has the parts this drill breaks.'}
        </p>
      )}
      {drill.fix ? <p className="fl-muted">Fix: {drill.fix.title}</p> : null}
      <Outcome drill={drill} variant="as-is" />
      <Outcome drill={drill} variant="fixed" />
    </article>
  );
}
