// Faults switch on at t0 and off at t1. Each switch recomputes the combined effect of every
// fault still active on the parts it touches, so overlapping faults add up and end cleanly.
import type { CFault } from './compile';
import { describeFault } from './describe';
import type { Engine } from './engine';
import { failAll, releaseStuck, startWaiting } from './nodes';
import { dispatch, dispatchFeeders } from './queues';
import { scheduleNextArrival } from './traffic';

export class FaultBoard {
  private readonly active = new Set<CFault>();

  start(sim: Engine, cf: CFault): void {
    this.active.add(cf);
    const f = cf.fault;
    sim.record('fault-start', { fault: f.id, ...target(cf), detail: describeFault(f, cf.label) });
    this.apply(sim, cf);
  }

  end(sim: Engine, cf: CFault): void {
    this.active.delete(cf);
    sim.record('fault-end', { fault: cf.fault.id, ...target(cf), detail: describeFault(cf.fault, cf.label) });
    this.apply(sim, cf);
  }

  private apply(sim: Engine, cf: CFault): void {
    for (const i of cf.nodes) this.recomputeNode(sim, i);
    for (const i of cf.edges) this.recomputeEdge(sim, i);
  }

  private recomputeNode(sim: Engine, i: number): void {
    const node = sim.nodes[i];
    let crashed = false;
    let hung = false;
    let add = 0;
    let mul = 1;
    let ok = 1;
    let capacity = 1;
    let flushing = false;
    let rate = 1;
    for (const cf of this.active) {
      if (!cf.nodes.includes(i)) continue;
      const f = cf.fault;
      if (f.type === 'crash') crashed = true;
      else if (f.type === 'hang') hung = true;
      else if (f.type === 'latency') {
        add += f.addMs ?? 0;
        mul *= f.factor ?? 1;
      } else if (f.type === 'errorRate') ok *= 1 - (f.fraction ?? 0);
      else if (f.type === 'capacityLoss') capacity *= 1 - (f.fraction ?? 0);
      else if (f.type === 'cacheFlush') flushing = true;
      else if (f.type === 'trafficSpike') rate *= f.factor ?? 1;
    }
    sim.touch(node);
    node.latencyAdd = add;
    node.latencyMul = mul;
    node.extraError = 1 - ok;
    const rateChanged = node.rateFactor !== rate;
    node.rateFactor = rate;
    if (rateChanged && node.client) scheduleNextArrival(sim, node.client);
    if (node.flushActive && !flushing) node.flushUntil = sim.now;
    node.flushActive = flushing;
    const wasCrashed = node.crashed;
    const wasHung = node.hung;
    node.crashed = crashed;
    node.hung = hung;
    const oldCapacity = node.capacity;
    node.capacity = Math.round(node.c.capacity * capacity);
    if (crashed && !wasCrashed) failAll(sim, node, 'refused');
    if (wasHung && !hung) releaseStuck(sim, node);
    if ((wasCrashed && !crashed) || node.capacity > oldCapacity) {
      startWaiting(sim, node);
      dispatchFeeders(sim, node);
      if (node.c.routing === 'queue') dispatch(sim, node);
    }
  }

  private recomputeEdge(sim: Engine, i: number): void {
    const edge = sim.edges[i];
    let partition: 'refuse' | 'drop' | null = null;
    let add = 0;
    let ok = 1;
    for (const cf of this.active) {
      if (!cf.edges.includes(i)) continue;
      const f = cf.fault;
      if (f.type === 'partition') partition = partition === 'drop' || f.partition === 'drop' ? 'drop' : 'refuse';
      else if (f.type === 'latency') add += f.addMs ?? 0;
      else if (f.type === 'errorRate') ok *= 1 - (f.fraction ?? 0);
    }
    const healed = edge.partition !== null && partition === null;
    edge.partition = partition;
    edge.extraLatency = add;
    edge.extraError = 1 - ok;
    if (healed) {
      const source = sim.nodes[edge.c.source];
      if (source.c.routing === 'queue') dispatch(sim, source);
    }
  }
}

function target(cf: CFault): { node?: string; edge?: string } {
  const f = cf.fault;
  return f.target.type === 'edge' ? { edge: f.target.id } : { node: f.target.id };
}
