// The person's own Markdown file (a question for the gallery, a rubric for the scorecard): picked,
// handed to `add`, and answered with what was added (nothing when `add` gives null: the person
// cancelled) or why the file was refused.
import type { Editor } from './Editor';

export async function addOwnFile(editor: Editor, what: 'question' | 'rubric', add: (text: string) => Promise<string | null>): Promise<void> {
  const file = await editor.env.pickFile('.md,.markdown,text/markdown');
  if (!file) return;
  try {
    const message = await add(await file.text());
    if (message) editor.notify(message);
  } catch (error) {
    editor.notify(`${file.name} is not a ${what} file: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}
