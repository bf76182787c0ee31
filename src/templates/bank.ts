// The built-in question bank: the Markdown files of the top-level templates/ folder, bundled as
// text and parsed when the gallery first needs them.
import { parseTemplate } from './parseTemplate';
import type { QuestionTemplate } from './types';

const files = import.meta.glob<string>('/templates/*.md', { query: '?raw', import: 'default' });

/** Parses the bank (about 30 ms); callers that ask often keep the result (the Editor does). */
export function builtInTemplates(): Promise<QuestionTemplate[]> {
  return Promise.all(
    Object.keys(files)
      .sort()
      .map(async (path) => parseTemplate(await files[path]())),
  );
}
