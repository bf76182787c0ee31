// Mermaid fences in Markdown, each with the nearest heading above it. This reads Markdown's
// block structure (fences and headings), not diagram text: diagrams are parsed by mermaid.
export interface MermaidBlock {
  index: number;
  heading: string;
  /** 1-based line of the fence's first diagram line in the Markdown file. */
  line: number;
  text: string;
}

const FENCE = /^(\s{0,3})(`{3,}|~{3,})\s*([^\s`]*)/;

export function mermaidBlocks(markdown: string): MermaidBlock[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: MermaidBlock[] = [];
  let heading = '';
  let open: { marker: string; info: string; start: number; body: string[] } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (open) {
      const close = line.match(/^\s{0,3}(`{3,}|~{3,})\s*$/);
      if (close && close[1][0] === open.marker[0] && close[1].length >= open.marker.length) {
        if (open.info === 'mermaid') blocks.push({ index: blocks.length, heading, line: open.start + 1, text: open.body.join('\n') });
        open = null;
      } else open.body.push(line);
      continue;
    }
    const fence = line.match(FENCE);
    if (fence) {
      open = { marker: fence[2], info: fence[3].toLowerCase(), start: i + 1, body: [] };
      continue;
    }
    const h = line.match(/^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/);
    if (h) heading = h[1].replace(/[*_`]/g, '').trim();
  }
  return blocks;
}
