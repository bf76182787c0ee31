// A postmortem document as Markdown and as a standalone printable HTML page. Labels come from
// diagrams and files: in Markdown they are escaped so they stay text (no link, no HTML, no table
// cell break), and in HTML every text is escaped and the figures are SVG this app wrote.
import { escapeXml } from '../scene/toSvg';
import type { Block, PostmortemDocument } from './document';

/**
 * Backslash-escapes what Markdown reads as markup anywhere (emphasis, code, links, tables,
 * strikethrough, HTML), and where the text starts a line what opens a block there (headings,
 * lists); one line always.
 */
export function escapeMarkdown(text: string, startsLine = false): string {
  const inline = text
    .replace(/\r?\n/g, ' ')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
  return startsLine ? inline.replace(/^(\s*)([#+\-=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2') : inline;
}

function markdownBlock(b: Block, figureDir: string): string {
  switch (b.type) {
    case 'paragraph':
      return escapeMarkdown(b.text, true);
    case 'list':
      return b.items.map((i) => `- ${escapeMarkdown(i, true)}`).join('\n');
    case 'table':
      return [b.head, b.head.map(() => '---'), ...b.rows].map((r) => `| ${r.map((c) => (c === '---' ? c : escapeMarkdown(c))).join(' | ')} |`).join('\n');
    case 'figure':
      return `![${escapeMarkdown(b.figure.alt)}](${figureDir}${encodeURI(b.figure.file)})`;
    case 'todo':
      return b.items.map((i) => `- [ ] ${escapeMarkdown(i, true)}`).join('\n');
  }
}

/** `figureDir` is where the figure files sit relative to the Markdown file ("figures/"). */
export function postmortemMarkdown(doc: PostmortemDocument, figureDir = 'figures/'): string {
  const parts = [`# ${escapeMarkdown(doc.title)}`, `_${escapeMarkdown(doc.source)}_`];
  for (const s of doc.sections) parts.push(`## ${escapeMarkdown(s.title)}`, ...s.blocks.map((b) => markdownBlock(b, figureDir)));
  return `${parts.join('\n\n')}\n`;
}

function htmlBlock(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return `<p>${escapeXml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return `<table><thead><tr>${b.head.map((h) => `<th scope="col">${escapeXml(h)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${escapeXml(c)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'figure':
      // The SVG is drawn by src/scene from escaped text only; role and label make it an image.
      return `<figure role="img" aria-label="${escapeXml(b.figure.alt)}">${b.figure.svg.replace(/^<svg /, '<svg aria-hidden="true" ')}<figcaption>${escapeXml(b.figure.alt)}</figcaption></figure>`;
    case 'todo':
      return `<ol class="todo">${b.items.map((i) => `<li>${escapeXml(i)}</li>`).join('')}</ol>`;
  }
}

const PAGE_STYLE = `
body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #0f172a; max-width: 920px; margin: 32px auto; padding: 0 24px; }
h1 { font-size: 26px; margin-bottom: 4px; } h2 { font-size: 19px; margin-top: 32px; border-bottom: 1px solid #e2e8f0; padding-bottom: 4px; }
.source { color: #64748b; font-style: italic; }
table { border-collapse: collapse; width: 100%; font-size: 13px; } th, td { border: 1px solid #e2e8f0; padding: 4px 8px; text-align: left; vertical-align: top; }
th { background: #f8fafc; } figure { margin: 16px 0; break-inside: avoid; } figure svg { max-width: 100%; height: auto; border: 1px solid #e2e8f0; }
figcaption { color: #64748b; font-size: 13px; } .todo li { border-bottom: 1px solid #94a3b8; min-height: 28px; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } table, figure { break-inside: avoid; } }
`;

export function postmortemHtml(doc: PostmortemDocument): string {
  const body = doc.sections.map((s) => `<section><h2>${escapeXml(s.title)}</h2>${s.blocks.map(htmlBlock).join('\n')}</section>`).join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeXml(doc.title)}</title><style>${PAGE_STYLE}</style></head>
<body><h1>${escapeXml(doc.title)}</h1><p class="source">${escapeXml(doc.source)}</p>
${body}
</body></html>
`;
}
