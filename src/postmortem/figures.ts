// The postmortem's pictures as SVG text: the diagram at the worst moment with the faults acting
// then marked, and time charts of the affected clients and nodes with the fault windows shaded.
import type { Diagram } from '../model';
import { chartsFor } from '../playback/charts';
import { projectFrame } from '../playback/project';
import { buildRunIndex } from '../playback/runIndex';
import { chartScene } from '../scene/chartScene';
import { diagramScene } from '../scene/diagramScene';
import { sceneToSvg } from '../scene/toSvg';
import { formatTime } from '../sim/timeline';
import type { RecordedRun } from '../sim/types';
import type { PostmortemFacts } from './facts';

export interface Figure {
  /** A file name for the figure, unique in the document. */
  file: string;
  alt: string;
  svg: string;
}

/** Which chart of a part tells its story, by the panel's title. */
const CLIENT_PANELS = ['Success', 'Latency'];
const NODE_PANELS = ['Throughput', 'Queue and utilisation'];

function slug(text: string, taken: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'figure';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
  taken.add(name);
  return name;
}

export function postmortemFigures(diagram: Diagram, run: RecordedRun, facts: PostmortemFacts): Figure[] {
  const taken = new Set<string>();
  const index = buildRunIndex(run);
  const figures: Figure[] = [];
  if (diagram.nodes.length > 0) {
    const alt = `The diagram at ${formatTime(facts.peakMs)}, the worst moment, with the faults acting then marked`;
    figures.push({ file: `${slug('diagram', taken)}.svg`, alt, svg: sceneToSvg(diagramScene(diagram, { frame: projectFrame(index, facts.peakMs) }), alt) });
  }
  const bands = facts.faults.map((f) => ({ from: f.from / 1000, to: f.to / 1000 }));
  const subjects = [
    ...facts.affected.map((c) => ({ id: c.id, label: c.label, panels: CLIENT_PANELS })),
    ...facts.nodes.map((n) => ({ id: n.id, label: n.label, panels: NODE_PANELS })),
  ];
  for (const s of subjects) {
    const set = chartsFor(run, { type: 'node', id: s.id });
    if (!set) continue;
    for (const panel of set.panels.filter((p) => s.panels.includes(p.title))) {
      const title = `${s.label}: ${panel.title.toLowerCase()} (${panel.unit})`;
      const svg = sceneToSvg(chartScene({ title, unit: panel.unit, x: set.x, lines: panel.lines, bands }), title);
      figures.push({ file: `${slug(`${s.label} ${panel.title}`, taken)}.svg`, alt: `${title}; faults shaded`, svg });
    }
  }
  return figures;
}
