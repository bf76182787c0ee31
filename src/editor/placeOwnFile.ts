// Where a person's own file (a question, a rubric) goes when its id is already taken: nothing
// they added is overwritten without their say. Their own file with that id can be replaced or
// kept beside the new one (under a fresh id); a built-in one can only be kept beside.
import type { Editor } from './Editor';

/** The id with the first free "-2", "-3"... after it, within the id rule's 80 characters. */
export function freeId(id: string, taken: ReadonlySet<string>): string {
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${id.slice(0, 80 - suffix.length)}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The id the file is kept under (its own, when free or replacing theirs); null when they cancelled. */
export async function placeOwnFile(
  editor: Editor,
  what: 'question' | 'rubric',
  file: { id: string; title: string },
  taken: { builtIn: ReadonlySet<string>; own: ReadonlySet<string> },
): Promise<string | null> {
  const { id, title } = file;
  const mine = taken.own.has(id);
  if (!mine && !taken.builtIn.has(id)) return id;
  const fresh = freeId(id, new Set([...taken.builtIn, ...taken.own]));
  const answer = await editor.ui.getState().ask({
    title: mine ? `You already have a ${what} with the id “${id}”` : `A built-in ${what} has the id “${id}”`,
    message: mine
      ? `“${title}” has the id of one of your own ${what}s. Keep both (the new one as “${fresh}”), replace yours with it, or cancel.`
      : `“${title}” has the id of a ${what} that comes with Faultline. Keep both (yours as “${fresh}”) or cancel.`,
    options: [{ id: 'keep-both', label: 'Keep both' }, ...(mine ? [{ id: 'replace', label: `Replace my ${what}` }] : []), { id: 'cancel', label: 'Cancel' }],
  });
  if (answer === 'keep-both') return fresh;
  return answer === 'replace' && mine ? id : null;
}
