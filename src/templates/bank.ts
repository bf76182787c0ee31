// The built-in question bank: the Markdown files of the top-level templates/ folder, bundled as
// text and parsed when the gallery first needs them.
import { parseTemplate } from './parseTemplate';
import type { QuestionTemplate } from './types';

const files = import.meta.glob<string>('/templates/*.md', { query: '?raw', import: 'default' });

let loaded: Promise<QuestionTemplate[]> | null = null;

export function builtInTemplates(): Promise<QuestionTemplate[]> {
  loaded ??= Promise.all(
    Object.keys(files)
      .sort()
      .map(async (path) => parseTemplate(await files[path]())),
  );
  return loaded;
}
