// A question's discussion points as separate prompts for the interviewer's brief: each list item
// of the Markdown (numbered or bulleted, with its continuation lines) is one prompt; text outside
// a list is one prompt per paragraph.
export function discussionPrompts(markdown: string): string[] {
  const prompts: string[] = [];
  let current: string[] | null = null;
  const flush = () => {
    if (current?.join(' ').trim()) prompts.push(current.join('\n').trim());
    current = null;
  };
  for (const raw of markdown.split('\n')) {
    const item = /^\s{0,3}(?:\d+[.)]|[-*+])\s+(.*)$/.exec(raw);
    if (item) {
      flush();
      current = [item[1]];
    } else if (!raw.trim()) {
      if (current && !/^\s{0,3}(?:\d+[.)]|[-*+])\s/.test(raw)) flush();
    } else if (current) current.push(raw.trim());
    else current = [raw.trim()];
  }
  flush();
  return prompts;
}
