import '../../helpers/withMermaidDom';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { addOwnFile } from '../../../src/editor/addOwnFile';
import { TestEditor } from '../../../src/editor/TestEditor';
import { serializeDiagramFile } from '../../../src/files/diagramFile';
import { encodeShareFragment } from '../../../src/files/shareLink';
import { exportMermaid } from '../../../src/mermaid/exportMermaid';
import { threeTier } from '../../helpers/builders';

const MIN = 60_000;

describe('interviewer mode', () => {
  it('records the session from the clock’s start, scores it, and replays the design of a minute', async () => {
    const e = new TestEditor(threeTier().diagram);
    const start = e.clock;
    e.timer.getState().start(start);
    const before = e.diagram;
    e.clock = start + 3 * MIN;
    e.actions.rename('api', 'Checkout API');
    e.ui.getState().select(['db']);
    e.clock = start + 12 * MIN + 34_000;
    const note = e.interview.addEvidence('gap', 'No read replica for the orders DB');
    expect(note).toMatchObject({ t: 12 * MIN + 34_000, nodeId: 'db', nodeLabel: 'Orders DB' });
    e.clock = start + 20 * MIN;
    e.actions.addComponent('cache', { x: 300, y: 300 }, { label: 'Redis' });
    const after = e.diagram;

    e.interview.scrub(2 * MIN);
    expect(e.interview.store.getState().preview?.diagram).toEqual(before);
    // While looking back, the document cannot change.
    expect((e.actions.rename('api', 'Nope') as unknown as { ok: boolean }).ok).toBe(false);
    e.interview.scrub(5 * MIN);
    expect(e.interview.store.getState().preview?.diagram.nodes.find((n) => n.id === 'api')?.label).toBe('Checkout API');
    e.interview.scrub(null);
    expect(e.diagram).toEqual(after);

    await e.interview.loadRubrics();
    for (const [name, s] of [
      ['Technical Architecture', 4],
      ['Scalability & Performance', 3],
      ['Distributed Systems Knowledge', 3],
      ['Production Readiness', 2],
      ['Communication & Leadership', 3],
    ] as const)
      e.interview.setScore(name, s);
    const report = await e.interview.report();
    expect(report).toContain('- **Weighted Score:** 3.15 / 4.0');
    expect(report).toContain('- [x] Hire (from 2.8)');
    expect(report).toContain('- 12:34 No read replica for the orders DB (on Orders DB)');
  });

  it('reports the drills run in the interview and what each showed', async () => {
    const e = new TestEditor();
    const template = (await e.questions.find('distributed-cache'))!;
    const drill = template.drills[0];
    await e.questions.startFrom(template, drill.diagram);
    e.timer.getState().start(e.clock);
    e.clock += 9 * MIN;
    await e.questions.runDrill(drill, 'as-is');
    const report = await e.interview.report();
    const held = drill.expect.length;
    expect(report).toContain(`  - Drill ${drill.title} (as drawn): ${held} of ${held} stated outcomes held`);
    expect(report.match(/^ {4}- held: /gm)?.length).toBe(held);
    expect(report).toMatch(/^- 9:00 .+% success/m);
    // Nobody typed the problem in: it is the question the diagram was started from.
    expect(report).toContain(`**Problem Used:** ${template.title}`);
  }, 60_000);

  it('scores with the person’s own rubric file, kept in the library; refuses a broken one with its line', async () => {
    const e = new TestEditor(threeTier().diagram);
    const text = readFileSync('tests/fixtures/rubrics/team-rubric.md', 'utf8');
    e.filesToPick.push({ name: 'team.md', text: async () => text });
    await e.interview.openPanel(true);
    await addOwnFile(e, 'rubric', async (t) => (await e.interview.importRubric(t))?.title ?? null);
    expect(e.lastMessage()).toBe("Our team's rubric");
    expect(e.interview.rubric()?.id).toBe('team-rubric');
    expect(e.interview.store.getState().ownRubrics).toEqual(['team-rubric']);
    e.interview.setScore('Design', 3);
    e.interview.setScore('Failure thinking', 1);
    // (3 * 2 + 1 * 1) / 3 = 2.33: below the file's Hire band at 2.5.
    expect(await e.interview.report()).toContain('- **Weighted Score:** 2.33 / 3.0');
    expect(await e.interview.report()).toContain('- [x] No Hire (from 0.0)');

    // A new page over the same library finds it again.
    const again = new TestEditor(e.diagram, { library: false });
    again.attachStorage(e.memory);
    expect((await again.interview.loadRubrics()).map((r) => r.id)).toContain('team-rubric');

    // An id already taken asks first: nothing is overwritten without the person's say.
    e.answers.push('keep-both');
    expect((await e.interview.importRubric(text.replace('id: team-rubric', 'id: senior-weighted')))?.id).toBe('senior-weighted-2');
    expect(e.asked.at(-1)).toBe('A built-in rubric has the id “senior-weighted”');
    e.answers.push('cancel');
    expect(await e.interview.importRubric(text.replace("Our team's rubric", 'Changed'))).toBeNull();
    expect(e.asked.at(-1)).toBe('You already have a rubric with the id “team-rubric”');
    e.answers.push('replace');
    await e.interview.importRubric(text.replace("title: Our team's rubric", 'title: Our rubric, v2'));
    expect(e.interview.store.getState().ownRubrics).toEqual(['team-rubric', 'senior-weighted-2']);
    expect(e.interview.store.getState().rubrics?.find((r) => r.id === 'team-rubric')?.title).toBe('Our rubric, v2');
    expect(e.interview.store.getState().rubrics?.find((r) => r.id === 'senior-weighted')?.title).toBe('Senior engineer system design, weighted rubric');
    await e.interview.removeRubric('senior-weighted-2');
    const broken = text.replace('weight: 2', 'weight: heavy');
    e.filesToPick.push({ name: 'broken.md', text: async () => broken });
    await addOwnFile(e, 'rubric', async (t) => (await e.interview.importRubric(t))?.title ?? null);
    expect(e.lastMessage()).toMatch(new RegExp(`^broken.md is not a rubric file: Line ${broken.split('\n').findIndex((l) => l.includes('heavy')) + 1}: `));

    await e.interview.removeRubric('team-rubric');
    expect(e.interview.store.getState().ownRubrics).toEqual([]);
    expect(e.interview.rubric()?.id).not.toBe('team-rubric');
  });

  it('keeps the clock, the session and the scorecard through a reload', async () => {
    const e = new TestEditor(threeTier().diagram);
    e.timer.getState().start(e.clock);
    e.clock += 4 * MIN;
    e.actions.rename('api', 'Payments');
    e.interview.addEvidence('highlight', 'Clarified the SLO first');
    await e.interview.flush();

    // The same library, opened again in a new page.
    const again = new TestEditor(e.diagram, { library: false });
    again.clock = e.clock + MIN;
    again.memory.diagrams.set(e.diagram.id, { diagram: e.diagram, updatedAt: e.clock });
    for (const [k, v] of e.memory.interviews) again.memory.interviews.set(k, v);
    again.attachStorage(again.memory);
    await again.interview.restore();
    expect(again.timer.getState().startedAt).toBe(e.timer.getState().startedAt);
    expect(again.interview.now()).toBe(5 * MIN);
    expect(again.interview.store.getState().card.evidence.map((x) => x.text)).toEqual(['Clarified the SLO first']);
    expect(again.interview.store.getState().session?.events.map((x) => x.type)).toEqual(['change', 'note']);
    again.interview.scrub(MIN);
    expect(again.interview.store.getState().preview?.diagram.nodes.find((n) => n.id === 'api')?.label).toBe('API');
  });

  it('never puts the interviewer’s data in the diagram, its file, its link or its Mermaid', async () => {
    const e = new TestEditor(threeTier().diagram);
    e.timer.getState().start(e.clock);
    e.interview.addEvidence('gap', 'SECRET-EVIDENCE');
    e.interview.setDetails({ candidate: 'SECRET-CANDIDATE' });
    for (const out of [JSON.stringify(e.diagram), serializeDiagramFile(e.diagram), encodeShareFragment(e.diagram), exportMermaid(e.diagram)]) {
      expect(out).not.toContain('SECRET');
    }
  });
});

describe('the interview clock', () => {
  it('offers both phase structures, and a reset and restart keeps recording after what was recorded', () => {
    const e = new TestEditor(threeTier().diagram);
    e.interview.setStructure('practice');
    e.timer.getState().start(e.clock);
    expect(e.interview.store.getState().session?.phases.map((p) => p.minutes)).toEqual([10, 20, 20, 10]);
    e.clock += 5 * MIN;
    e.actions.rename('api', 'First');
    e.timer.getState().reset();
    e.actions.rename('db', 'While stopped');
    e.timer.getState().start(e.clock);
    e.clock += MIN;
    e.actions.rename('client', 'After restart');
    const events = e.interview.store.getState().session!.events;
    expect(events.map((x) => x.t)).toEqual([5 * MIN, 5 * MIN, 6 * MIN]);
    e.interview.scrub(10 * MIN);
    expect(e.interview.store.getState().preview?.diagram).toEqual(e.diagram);
    e.interview.scrub(5 * MIN - 1);
    expect(e.interview.store.getState().preview?.diagram.nodes.map((n) => n.label)).toEqual(['Users', 'API', 'Orders DB']);
  });
});
