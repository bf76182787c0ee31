// The candidate's brief beside the canvas for a diagram started from a question: the interview
// timer, the statement and requirements, the question's other diagrams, and its drills. The
// discussion points are the interviewer's (InterviewPanel), so a shared screen gives none away.
import { X } from 'lucide-react';
import { useEffect, useState } from 'react';
import { useDocument, useEditor, useQuestions } from '../../react/editorContext';
import type { QuestionTemplate } from '../../templates/types';
import { DrillCard } from './DrillCard';
import { templateFacts } from './facts';
import { GuideParts } from './GuideParts';
import { InterviewTimer } from './InterviewTimer';
import { Markdown } from './Markdown';
import { ScaleCheck } from './ScaleCheck';
import { SetupNotes } from './SetupNotes';
import './templates.css';

function useTemplate(id: string): QuestionTemplate | null | undefined {
  const editor = useEditor();
  const version = useQuestions((s) => s.version);
  const [template, setTemplate] = useState<QuestionTemplate | null | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the refetch signal: the question store bumps it when a file is added or removed
  useEffect(() => {
    let live = true;
    void editor.questions.find(id).then((t) => live && setTemplate(t));
    return () => {
      live = false;
    };
  }, [editor, id, version]);
  return template;
}

export function BriefPanel({ templateId }: { templateId: string }) {
  const editor = useEditor();
  const template = useTemplate(templateId);
  const name = useDocument((s) => s.diagram.name);
  const block = useDocument((s) => s.diagram.templateBlock ?? 1);
  const close = () => editor.ui.getState().toggle('briefOpen', false);
  return (
    <aside className="fl-side-panel fl-brief" aria-label="Question brief">
      <header>
        <h2>{template?.title ?? name}</h2>
        <button type="button" className="fl-icon-button" aria-label="Close brief" onClick={close}>
          <X size={15} aria-hidden="true" />
        </button>
      </header>
      {template === undefined ? <p className="fl-muted">Loading the question…</p> : null}
      {template === null ? <p className="fl-muted">The question this diagram was started from (“{templateId}”) is no longer in the gallery.</p> : null}
      {template ? (
        <div className="fl-brief-body">
          <p className="fl-muted">{templateFacts(template)}</p>
          <InterviewTimer />
          {template.statement ? (
            <details open>
              <summary>Problem statement</summary>
              <Markdown text={template.statement} />
            </details>
          ) : null}
          <GuideParts template={template} />
          {template.requirements ? (
            <details open>
              <summary>Scale requirements</summary>
              <Markdown text={template.requirements} />
              {template.scale ? <ScaleCheck scale={template.scale} /> : null}
            </details>
          ) : null}
          {template.discussion ? (
            <p className="fl-muted">The interviewer's deep dives and follow-ups are in Interview → Scorecard and session, each folded until revealed.</p>
          ) : null}
          {template.diagrams.length > 1 ? (
            <details>
              <summary>Diagrams ({template.diagrams.length})</summary>
              <ol className="fl-brief-diagrams">
                {template.diagrams.map((d, i) => (
                  <li key={i}>
                    {d.heading}{' '}
                    <button type="button" className="fl-link-button" onClick={() => void editor.questions.startFrom(template, i + 1)}>
                      Open as a new diagram
                    </button>
                  </li>
                ))}
              </ol>
            </details>
          ) : null}
          <SetupNotes setup={template.setup[block]} />
          {template.drills.length ? (
            <section className="fl-brief-drills" aria-label="Drills">
              <h3>Drills</h3>
              {template.drills.map((d) => (
                <DrillCard key={d.id} drill={d} diagramCount={template.diagrams.length} />
              ))}
            </section>
          ) : null}
        </div>
      ) : null}
    </aside>
  );
}
