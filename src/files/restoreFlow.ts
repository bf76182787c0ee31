// Request flows (ordered messages from sequence diagrams) from untrusted input.
import type { FlowBlock, FlowStep, RequestFlow } from '../model';
import { drop, isRecord, own, restoreId, text, type RestoreReport } from './restore';

const BLOCK_TYPES: readonly FlowBlock['type'][] = ['alt', 'opt', 'par', 'loop', 'critical', 'break', 'rect'];
const STEP_LIMIT = 5_000;

/** `index` is the flow's place in its list: its id when the input gives none. */
export function restoreFlow(raw: unknown, nodeIds: ReadonlySet<string>, report: RestoreReport, index = 0): RequestFlow | null {
  if (!isRecord(raw)) return null;
  const name = text(own(raw, 'name'), 200) || 'Request flow';
  const rawBlocks = own(raw, 'blocks');
  const blocks: FlowBlock[] = [];
  if (Array.isArray(rawBlocks)) {
    for (const b of rawBlocks.slice(0, STEP_LIMIT)) {
      if (!isRecord(b) || !BLOCK_TYPES.includes(own(b, 'type') as FlowBlock['type'])) continue;
      const block: FlowBlock = { type: own(b, 'type') as FlowBlock['type'], label: text(own(b, 'label'), 500) ?? '' };
      const parent = own(b, 'parent');
      if (typeof parent === 'number' && Number.isInteger(parent) && parent >= 0 && parent < blocks.length) block.parent = parent;
      blocks.push(block);
    }
  }
  const steps: FlowStep[] = [];
  const rawSteps = own(raw, 'steps');
  for (const s of Array.isArray(rawSteps) ? rawSteps.slice(0, STEP_LIMIT) : []) {
    if (!isRecord(s)) continue;
    const from = restoreId(own(s, 'from'));
    const to = restoreId(own(s, 'to'));
    if (!from || !to || !nodeIds.has(from) || !nodeIds.has(to)) {
      drop(report, `Flow "${name}": a step between unknown participants was dropped`);
      continue;
    }
    const step: FlowStep = { from, to, label: text(own(s, 'label'), 1_000) ?? '', reply: own(s, 'reply') === true };
    if (own(s, 'async') === true) step.async = true;
    const block = own(s, 'block');
    if (typeof block === 'number' && Number.isInteger(block) && block >= 0 && block < blocks.length) step.block = block;
    steps.push(step);
  }
  return { id: restoreId(own(raw, 'id')) || `w_${index + 1}`, name, steps, blocks };
}
