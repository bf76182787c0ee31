// Queues and streams. A producer's call is acknowledged once the message is stored (or refused
// when the backlog is full). Consumers pull at their own capacity: a queue shares one backlog
// between its consumers (competing consumers); a stream gives every consumer edge its own copy
// (consumer groups, each with its own lag). Failed messages are redelivered, then dead-lettered.
import { startCall } from './calls';
import type { Engine } from './engine';
import { Delivery, type MessageRing, type NodeState } from './state';
import type { Cause, SampledRequest } from './types';

/** Stores a message; false when the backlog is full. */
export function enqueueMessage(sim: Engine, node: NodeState, sample: SampledRequest | null): boolean {
  const limit = node.c.props.queueLimit;
  for (const b of node.backlogs) if (b.length >= limit) return false;
  for (const b of node.backlogs) b.push({ enqueuedAt: sim.now, deliveries: 0, sample });
  const depth = node.backlogDepth();
  if (sim.measuring && depth > node.sMaxDepth) node.sMaxDepth = depth;
  dispatch(sim, node);
  return true;
}

/**
 * Consumers prefetch up to one extra slot's worth of messages (as Kafka fetches and RabbitMQ's
 * prefetch count do, within the consumer's own queue limit), so a slot never idles waiting for
 * the next message to travel.
 */
/** A consumer can take another message: it is up, reachable, and has room in its slots and prefetch. */
function canTake(sim: Engine, edgeIndex: number): boolean {
  const edge = sim.edges[edgeIndex];
  const consumer = sim.nodes[edge.c.target];
  if (consumer.crashed || consumer.hung || edge.partition !== null) return false;
  const room = consumer.capacity + Math.min(consumer.capacity, consumer.c.props.queueLimit);
  return edge.inFlight < room && consumer.busy + consumer.waiting.length < room;
}

export function dispatch(sim: Engine, queue: NodeState): void {
  const out = queue.c.out;
  if (out.length === 0) return;
  if (queue.c.delivery === 'broadcast') {
    for (let i = 0; i < out.length; i++) {
      const backlog = queue.backlogs[i];
      while (backlog.length > 0 && canTake(sim, out[i])) deliver(sim, queue, out[i], backlog);
    }
    return;
  }
  const backlog = queue.backlogs[0];
  while (backlog.length > 0) {
    let chosen = -1;
    for (let k = 0; k < out.length; k++) {
      const i = (queue.rr + k) % out.length;
      if (canTake(sim, out[i])) {
        chosen = i;
        break;
      }
    }
    if (chosen < 0) return;
    queue.rr = (chosen + 1) % out.length;
    deliver(sim, queue, out[chosen], backlog);
  }
}

function deliver(sim: Engine, queue: NodeState, edgeIndex: number, backlog: MessageRing): void {
  const message = backlog.shift()!;
  message.deliveries++;
  const edge = sim.compiled.edges[edgeIndex];
  startCall(sim, edge, new Delivery(queue, edge, message, backlog), message.sample);
}

export function deliveryDone(sim: Engine, d: Delivery, ok: boolean, cause: Cause | null): void {
  if (!ok) {
    if (d.message.deliveries < d.queue.c.props.maxDeliveries) d.backlog.unshift(d.message);
    else {
      if (sim.measuring) d.queue.sDeadLettered++;
      sim.record('dead-letter', { node: d.queue.c.id, edge: d.edge.id, detail: cause ?? 'failed' });
    }
  }
  dispatch(sim, d.queue);
}

/** A consumer freed a slot or came back: the queues that feed it may hand it more. */
export function dispatchFeeders(sim: Engine, consumer: NodeState): void {
  for (const e of consumer.c.feeders) dispatch(sim, sim.nodes[sim.compiled.edges[e].source]);
}

/** Age of the oldest waiting message, the consumer lag. */
export function oldestAge(sim: Engine, queue: NodeState): number {
  let oldest = Infinity;
  for (const b of queue.backlogs) {
    const m = b.peek();
    if (m && m.enqueuedAt < oldest) oldest = m.enqueuedAt;
  }
  return oldest === Infinity ? 0 : sim.now - oldest;
}
