// Text fields: how long each may be. Longer text is cut to the limit, and the cut is reported;
// labels are also normalised (line breaks and spaces) wherever they are set.
export interface TextField {
  label: string;
  maxLength: number;
}

export const TEXT_FIELDS = {
  nodeLabel: { label: 'Label', maxLength: 1_000 },
  edgeLabel: { label: 'Connection label', maxLength: 1_000 },
  notes: { label: 'Notes', maxLength: 20_000 },
  diagramName: { label: 'Diagram name', maxLength: 200 },
  scenarioName: { label: 'Scenario name', maxLength: 200 },
  runName: { label: 'Run name', maxLength: 200 },
  id: { label: 'Id', maxLength: 200 },
  // The most mermaid reads in one diagram (mermaid/loadMermaid MAX_TEXT).
  mermaidSource: { label: 'Mermaid source', maxLength: 50_000 },
} as const satisfies Record<string, TextField>;

/**
 * A diagram's Mermaid source, whole or not at all: text cut short would no longer be the author's
 * diagram, so longer text (or anything but text) is left out and the export writes the diagram.
 */
export function takeMermaidSource(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= TEXT_FIELDS.mermaidSource.maxLength ? value : undefined;
}

/** The text within its limit, and the message when it had to be cut (null when it fit). */
export function fitText(field: TextField, text: string): { text: string; cut: string | null } {
  if (text.length <= field.maxLength) return { text, cut: null };
  return { text: text.slice(0, field.maxLength), cut: `${field.label} was cut to ${field.maxLength.toLocaleString('en-US')} characters` };
}
