// Live sessions through the real relay (scripts/relay.mjs, @y/websocket-server) in a child
// process: Editors in Node join one room over WebSockets, as browsers do.
import { WebSocket } from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLiveFragment } from '../../../src/collab/liveLink';
import { TestEditor } from '../../../src/editor/TestEditor';
import { threeTier } from '../../helpers/builders';
import { canonical } from '../../helpers/live';
import { type Relay, startRelay } from '../../../scripts/relayProcess';

let relay: Relay;
beforeAll(async () => {
  relay = await startRelay();
});
afterAll(async () => {
  await relay?.stop();
});

/**
 * The unit suite runs beside these tests on two cores, and once a join waited out the app's 8 s
 * for the relay's first answer: here the relay is known to be up, so a join may take 20 s.
 */
function editorOn(r: Relay, diagram = threeTier().diagram) {
  return new TestEditor(diagram, { live: { relayUrl: () => r.url, pageUrl: () => 'https://faultline.test/', WebSocket, joinTimeoutMs: 20_000 } });
}

async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function room(joiners = 1) {
  const host = editorOn(relay);
  expect(await host.live.start('Candidate'), host.lastMessage()).toBe(true);
  const link = parseLiveFragment(host.systemClipboard!.split('#')[1])!;
  const guests: TestEditor[] = [];
  for (let i = 0; i < joiners; i++) {
    const guest = editorOn(relay);
    expect(await guest.live.join(link, `Interviewer ${i + 1}`), guest.lastMessage()).toBe(true);
    guests.push(guest);
  }
  return { host, guests, link };
}

describe('a live session through the relay', () => {
  it('puts a joiner on the host’s diagram and carries edits both ways', async () => {
    const { host, guests } = await room();
    const [guest] = guests;
    expect(canonical(guest.diagram)).toBe(canonical(host.diagram));
    host.actions.rename('api', 'Checkout API');
    guest.actions.setNodeProp('db', 'replicas', 3);
    await until(() => guest.diagram.nodes.some((n) => n.label === 'Checkout API'), 'the rename');
    await until(() => host.diagram.nodes.find((n) => n.id === 'db')?.props.replicas === 3, 'the property');
    await until(() => host.live.store.getState().people.length === 2 && guest.live.store.getState().people.length === 2, 'presence');
    expect(
      host.live.store
        .getState()
        .people.map((p) => p.name)
        .sort(),
    ).toEqual(['Candidate', 'Interviewer 1']);
    host.live.leave();
    guest.live.leave();
  });

  it('keeps every label, note and name sealed on the wire', async () => {
    const { host, guests } = await room();
    host.actions.rename('api', 'Zebra payment gateway');
    host.actions.updateNode('db', { notes: 'Candidate forgot the read replica' });
    await until(() => guests[0].diagram.nodes.some((n) => n.notes === 'Candidate forgot the read replica'), 'the note');
    const wire = relay.traffic();
    expect(wire.length).toBeGreaterThan(1000);
    for (const secret of ['Zebra payment gateway', 'read replica', 'Orders DB', 'Users', 'Three tier', 'Candidate', 'Interviewer 1'])
      expect(wire).not.toContain(secret);
    expect(wire).toContain('api');
    host.live.leave();
    guests[0].live.leave();
  });

  it('keeps editing while the relay is down and merges everything when it is back', async () => {
    const { host, guests } = await room();
    const [guest] = guests;
    await relay.stop();
    await until(() => host.live.store.getState().status === 'offline', 'offline');
    host.actions.rename('api', 'Edited offline by the host');
    guest.actions.rename('db', 'Edited offline by the guest');
    expect(host.ui.getState().toasts.some((t) => /offline/.test(t.message))).toBe(true);
    await relay.restart();
    await until(() => guest.diagram.nodes.some((n) => n.label === 'Edited offline by the host'), 'the host’s offline edit', 10_000);
    await until(() => host.diagram.nodes.some((n) => n.label === 'Edited offline by the guest'), 'the guest’s offline edit', 10_000);
    expect(canonical(guest.diagram)).toBe(canonical(host.diagram));
    host.live.leave();
    guest.live.leave();
  });

  it('lets a viewer watch and refuses their edits', async () => {
    const host = editorOn(relay);
    await host.live.start('Interviewer');
    const link = { ...parseLiveFragment(host.live.linkFor('viewer')!.split('#')[1])! };
    expect(link.role).toBe('viewer');
    const viewer = editorOn(relay);
    await viewer.live.join(link, 'Observer');
    const before = canonical(viewer.diagram);
    const result = viewer.actions.rename('api', 'Viewer was here') as unknown as { ok: boolean; reason: string };
    expect(result.ok).toBe(false);
    expect(canonical(viewer.diagram)).toBe(before);
    host.actions.rename('api', 'Seen by the viewer');
    await until(() => viewer.diagram.nodes.some((n) => n.label === 'Seen by the viewer'), 'the host’s edit');
    host.live.leave();
    viewer.live.leave();
  });

  it('says clearly when the relay cannot be reached, and the diagram stays editable', async () => {
    const lonely = new TestEditor(threeTier().diagram, {
      live: { relayUrl: () => 'ws://127.0.0.1:9', pageUrl: () => 'https://faultline.test/', WebSocket, joinTimeoutMs: 1500 },
    });
    const link = parseLiveFragment('live=abcdefghijklmnop.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA&role=editor')!;
    const joined = await lonely.live.join(link, 'Someone');
    expect(joined).toBe(false);
    expect(lonely.ui.getState().toasts.at(-1)?.message).toMatch(/Could not join the live session: Could not reach the live-session relay/);
    lonely.actions.rename('api', 'Still editable');
    expect(lonely.diagram.nodes.some((n) => n.label === 'Still editable')).toBe(true);
  });
});
