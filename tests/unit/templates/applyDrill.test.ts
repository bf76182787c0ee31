import '../../helpers/withMermaidDom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutDiagram } from '../../../src/layout/layoutDiagram';
import { createNodeElk } from '../../../src/layout/nodeElk';

const elk = createNodeElk();
import { effectiveCallProps } from '../../../src/model';
import { applyPatch, drillScenario, edgeByKey, patched } from '../../../src/templates/applyDrill';
import { parseTemplate } from '../../../src/templates/parseTemplate';
import { runDrillOn } from '../../../src/templates/runDrill';
import { templateDiagram } from '../../../src/templates/templateDiagram';

const template = parseTemplate(readFileSync('tests/fixtures/templates/minimal.md', 'utf8'));
const open = () => templateDiagram(template, 1, (d) => layoutDiagram(d, elk));

describe('from a template to a runnable diagram', () => {
  it('imports the diagram, applies its setup before layout, and adds its drills as scenarios', async () => {
    const d = await open();
    expect(d.templateId).toBe('minimal');
    expect(d.name).toBe('A minimal question');
    expect(d.nodes.find((n) => n.id === 'DB')!.kind).toBe('database');
    const batch = d.nodes.find((n) => n.id === 'Batch')!;
    expect(batch).toMatchObject({ kind: 'client', label: 'Nightly batch', props: { rateRps: 20 } });
    // Laid out with the rest, not left at the origin.
    expect(batch.position.x !== 0 || batch.position.y !== 0).toBe(true);
    expect(effectiveCallProps(edgeByKey(d, 'API->DB')!.call).timeoutMs).toBe(500);
    expect(d.scenarios.map((s) => [s.id, s.name, s.durationMs])).toEqual([['drill-db-hang', 'The database hangs', 40_000]]);
    expect(d.scenarios[0].faults).toEqual([{ id: 'db-hang-1', type: 'hang', target: { type: 'node', id: 'DB' }, startMs: 10_000, endMs: 20_000 }]);
  });

  it('runs the drill and its fix, and both show what they claim', async () => {
    const result = runDrillOn(await open(), template.drills[0]);
    expect(result.checks.map((c) => c.met)).toEqual([true]);
    expect(result.fixed!.checks.map((c) => c.met)).toEqual([true]);
  });

  it('refuses patches and drills that name parts the diagram does not have', async () => {
    const d = await open();
    const empty = { add: { nodes: {}, edges: [] }, kinds: {}, nodes: {}, edges: {} };
    expect(applyPatch(structuredClone(d), { ...empty, nodes: { Ghost: { replicas: 2 } } })).toEqual({ ok: false, reason: 'No node "Ghost" in this diagram' });
    expect(applyPatch(structuredClone(d), { ...empty, edges: { 'DB->API': { timeoutMs: 5 } } })).toEqual({
      ok: false,
      reason: 'No connection DB->API in this diagram',
    });
    expect(() => patched(d, { ...empty, add: { nodes: {}, edges: ['Users->Nowhere'] } })).toThrow('Cannot connect Users->Nowhere');
    const drill = { ...template.drills[0], faults: [{ type: 'crash' as const, on: 'Ghost', startMs: 0, endMs: 1_000 }] };
    expect(() => drillScenario(d, drill)).toThrow('no node "Ghost"');
    expect(() => drillScenario(d, { ...template.drills[0], traffic: { API: { rateRps: 5 } } })).toThrow('"API", which is not a client');
  });
});
