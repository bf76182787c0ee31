// Whether pasted or dropped text is worth offering to import as Mermaid: its first meaningful
// line names a diagram type, or it is Markdown with a mermaid fence. (Mermaid itself parses it.)
const HEADERS = /^(flowchart|graph|sequenceDiagram|stateDiagram(-v2)?|architecture-beta)\b/;

export function looksLikeMermaid(text: string): boolean {
  if (/^\s{0,3}(```|~~~)\s*mermaid\b/m.test(text)) return true;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('%%') || line === '---') continue;
    return HEADERS.test(line);
  }
  return false;
}

export const MERMAID_FILE = /\.(mmd|mermaid|md|markdown|txt)$/i;
