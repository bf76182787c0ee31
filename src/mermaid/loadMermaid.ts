// Mermaid, loaded only when something is imported (dynamic import: it is most of a megabyte), and
// called one diagram at a time because its parser keeps global state. Limits come from here and
// never from diagram text: maxTextSize and maxEdges are among mermaid's `secure` keys, which
// `%%{init}%%` directives cannot change, and the configuration is reset after every diagram.
export const MAX_TEXT = 50_000;
export const MAX_EDGES = 2_000;

// SVG text labels, not HTML ones: a picture shown through <img> must be well-formed XML, and
// mermaid's HTML labels write <br> the way HTML does, which breaks the whole image.
const CONFIG = { startOnLoad: false, securityLevel: 'strict' as const, maxTextSize: MAX_TEXT, maxEdges: MAX_EDGES, htmlLabels: false };

type Mermaid = typeof import('mermaid').default;

export interface ParsedDiagram {
  type: string;
  // mermaid's per-diagram database; its shape depends on the type
  db: unknown;
  // mermaid's parser for the type (for jison grammars, `parser.parser` is the jison parser)
  parser: unknown;
}

let loading: Promise<Mermaid> | null = null;
let queue: Promise<unknown> = Promise.resolve();

export function loadMermaid(): Promise<Mermaid> {
  loading ??= import('mermaid').then((m) => {
    m.default.initialize(CONFIG);
    return m.default;
  });
  return loading;
}

/** Runs mermaid work one task at a time: its parser and renderer keep global state. */
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

let renders = 0;

/**
 * Mermaid's SVG as a file of its own: a link (`click`) is written `xlink:href` without the xlink
 * namespace, which a page forgives but an image or a download does not (it would not draw at all).
 */
export function standaloneSvg(svg: string): string {
  if (!svg.includes('xlink:') || svg.includes('xmlns:xlink=')) return svg;
  return svg.replace(/^<svg\b/, '<svg xmlns:xlink="http://www.w3.org/1999/xlink"');
}

/** Draws Mermaid text to SVG with mermaid itself (securityLevel strict), for the code panel. */
export function renderMermaid(text: string): Promise<string> {
  return serialised(async () => {
    const mermaid = await loadMermaid();
    try {
      const { svg } = await mermaid.render(`faultline-render-${++renders}`, text);
      return standaloneSvg(svg);
    } finally {
      mermaid.mermaidAPI.globalReset();
      mermaid.initialize(CONFIG);
    }
  });
}

/**
 * Parses one diagram and hands its type and db to `read`, inside the same turn of the queue, so
 * no other parse can disturb mermaid's state in between.
 */
export function withParsedDiagram<T>(text: string, read: (d: ParsedDiagram) => T): Promise<T> {
  const task = async () => {
    const mermaid = await loadMermaid();
    try {
      const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
      return read({ type: diagram.type, db: diagram.db, parser: diagram.parser });
    } finally {
      mermaid.mermaidAPI.globalReset();
      mermaid.initialize(CONFIG);
    }
  };
  return serialised(task);
}
