// Every command the app registers, run through TestEditor the way a menu, the palette or a
// shortcut runs it, with its effect checked. A command without a case here fails the first test.
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Relay, startRelay } from '../../../scripts/relayProcess';
import { checkRelayUrl } from '../../../src/collab/liveLink';
import { TestEditor } from '../../../src/editor/TestEditor';
import { serializeDiagramFile } from '../../../src/files/diagramFile';
import { CATALOG, createScenario, KINDS } from '../../../src/model';
import { DiagramBuilder, fault, threeTier } from '../../helpers/builders';

const file = (name: string, text: string) => ({ name, text: async () => text });

function shop(): TestEditor {
  return new TestEditor(threeTier().diagram);
}

/** A three-tier diagram with its database hanging for a while, and the run of it open. */
async function replaying(): Promise<TestEditor> {
  const { diagram, db } = threeTier();
  diagram.scenarios.push(createScenario('Hang', { id: 's1', durationMs: 20_000, warmupMs: 1_000, faults: [fault('hang', db, 5_000, 10_000)] }));
  const e = new TestEditor(diagram);
  expect(await e.runs.run()).not.toBeNull();
  expect(e.playback.getState().run).not.toBeNull();
  return e;
}

type Case = (e: TestEditor) => Promise<void> | void;

const CASES: Record<string, Case> = {
  'help.shortcuts': async (e) => {
    expect(e.press('Shift+?')).toBe(true);
    expect(e.ui.getState().help).toBe('shortcuts');
    e.ui.getState().showHelp(null);
    expect(e.press('F1')).toBe(true);
    expect(e.ui.getState().help).toBe('shortcuts');
    // The palette finds it by the words people type.
    for (const word of ['help', 'shortcut', 'keyboard']) expect(e.commands.get('help.shortcuts')!.keywords).toContain(word);
  },
  'help.legend': async (e) => {
    await e.exec('help.legend');
    expect(e.ui.getState().help).toBe('legend');
  },
  'file.new': async (e) => {
    const before = e.diagram.id;
    await e.exec('file.new');
    expect(e.diagram.id).not.toBe(before);
    expect(e.diagram.nodes).toEqual([]);
    expect(e.memory.diagrams.has(before)).toBe(true);
  },
  'file.library': async (e) => {
    await e.exec('file.library');
    expect(e.ui.getState().libraryOpen).toBe(true);
  },
  'file.save': async (e) => {
    e.actions.rename('api', 'Checkout');
    await e.exec('file.save');
    expect(e.memory.diagrams.get(e.diagram.id)!.diagram.nodes.find((n) => n.id === 'api')!.label).toBe('Checkout');
  },
  'file.exportFile': async (e) => {
    await e.exec('file.exportFile');
    expect(e.downloads.at(-1)!.fileName).toBe('Three-tier.faultline.json');
    expect(JSON.parse(e.downloads.at(-1)!.text).diagram.nodes).toHaveLength(3);
  },
  'file.openFile': async (e) => {
    const other = new DiagramBuilder('From a file');
    other.node('cache', { id: 'c1' });
    e.filesToPick.push(file('other.faultline.json', serializeDiagramFile(other.build())));
    await e.exec('file.openFile');
    expect(e.diagram.name).toBe('From a file');
    expect(e.lastMessage()).toBe('Opened other.faultline.json');
  },
  'file.share': async (e) => {
    await e.exec('file.share');
    expect(e.systemClipboard).toMatch(/#share=[\w-]+$/);
  },
  'file.import': async (e) => {
    await e.exec('file.import');
    expect(e.ui.getState().importRequest).toEqual({ text: '' });
  },
  'file.openMermaid': async (e) => {
    e.filesToPick.push(file('flow.mmd', 'flowchart LR\n  a --> b'));
    await e.exec('file.openMermaid');
    expect(e.ui.getState().importRequest).toEqual({ text: 'flowchart LR\n  a --> b', fileName: 'flow.mmd' });
  },
  'start.import': async (e) => {
    await e.exec('start.import');
    expect(e.ui.getState().importRequest).toEqual({ text: '' });
  },
  'file.copyMermaid': async (e) => {
    await e.exec('file.copyMermaid');
    expect(e.systemClipboard).toMatch(/^flowchart LR/);
    expect(e.lastMessage()).toBe('Mermaid copied to the clipboard');
  },
  'file.downloadMermaid': async (e) => {
    await e.exec('file.downloadMermaid');
    expect(e.downloads.at(-1)!.fileName).toBe('Three-tier.mmd');
    expect(e.downloads.at(-1)!.text).toContain('api');
  },
  'file.exportPicture': async (e) => {
    await e.exec('file.exportPicture');
    expect(e.ui.getState().exportDialogOpen).toBe(true);
  },
  'view.code': async (e) => {
    await e.exec('view.code');
    expect(e.ui.getState().codePanelOpen).toBe(true);
  },
  'start.gallery': async (e) => {
    await e.exec('start.gallery');
    expect(e.ui.getState().galleryOpen).toBe(true);
  },
  'file.gallery': async (e) => {
    await e.exec('file.gallery');
    expect(e.ui.getState().galleryOpen).toBe(true);
  },
  'view.brief': async (e) => {
    expect(e.available('view.brief')).toBe(false);
    const { diagram } = threeTier();
    diagram.templateId = 'payments';
    e.doc.getState().load(diagram);
    const open = e.ui.getState().briefOpen;
    await e.exec('view.brief');
    expect(e.ui.getState().briefOpen).toBe(!open);
  },
  'edit.undo': async (e) => {
    e.actions.rename('api', 'Checkout');
    await e.exec('edit.undo');
    expect(e.node('api')!.label).toBe('API');
    expect(e.lastMessage()).toBe('Undid: Rename');
  },
  'edit.redo': async (e) => {
    e.actions.rename('api', 'Checkout');
    e.undo();
    await e.exec('edit.redo');
    expect(e.node('api')!.label).toBe('Checkout');
  },
  'edit.cut': async (e) => {
    e.select(['db']);
    await e.exec('edit.cut');
    expect(e.node('db')).toBeUndefined();
    e.clipboard.pasteText(e.systemClipboard!);
    expect(e.diagram.nodes.map((n) => n.label)).toContain('Orders DB');
  },
  'edit.copy': async (e) => {
    e.select(['api']);
    await e.exec('edit.copy');
    expect(e.systemClipboard).toContain('faultline/fragment');
  },
  'edit.paste': async (e) => {
    e.select(['api']);
    await e.exec('edit.copy');
    await e.exec('edit.paste');
    expect(e.diagram.nodes.filter((n) => n.label === 'API')).toHaveLength(2);
    expect(e.selectedNodeIds()).toHaveLength(1);
    // Without permission to read the clipboard, the last copy in this tab is pasted.
    e.systemClipboard = null;
    await e.exec('edit.paste');
    expect(e.diagram.nodes.filter((n) => n.label === 'API')).toHaveLength(3);
  },
  'edit.duplicate': async (e) => {
    e.select(['api', 'db']);
    await e.exec('edit.duplicate');
    expect(e.diagram.nodes).toHaveLength(5);
    expect(e.selectedNodeIds()).toHaveLength(2);
  },
  'edit.delete': async (e) => {
    e.select(['db'], []);
    await e.exec('edit.delete');
    expect(e.node('db')).toBeUndefined();
    expect(e.diagram.edges).toHaveLength(1);
    expect(e.hasSelection()).toBe(false);
  },
  'edit.selectAll': async (e) => {
    await e.exec('edit.selectAll');
    expect(e.ui.getState().selectedNodes.size).toBe(3);
    expect(e.ui.getState().selectedEdges.size).toBe(2);
  },
  'edit.deselect': async (e) => {
    e.select(['api']);
    await e.exec('edit.deselect');
    expect(e.hasSelection()).toBe(false);
  },
  'edit.rename': async (e) => {
    e.select(['api']);
    await e.exec('edit.rename');
    expect(e.ui.getState().renaming).toBe('api');
    // A lone selected connection: F2 edits its label.
    const edge = e.diagram.edges[0].id;
    e.select([], [edge]);
    expect(e.press('F2')).toBe(true);
    expect(e.ui.getState().renaming).toBe(edge);
    e.select(
      [],
      e.diagram.edges.map((x) => x.id),
    );
    expect(e.available('edit.rename')).toBe(e.diagram.edges.length === 1);
  },
  'view.fit': async (e) => {
    await e.exec('view.fit');
    expect(e.fakeViewport.calls).toContain('fitView');
  },
  'view.zoomIn': async (e) => {
    await e.exec('view.zoomIn');
    expect(e.fakeViewport.calls).toContain('zoomIn');
  },
  'view.zoomOut': async (e) => {
    await e.exec('view.zoomOut');
    expect(e.fakeViewport.calls).toContain('zoomOut');
  },
  'view.minimap': async (e) => {
    const before = e.ui.getState().showMinimap;
    await e.exec('view.minimap');
    expect(e.ui.getState().showMinimap).toBe(!before);
  },
  'view.snap': async (e) => {
    const before = e.ui.getState().snapToGrid;
    await e.exec('view.snap');
    expect(e.ui.getState().snapToGrid).toBe(!before);
  },
  'view.fitSelection': async (e) => {
    e.select(['api', 'db']);
    await e.exec('view.fitSelection');
    expect(e.fakeViewport.calls).toContain('fitNodes:api,db');
  },
  'view.inspector': async (e) => {
    await e.exec('view.inspector');
    expect(e.ui.getState().inspectorOpen).toBe(false);
    await e.exec('view.inspector');
    expect(e.ui.getState().inspectorOpen).toBe(true);
    // Folded to make room for a side panel, the inspector comes back with the same command.
    e.ui.getState().makeRoomForSidePanel(true);
    await e.exec('view.inspector');
    expect(e.ui.getState()).toMatchObject({ inspectorOpen: true, inspectorMakingRoom: false });
  },
  'view.palette': async (e) => {
    const before = e.ui.getState().paletteOpen;
    await e.exec('view.palette');
    expect(e.ui.getState().paletteOpen).toBe(!before);
  },
  'view.commands': async (e) => {
    await e.exec('view.commands');
    expect(e.ui.getState().commandPaletteOpen).toBe(true);
  },
  'arrange.layout': async (e) => {
    for (const n of e.diagram.nodes) e.actions.moveNodes(new Map([[n.id, { x: 0, y: 0 }]]));
    await e.exec('arrange.layout');
    const xs = e.diagram.nodes.map((n) => n.position.x);
    expect(new Set(xs).size).toBe(3);
    expect(e.doc.getState().past.at(-1)!.label).toBe('Auto-layout');
    expect(e.fakeViewport.calls).toContain('fitView');
  },
  'arrange.group': async (e) => {
    e.select(['api', 'db']);
    await e.exec('arrange.group');
    const group = e.diagram.nodes.find((n) => CATALOG[n.kind].container)!;
    expect([e.node('api')!.parentId, e.node('db')!.parentId]).toEqual([group.id, group.id]);
    expect(e.ui.getState().renaming).toBe(group.id);
  },
  'arrange.ungroup': async (e) => {
    e.select(['api', 'db']);
    await e.exec('arrange.group');
    await e.exec('arrange.ungroup');
    expect(e.diagram.nodes.some((n) => CATALOG[n.kind].container)).toBe(false);
    expect(e.node('api')!.parentId).toBeUndefined();
  },
  'arrange.lr': async (e) => {
    await e.exec('arrange.tb');
    await e.exec('arrange.lr');
    expect(e.diagram.direction).toBe('LR');
    // Laid out the new way: the chain runs left to right.
    expect(e.node('api')!.position.x).toBeGreaterThan(e.node('client')!.position.x);
    expect(e.node('db')!.position.x).toBeGreaterThan(e.node('api')!.position.x);
  },
  'arrange.tb': async (e) => {
    const before = structuredClone(e.diagram);
    await e.exec('arrange.tb');
    expect(e.diagram.direction).toBe('TB');
    expect(e.node('api')!.position.y).toBeGreaterThan(e.node('client')!.position.y);
    expect(e.node('db')!.position.y).toBeGreaterThan(e.node('api')!.position.y);
    // The turn and its layout are one step.
    e.undo();
    expect(e.diagram.direction).toBe(before.direction);
    expect(e.diagram.nodes.map((n) => n.position)).toEqual(before.nodes.map((n) => n.position));
  },
  'sim.replicate': async (e) => {
    await e.exec('sim.replicate');
    await expect.poll(() => e.studies.store.getState().shown !== null, { timeout: 20_000 }).toBe(true);
    expect(e.studies.store.getState().shown!.seeds).toBe(10);
  },
  'sim.cancelStudy': async (e) => {
    expect(e.available('sim.cancelStudy')).toBe(false);
    const started = e.studies.replicate(50);
    expect(e.available('sim.cancelStudy')).toBe(true);
    await e.exec('sim.cancelStudy');
    expect(await started).toBeNull();
  },
  'sim.run': async (e) => {
    await e.exec('sim.run');
    await expect.poll(() => e.playback.getState().run !== null, { timeout: 10_000 }).toBe(true);
    expect(e.lastMessage()).toMatch(/^Run finished: Users \d+\.\d% success/);
    expect((await e.memory.runs.list(e.diagram.id)).length).toBe(1);
  },
  'sim.cancel': async (e) => {
    e.doc.getState().load({ ...e.diagram, scenarios: [createScenario('Long', { id: 'long', durationMs: 3_600_000 })] });
    const running = e.runs.run();
    await expect.poll(() => e.available('sim.cancel')).toBe(true);
    await e.exec('sim.cancel');
    expect(await running).toBeNull();
    expect(e.playback.getState().status.kind).toBe('idle');
    expect(e.lastMessage()).toBe('Run cancelled');
  },
  'sim.inject': async (e) => {
    e.select(['db']);
    await e.exec('sim.inject');
    expect(e.ui.getState().contextMenu?.target).toEqual({ type: 'node', id: 'db' });
  },
  'view.simPanel': async (e) => {
    await e.exec('view.simPanel');
    expect(e.ui.getState().dockOpen).toBe(true);
    await e.exec('view.simPanel');
    expect(e.ui.getState().dockOpen).toBe(false);
  },
};

/** Replay commands: each with a run open. */
const REPLAY: Record<string, Case> = {
  'sim.exportVideo': async (e) => {
    await e.exec('sim.exportVideo');
    expect(e.ui.getState().videoDialogOpen).toBe(true);
  },
  'sim.postmortem': async (e) => {
    await e.exec('sim.postmortem');
    expect(e.ui.getState().postmortemOpen).toBe(true);
  },
  'sim.play': async (e) => {
    await e.exec('sim.play');
    expect(e.playback.getState().playing).toBe(true);
  },
  'sim.back': async (e) => {
    const t = e.playback.getState().t;
    await e.exec('sim.back');
    expect(e.playback.getState().t).toBe(t - 1_000);
  },
  'sim.forward': async (e) => {
    const t = e.playback.getState().t;
    await e.exec('sim.forward');
    expect(e.playback.getState().t).toBe(t + 1_000);
  },
  'sim.previousEvent': async (e) => {
    e.playback.getState().seek(15_000);
    await e.exec('sim.previousEvent');
    expect(e.playback.getState().t).toBeLessThan(15_000);
  },
  'sim.nextEvent': async (e) => {
    e.playback.getState().seek(0);
    await e.exec('sim.nextEvent');
    expect(e.playback.getState().t).toBeGreaterThan(0);
  },
  'sim.start': async (e) => {
    await e.exec('sim.start');
    expect(e.playback.getState().t).toBe(0);
  },
  'sim.end': async (e) => {
    await e.exec('sim.end');
    expect(e.playback.getState().t).toBe(20_000);
  },
  'sim.faster': async (e) => {
    const before = e.playback.getState().speed;
    await e.exec('sim.faster');
    expect(e.playback.getState().speed).toBeGreaterThan(before);
  },
  'sim.slower': async (e) => {
    const before = e.playback.getState().speed;
    await e.exec('sim.slower');
    expect(e.playback.getState().speed).toBeLessThan(before);
  },
  'sim.loop': async (e) => {
    await e.exec('sim.loop');
    expect(e.playback.getState().loop).toBe(true);
  },
  'sim.close': async (e) => {
    await e.exec('sim.close');
    expect(e.playback.getState().run).toBeNull();
  },
};

const TABS = ['faults', 'incident', 'charts', 'compare', 'runs', 'studies'] as const;

/** The Live menu's commands, each on an Editor in a session through the real relay (started below). */
let relay: Relay;
const liveEditor = () => new TestEditor(threeTier().diagram, { live: { relayUrl: () => relay.url, pageUrl: () => 'https://faultline.test/', WebSocket } });
async function inSession(): Promise<TestEditor> {
  const e = liveEditor();
  await e.exec('live.start');
  expect(await e.live.submitName('Candidate')).toBe(true);
  return e;
}
const LIVE: Record<string, Case> = {
  'live.start': async () => {
    const e = liveEditor();
    await e.exec('live.start');
    expect(e.live.store.getState().namePrompt).toEqual({ purpose: 'start' });
    expect(await e.live.submitName('  Candidate  ')).toBe(true);
    expect(e.live.active).toBe(true);
    expect(e.systemClipboard).toMatch(/^https:\/\/faultline\.test\/#live=[\w-]+\.[\w-]{43}&role=editor$/);
    expect(e.available('live.start')).toBe(false);
    e.live.leave();
  },
  'live.copyEditorLink': async () => {
    const e = await inSession();
    e.systemClipboard = '';
    await e.exec('live.copyEditorLink');
    expect(e.systemClipboard).toMatch(/&role=editor$/);
    e.live.leave();
  },
  'live.copyViewerLink': async () => {
    const e = await inSession();
    await e.exec('live.copyViewerLink');
    expect(e.systemClipboard).toMatch(/&role=viewer$/);
    e.live.leave();
  },
  'live.copyInterviewerLink': async () => {
    const e = await inSession();
    await e.exec('live.copyInterviewerLink');
    expect(e.systemClipboard).toMatch(/&role=interviewer$/);
    e.live.leave();
  },
  'live.present': async () => {
    const e = await inSession();
    await e.exec('live.present');
    expect(e.live.store.getState().presenting).toBe(true);
    await e.exec('live.present');
    expect(e.live.store.getState().presenting).toBe(false);
    e.live.leave();
  },
  'live.stopFollowing': async () => {
    const e = await inSession();
    expect(e.available('live.stopFollowing')).toBe(false);
    e.live.follow(42);
    await e.exec('live.stopFollowing');
    expect(e.live.store.getState().following).toBeNull();
    e.live.leave();
  },
  'live.leave': async () => {
    const e = await inSession();
    await e.exec('live.leave');
    expect(e.live.active).toBe(false);
    expect(e.ui.getState().toasts.at(-1)?.message).toMatch(/stays in your library/);
    // The diagram is still open and editable, and undo is the document's own again.
    e.actions.rename('api', 'After leaving');
    expect(e.canUndo()).toBe(true);
  },
  'live.relay': async () => {
    const e = new TestEditor(threeTier().diagram, {
      live: {
        relayUrl: () => 'ws://localhost:1234',
        pageUrl: () => '',
        setRelayUrl: checkRelayUrl,
      },
    });
    await e.exec('live.relay');
    expect(e.live.store.getState().relayPrompt).toBe(true);
    expect(e.live.setRelay('http://example.com')).toMatch(/ws:\/\//);
    expect(e.live.store.getState().relayPrompt).toBe(true);
    expect(e.live.setRelay('wss://relay.example.com')).toBeNull();
    expect(e.live.store.getState().relayPrompt).toBe(false);
  },
};

const INTERVIEW: Record<string, Case> = {
  'interview.scorecard': async (e) => {
    await e.exec('interview.scorecard');
    expect(e.interview.store.getState().panelOpen).toBe(true);
    expect(e.interview.store.getState().rubrics?.map((r) => r.id)).toEqual(['senior-matrix', 'senior-weighted']);
    await e.exec('interview.scorecard');
    expect(e.interview.store.getState().panelOpen).toBe(false);
  },
  'interview.report': async (e) => {
    e.interview.setDetails({ candidate: 'Ada' });
    await e.exec('interview.report');
    expect(e.downloads.at(-1)).toMatchObject({ fileName: 'Feedback-Ada.md', mime: 'text/markdown' });
    expect(e.downloads.at(-1)?.text).toContain('**Candidate:** Ada');
  },
  'interview.print': async (e) => {
    e.timer.getState().start(e.clock);
    e.clock += 60_000;
    e.actions.rename('api', 'Later');
    e.interview.scrub(0);
    await e.exec('interview.print');
    // The printable page shows the final design, not the moment being replayed.
    expect(e.interview.store.getState()).toMatchObject({ printing: true, preview: null });
    expect(e.interview.rubric()?.id).toBe('senior-weighted');
  },
  'interview.backToNow': async (e) => {
    expect(e.available('interview.backToNow')).toBe(false);
    e.timer.getState().start(e.clock);
    e.clock += 60_000;
    e.actions.rename('api', 'Later');
    e.interview.scrub(0);
    expect(e.interview.previewing).toBe(true);
    await e.exec('interview.backToNow');
    expect(e.interview.previewing).toBe(false);
  },
};

describe('the Interview menu', () => {
  it.each(Object.entries(INTERVIEW))('%s does what it says', async (_, run) => {
    await run(shop());
  });
});

describe('the Live menu', () => {
  beforeAll(async () => {
    relay = await startRelay({ record: false });
  });
  afterAll(async () => {
    await relay?.stop();
  });
  it.each(Object.entries(LIVE))('%s does what it says', async (_, run) => {
    await run(shop());
  });
});

describe('every command', () => {
  it('has a case here', () => {
    const ids = new TestEditor().commands.all().map((c) => c.id);
    const covered = new Set([
      ...Object.keys(CASES),
      ...Object.keys(REPLAY),
      ...Object.keys(LIVE),
      ...Object.keys(INTERVIEW),
      ...KINDS.map((k) => `insert.${k}`),
      ...TABS.map((t) => `sim.tab.${t}`),
    ]);
    expect(ids.filter((id) => !covered.has(id))).toEqual([]);
    expect([...covered].filter((id) => !ids.includes(id))).toEqual([]);
  });

  it.each(Object.entries(CASES))('%s does what it says', async (_, run) => {
    await run(shop());
  });

  it.each(Object.entries(REPLAY))('%s moves the replay', async (id, run) => {
    const e = await replaying();
    expect(e.available(id)).toBe(true);
    await run(e);
  });

  it('offers the replay commands only while a run is open', () => {
    const e = shop();
    for (const id of Object.keys(REPLAY)) expect(e.available(id), id).toBe(false);
  });

  it.each(KINDS)('insert.%s adds one, selected, in free space in the middle of the view', async (kind) => {
    const e = shop();
    await e.exec(`insert.${kind}`);
    const added = e.diagram.nodes.at(-1)!;
    expect(added.kind).toBe(kind);
    expect(e.selectedNodeIds()).toEqual([added.id]);
    expect(e.doc.getState().past.at(-1)!.label).toBe(`Add ${CATALOG[kind].label}`);
  });

  it.each(TABS)('sim.tab.%s opens the simulation panel on its tab', async (tab) => {
    const e = shop();
    await e.exec(`sim.tab.${tab}`);
    expect([e.ui.getState().dockOpen, e.ui.getState().dockTab]).toEqual([true, tab]);
  });
});
