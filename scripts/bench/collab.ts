// Live-session benchmark.
// 1. The relay (scripts/relay.mjs, a child process) with ROOMS rooms of CLIENTS y-websocket
//    clients each (in this process), every client moving a node of its room's diagram EDITS_PER_S
//    times a second for SECONDS: the time from an edit to its arrival at each other client of
//    the room (both ends read this process's clock), and the relay's memory.
// 2. Applying a remote change to a 1,000-node diagram: one node dragged by a peer, read from Yjs,
//    checked and applied to the Editor's store (LiveDocument, Node, in-process link). Reference,
//    same input and process: the Editor applying the same move as its own local action.
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { percentile } from './browser';
import { gridDiagram } from './generate';
import { startRelay } from '../relayProcess';
import { inProcessRoom } from '../../tests/helpers/live';

const ROOMS = Number(process.env.COLLAB_ROOMS ?? 50);
const CLIENTS = 4;
const EDITS_PER_S = 10;
const SECONDS = Number(process.env.COLLAB_SECONDS ?? 30);

async function relayLoad(): Promise<Record<string, string>> {
  // Every provider listens for the process's exit.
  process.setMaxListeners(0);
  const relay = await startRelay({ record: false });
  const idleMb = relay.rssMb();
  const latencies: number[] = [];
  const clients: { doc: Y.Doc; provider: WebsocketProvider; id: string }[] = [];
  try {
    for (let r = 0; r < ROOMS; r++) {
      for (let c = 0; c < CLIENTS; c++) {
        const doc = new Y.Doc();
        const provider = new WebsocketProvider(relay.url, `bench-room-${r}`, doc, { WebSocketPolyfill: WebSocket as never, disableBc: true });
        const id = `r${r}c${c}`;
        const edits = doc.getMap<number>('sentAt');
        edits.observe((e, tr) => {
          if (tr.local) return;
          const now = performance.now();
          for (const key of e.keysChanged) if (!key.startsWith(id)) latencies.push(now - (edits.get(key) ?? now));
        });
        clients.push({ doc, provider, id });
      }
    }
    await Promise.all(clients.map((c) => new Promise<void>((done) => (c.provider.synced ? done() : c.provider.on('sync', (s: boolean) => s && done())))));
    const connectedMb = relay.rssMb();
    let seq = 0;
    const timer = setInterval(() => {
      // One tick: every client makes one edit (a node's new position and the time it was sent).
      for (const c of clients) {
        c.doc.transact(() => {
          c.doc.getMap('positions').set(`${c.id}-node`, { x: seq, y: seq });
          c.doc.getMap<number>('sentAt').set(`${c.id}:${seq}`, performance.now());
        });
      }
      seq++;
    }, 1000 / EDITS_PER_S);
    let peakMb = connectedMb;
    const sampler = setInterval(() => (peakMb = Math.max(peakMb, relay.rssMb())), 1000);
    await new Promise((r) => setTimeout(r, SECONDS * 1000));
    clearInterval(timer);
    clearInterval(sampler);
    await new Promise((r) => setTimeout(r, 500));
    const expected = seq * ROOMS * CLIENTS * (CLIENTS - 1);
    return {
      'relay load input': `${ROOMS} rooms x ${CLIENTS} clients, ${EDITS_PER_S} edits/s each for ${SECONDS} s (${(ROOMS * CLIENTS * EDITS_PER_S).toLocaleString('en-US')} edits/s); clients in one Node process, relay in another, localhost`,
      'edit to arrival at the other clients, p50 / p95 / p99 (goal p95 <= 50 ms)': `${percentile(latencies, 50).toFixed(1)} / ${percentile(latencies, 95).toFixed(1)} / ${percentile(latencies, 99).toFixed(1)} ms`,
      'arrivals measured / expected': `${latencies.length.toLocaleString('en-US')} / ${expected.toLocaleString('en-US')}`,
      'relay memory: idle / all connected / peak under load': `${idleMb.toFixed(0)} / ${connectedMb.toFixed(0)} / ${peakMb.toFixed(0)} MB`,
    };
  } finally {
    for (const c of clients) c.provider.destroy();
    await relay.stop();
  }
}

async function remoteApply(): Promise<Record<string, string>> {
  const diagram = gridDiagram(1000, 1500);
  const { peers } = await inProcessRoom(diagram);
  const [a, b] = peers;
  const remote: number[] = [];
  const local: number[] = [];
  // b's apply is synchronous on this path (no text changes): time b's side of each update.
  b.ydoc.on('beforeTransaction', (tr: Y.Transaction) => {
    if (tr.origin === 'wire') (tr.meta as Map<string, number>).set('t0', performance.now());
  });
  b.ydoc.on('afterTransactionCleanup', (tr: Y.Transaction) => {
    const t0 = (tr.meta as Map<string, number>).get('t0');
    if (t0 !== undefined) remote.push(performance.now() - t0);
  });
  const ids = diagram.nodes.map((n) => n.id);
  for (let i = 0; i < 600; i++) {
    const id = ids[i % ids.length];
    a.editor.canvas.beginDrag();
    a.editor.canvas.drag(new Map([[id, { x: i * 3, y: i * 2 }]]), null, [id]);
    a.editor.canvas.endDrag([id]);
    const t0 = performance.now();
    b.editor.doc.getState().apply('Move', (d) => {
      const n = d.nodes.find((x) => x.id === ids[(i + 7) % ids.length])!;
      n.position = { x: n.position.x + 1, y: n.position.y };
    });
    local.push(performance.now() - t0);
  }
  for (const p of peers) p.live.stop();
  // The local edits above went into b's room too; only a's moves, applied at b, are counted.
  return {
    'remote apply input': '1,000-node, 1,500-edge generated grid (seed 7); a peer moves one node, 600 times; Node, in-process link',
    'remote change applied to the Editor, p50 / p95 / max (goal p95 <= 8 ms)': `${percentile(remote, 50).toFixed(2)} / ${percentile(remote, 95).toFixed(2)} / ${Math.max(...remote).toFixed(2)} ms`,
    'the same move as a local action, written to the room (reference), p50 / p95': `${percentile(local, 50).toFixed(2)} / ${percentile(local, 95).toFixed(2)} ms`,
  };
}

export async function runCollabBench(): Promise<Record<string, string>> {
  return { ...(await remoteApply()), ...(await relayLoad()) };
}
