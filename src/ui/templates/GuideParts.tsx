// A guide's sections (interview structures, red flags, calibration), each folded under its heading.
import type { QuestionTemplate } from '../../templates/types';
import { Markdown } from './Markdown';

export function GuideParts({ template }: { template: QuestionTemplate }) {
  if (template.parts.length === 0) return null;
  return (
    <div className="fl-guide-parts">
      {template.parts.map((part) => (
        <details key={part.heading}>
          <summary>{part.heading}</summary>
          <Markdown text={part.text} />
        </details>
      ))}
    </div>
  );
}
