// What a template's setup changed so that the bank's drawing runs: the nodes and connections it
// added, the kinds it corrected and the settings it gave. Shown in the brief, so nothing about
// the running diagram is hidden from the person reading it.
import { CATALOG } from '../../model';
import type { DiagramPatch } from '../../templates/types';

const article = (word: string) => (/^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`);

export function setupLines(setup: DiagramPatch): string[] {
  const lines: string[] = [];
  for (const [id, n] of Object.entries(setup.add.nodes)) lines.push(`Added ${n.label} (${article(CATALOG[n.kind].label)}, id ${id})`);
  for (const e of setup.add.edges) lines.push(`Added the connection ${e.replace('->', ' → ')}`);
  for (const [id, kind] of Object.entries(setup.kinds)) lines.push(`${id} runs as ${article(CATALOG[kind].label)}`);
  const settings = (what: Record<string, object>) =>
    Object.entries(what).map(
      ([id, props]) =>
        `${id.replace('->', ' → ')}: ${Object.entries(props)
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(', ')}`,
    );
  lines.push(...settings(setup.nodes), ...settings(setup.edges));
  return lines;
}

export function SetupNotes({ setup }: { setup: DiagramPatch | undefined }) {
  const lines = setup ? setupLines(setup) : [];
  if (lines.length === 0) return null;
  return (
    <details>
      <summary>How this diagram runs</summary>
      <p className="fl-muted">The drawing is the bank’s, exactly; to run, the template adds and sets:</p>
      <ul>
        {lines.map((l) => (
          <li key={l}>{l}</li>
        ))}
      </ul>
    </details>
  );
}
