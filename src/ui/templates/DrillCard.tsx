// One drill in the brief: what it shows, Run (and with the fix, or apply the fix), the verdict in
// one line, then as drawn and with the fix under their own headings, outcome by outcome with the
// measured numbers beside the bounds.
import { Check, Play, Wrench, X } from 'lucide-react';
import { drillFits } from '../../editor/drillFits';
import { outcomeKey, type Variant } from '../../editor/questions';
import { DEFAULT_SEEDS, type OutcomeOverSeeds, seedSensitive } from '../../editor/studies';
import { useDocument, useEditor, usePlayback, useQuestions, useStudies } from '../../react/editorContext';
import type { Drill } from '../../templates/types';
import { Markdown } from './Markdown';

const VARIANT_LABEL: Record<Variant, string> = { 'as-is': 'As drawn', fixed: 'With the fix' };

function useOutcome(drill: Drill, variant: Variant) {
  const diagramId = useDocument((s) => s.diagram.id);
  return useQuestions((s) => s.outcomes[outcomeKey(diagramId, drill, variant)]);
}

const shows = (o: ReturnType<typeof useOutcome>) => (o ? !o.error && o.checks.every((c) => c.met) : undefined);

/** The drill's answer in one line, before the numbers: did it show what it says, and did the fix cure it. */
function Verdict({ drill }: { drill: Drill }) {
  const asIs = shows(useOutcome(drill, 'as-is'));
  const fixed = shows(useOutcome(drill, 'fixed'));
  if (asIs === undefined && fixed === undefined) return null;
  const parts = [
    asIs === undefined ? null : asIs ? 'The drill shows it' : 'As drawn, it does not show it',
    fixed === undefined ? null : fixed ? 'the fix cures it' : 'the fix does not cure it',
  ].filter(Boolean) as string[];
  const text = parts.join(parts.length > 1 ? (asIs === fixed ? ', and ' : '; ') : '');
  const good = asIs !== false && fixed !== false;
  return (
    <p className="fl-drill-verdict" data-met={good || undefined} role="status" aria-label="Drill verdict">
      {good ? <Check size={14} aria-hidden="true" /> : <X size={14} aria-hidden="true" />} {text.charAt(0).toUpperCase() + text.slice(1)}.
    </p>
  );
}

function Outcome({ drill, variant }: { drill: Drill; variant: Variant }) {
  const outcome = useOutcome(drill, variant);
  if (!outcome) return null;
  const label = VARIANT_LABEL[variant];
  if (outcome.error)
    return (
      <section className="fl-drill-result" aria-label={label}>
        <h5>{label}</h5>
        <p className="fl-field-error">The outcome could not be checked: {outcome.error}</p>
      </section>
    );
  const met = outcome.checks.every((c) => c.met);
  return (
    <section className="fl-drill-result" aria-label={label}>
      <h5 data-met={met || undefined}>
        {label}: {met ? 'shown' : 'not shown'} ({outcome.checks.filter((c) => c.met).length} of {outcome.checks.length} outcomes)
      </h5>
      <ul className="fl-drill-checks" aria-label={`${label}: ${met ? 'shown' : 'not shown'}`}>
        {outcome.checks.map((c, i) => (
          <li key={i} data-met={c.met || undefined}>
            {c.met ? <Check size={13} aria-label="met" /> : <X size={13} aria-label="not met" />} {c.text}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The drill (and its fix) over seeds: in how many each outcome held, and whether it is seed-sensitive. */
function OverSeeds({ drill }: { drill: Drill }) {
  const editor = useEditor();
  const busy = useStudies((s) => s.running !== null);
  const diagramId = useDocument((s) => s.diagram.id);
  const asIs = useQuestions((s) => s.overSeeds[outcomeKey(diagramId, drill, 'as-is')]);
  const fixed = useQuestions((s) => s.overSeeds[outcomeKey(diagramId, drill, 'fixed')]);
  const check = async () => {
    if (!(await editor.questions.checkDrillOverSeeds(drill, 'as-is'))) return;
    if (drill.fix) await editor.questions.checkDrillOverSeeds(drill, 'fixed');
  };
  const list = (label: string, outcomes: OutcomeOverSeeds[] | undefined) =>
    outcomes ? (
      <section className="fl-overseeds" aria-label={`${label} over seeds`}>
        <h5>
          {label} over {outcomes[0]?.of ?? 0} seeds
          {seedSensitive(outcomes) ? <span className="fl-seed-sensitive">seed-sensitive</span> : null}
        </h5>
        <ul>
          {outcomes.map((o) => (
            <li key={o.label}>
              {o.label}: held in {o.held} of {o.of}
            </li>
          ))}
        </ul>
      </section>
    ) : null;
  return (
    <>
      <button type="button" className="fl-button" disabled={busy} onClick={() => void check()}>
        Check over {DEFAULT_SEEDS} seeds
      </button>
      {list(VARIANT_LABEL['as-is'], asIs)}
      {list(VARIANT_LABEL.fixed, fixed)}
    </>
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
      <Verdict drill={drill} />
      <Outcome drill={drill} variant="as-is" />
      <Outcome drill={drill} variant="fixed" />
      {fits ? <OverSeeds drill={drill} /> : null}
    </article>
  );
}
