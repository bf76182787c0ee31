// `%% faultline:` comment lines: what Mermaid has no syntax for (simulation properties, call
// settings, scenarios, flows, notes), carried in comments that every Mermaid tool ignores and
// Faultline reads back. Compact and readable:
//
//   %% faultline: diagram name="Checkout"
//   %% faultline: node api replicas=6 latencyMs=40 notes="Scales on CPU"
//   %% faultline: edge api->db timeoutMs=500 maxAttempts=3 jitter=full breaker=true
//   %% faultline: scenario {"name":"DB hangs","faults":[...]}
//
// These are our own lines, read line by line; the diagram itself is parsed by mermaid.

export const PREFIX = '%% faultline:';

export type Value = string | number | boolean;

export type Annotation =
  | { type: 'diagram'; fields: Record<string, Value> }
  | { type: 'node'; id: string; fields: Record<string, Value> }
  | { type: 'edge'; source: string; target: string; fields: Record<string, Value> }
  | { type: 'scenario' | 'flow'; json: unknown };

const BARE = /^[A-Za-z][A-Za-z0-9_.]*$/;

/**
 * JSON for a comment line. '%' is written as \u0025 (still JSON): mermaid's directive pre-pass
 * would otherwise eat a "%%{" inside a note, comment line or not.
 */
export function commentJson(value: unknown): string {
  return JSON.stringify(value).replace(/%/g, '\\u0025');
}

export function formatValue(v: Value): string {
  if (typeof v === 'string' && BARE.test(v) && v !== 'true' && v !== 'false') return v;
  return commentJson(v);
}

export function formatFields(fields: Record<string, Value>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join(' ');
}

/** Reads `key=value` pairs: values are JSON literals or bare words. Returns null when malformed. */
export function parseFields(text: string): Record<string, Value> | null {
  const fields: Record<string, Value> = {};
  let i = 0;
  while (i < text.length) {
    while (text[i] === ' ') i++;
    if (i >= text.length) break;
    const eq = text.indexOf('=', i);
    if (eq < 0) return null;
    const key = text.slice(i, eq);
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(key) || key === '__proto__' || key === 'constructor' || key === 'prototype') return null;
    i = eq + 1;
    let raw: string;
    if (text[i] === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      raw = text.slice(i, j + 1);
      i = j + 1;
    } else {
      const end = text.indexOf(' ', i);
      raw = text.slice(i, end < 0 ? text.length : end);
      i = end < 0 ? text.length : end;
    }
    let value: Value;
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'string' && typeof parsed !== 'number' && typeof parsed !== 'boolean') return null;
      value = parsed;
    } catch {
      if (!BARE.test(raw)) return null;
      value = raw;
    }
    Object.defineProperty(fields, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return fields;
}

export function parseAnnotations(text: string): { annotations: Annotation[]; malformed: number } {
  const annotations: Annotation[] = [];
  let malformed = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line.startsWith(PREFIX)) continue;
    const body = line.slice(PREFIX.length).trim();
    const space = body.indexOf(' ');
    const type = space < 0 ? body : body.slice(0, space);
    const rest = space < 0 ? '' : body.slice(space + 1).trim();
    if (type === 'scenario' || type === 'flow') {
      try {
        annotations.push({ type, json: JSON.parse(rest) });
      } catch {
        malformed++;
      }
      continue;
    }
    if (type === 'diagram') {
      const fields = parseFields(rest);
      if (fields) annotations.push({ type, fields });
      else malformed++;
      continue;
    }
    const targetEnd = rest.indexOf(' ');
    const target = targetEnd < 0 ? rest : rest.slice(0, targetEnd);
    const fields = parseFields(targetEnd < 0 ? '' : rest.slice(targetEnd + 1));
    if (!fields || !target) {
      malformed++;
      continue;
    }
    if (type === 'node') annotations.push({ type, id: target, fields });
    else if (type === 'edge' && target.includes('->')) {
      const [source, dest] = target.split('->');
      annotations.push({ type, source, target: dest, fields });
    } else malformed++;
  }
  return { annotations, malformed };
}
