// The rubrics that ship, from templates/rubrics/*.md, bundled as text and parsed on first use.
import { parseRubric, type Rubric } from './rubric';

const files = import.meta.glob<string>('/templates/rubrics/*.md', { query: '?raw', import: 'default', eager: true });

export function builtInRubrics(): Rubric[] {
  return Object.keys(files)
    .sort()
    .map((path) => parseRubric(files[path]));
}
