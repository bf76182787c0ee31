// What "healthy" means, decided once. The engine judges every node and client with these
// functions when a time bucket closes, records the verdict in the run's series, and writes its
// event log (the incident timeline) from the changes of that same verdict; the replay paints the
// recorded verdict. The canvas and the timeline cannot disagree because there is one judge.

/** A node is failing when at least this share of its finished requests fail... */
export const UNHEALTHY_RATIO = 0.2;
/** ...and stops failing only below this share; from here up to UNHEALTHY_RATIO it is degraded. */
export const RECOVERED_RATIO = 0.05;
/** Windows with fewer finished requests say too little to judge. */
export const MIN_DONE = 10;
/** A client meets its objective while at least this share of its requests succeed... */
export const SLO_SUCCESS = 0.99;
/** ...and its p99 is judged only over at least this many requests. */
export const MIN_LATENCY_SAMPLES = 100;
/** A node is saturated when its slots are busy this share of the time. */
export const SATURATED_UTILISATION = 0.9;
/** Node health is judged over about a second of traffic, client objectives over two. */
export const NODE_WINDOW_MS = 1_000;
export const CLIENT_WINDOW_MS = 2_000;

export type Health = 'idle' | 'healthy' | 'degraded' | 'failing' | 'down';
/** Health as stored in a run's series (Float32Array): the index in this list. */
export const HEALTH_CODES: readonly Health[] = ['idle', 'healthy', 'degraded', 'failing', 'down'];

export function healthCode(h: Health): number {
  return HEALTH_CODES.indexOf(h);
}

export function healthOf(code: number): Health {
  return HEALTH_CODES[code] ?? 'idle';
}

/** Failing or down: what the incident timeline calls unhealthy. */
export function isUnhealthy(h: Health): boolean {
  return h === 'failing' || h === 'down';
}

/** What a node did over the judging window (about a second) and where it stands now. */
export interface NodeWindow {
  /** Requests finished in the window, and how many of them failed. */
  done: number;
  failures: number;
  /** Anything arrived, in flight or queued now: without it the node is idle. */
  active: boolean;
  utilisation: number;
  /** Crashed, hung, or without capacity: it answers nothing. */
  down: boolean;
}

export function judgeNode(w: NodeWindow, previous: Health): Health {
  if (w.down) return 'down';
  if (w.done < MIN_DONE) {
    // Too little finished to say it recovered: a failing node stays failing until shown well.
    if (isUnhealthy(previous)) return 'failing';
    if (!w.active) return 'idle';
    return previous === 'degraded' ? 'degraded' : 'healthy';
  }
  const ratio = w.failures / w.done;
  if (ratio >= UNHEALTHY_RATIO || (isUnhealthy(previous) && ratio >= RECOVERED_RATIO)) return 'failing';
  if (ratio >= RECOVERED_RATIO || w.utilisation >= SATURATED_UTILISATION) return 'degraded';
  return 'healthy';
}

/** What a client's users saw over the window (about two seconds). */
export interface ClientWindow {
  done: number;
  failures: number;
  /** p99 end-to-end latency of the window, or 0 when there were too few requests to tell. */
  p99: number;
  /** The client's latency objective; 0 means none. */
  sloMs: number;
}

export interface ClientVerdict {
  health: Health;
  /** Out of its objective (degraded or failing): an SLO breach. */
  breach: boolean;
  /** Why, in words, when it is out of its objective. */
  reason: string | null;
}

export function judgeClient(w: ClientWindow, previous: Health): ClientVerdict {
  if (w.done < MIN_DONE) {
    // Too few requests to judge: the verdict stands (a client that sends nothing is idle).
    const health = previous === 'down' ? 'failing' : previous;
    return { health, breach: health === 'degraded' || health === 'failing', reason: null };
  }
  const success = 1 - w.failures / w.done;
  const slow = w.sloMs > 0 && w.p99 > w.sloMs;
  if (success < 1 - UNHEALTHY_RATIO) return { health: 'failing', breach: true, reason: successText(success) };
  if (success < SLO_SUCCESS) return { health: 'degraded', breach: true, reason: successText(success) };
  if (slow) return { health: 'degraded', breach: true, reason: `p99 ${Math.round(w.p99)} ms over the ${w.sloMs} ms SLO` };
  return { health: 'healthy', breach: false, reason: null };
}

function successText(success: number): string {
  return `success ${(Math.floor(success * 1000) / 10).toFixed(1)}%`;
}

/** A connection is judged by its calls alone (it has no slots to saturate). */
export function judgeEdge(calls: number, failures: number): Health {
  return judgeNode({ done: calls, failures, active: calls > 0, utilisation: 0, down: false }, 'healthy');
}
