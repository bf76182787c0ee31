// The reference for the engine's speed: a bare event loop on the engine's own heap and random
// numbers, doing the same four events per request as the chain workload (a client's arrival, the
// request's arrival at the server, the end of its service, the answer back) and nothing else: no
// objects per request, no metrics, no faults. The engine's rate over this one's is what it costs
// to be an engine rather than a loop.
import { EventHeap } from '../../src/sim/heap';
import { Rng } from '../../src/sim/rng';

const ARRIVAL = 0;
const AT_SERVER = 1;
const DONE = 2;
const ANSWER = 3;
type Payloads = { [ARRIVAL]: null; [AT_SERVER]: null; [DONE]: null; [ANSWER]: null };

export interface BareResult {
  events: number;
  requests: number;
  wallMs: number;
  meanLatencyMs: number;
}

/** `rateRps` Poisson arrivals to `slots` servers with exponential service of `serviceMs`, for `durationMs`. */
export function bareLoop(rateRps: number, slots: number, serviceMs: number, durationMs: number, seed = 1): BareResult {
  const heap = new EventHeap<Payloads>();
  const rng = new Rng(seed);
  const gap = 1000 / rateRps;
  // Waiting requests, as their start times, in a growable ring.
  let queue = new Float64Array(1024);
  let head = 0;
  let length = 0;
  let busy = 0;
  let events = 0;
  let requests = 0;
  let answered = 0;
  let latencySum = 0;
  const started = performance.now();
  heap.push(rng.exponential(gap), ARRIVAL, null);
  while (heap.peekTime() <= durationMs) {
    heap.pop();
    const now = heap.time;
    const ev = heap.event;
    events++;
    switch (ev.type) {
      case ARRIVAL:
        requests++;
        heap.push(now + rng.exponential(gap), ARRIVAL, null);
        heap.push(now, AT_SERVER, null, now);
        break;
      case AT_SERVER:
        if (busy < slots) {
          busy++;
          heap.push(now + rng.exponential(serviceMs), DONE, null, ev.n);
        } else {
          if (length === queue.length) {
            const next = new Float64Array(queue.length * 2);
            for (let i = 0; i < length; i++) next[i] = queue[(head + i) % queue.length];
            queue = next;
            head = 0;
          }
          queue[(head + length++) % queue.length] = ev.n;
        }
        break;
      case DONE:
        heap.push(now, ANSWER, null, ev.n);
        if (length > 0) {
          const start = queue[head];
          head = (head + 1) % queue.length;
          length--;
          heap.push(now + rng.exponential(serviceMs), DONE, null, start);
        } else busy--;
        break;
      case ANSWER:
        answered++;
        latencySum += now - ev.n;
        break;
    }
  }
  return { events, requests, wallMs: performance.now() - started, meanLatencyMs: answered > 0 ? latencySum / answered : 0 };
}
