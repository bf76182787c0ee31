// Request flows from sequence diagrams, message by message: which edge each message rides
// (a reply rides its request's edge backwards) and how far along it is.
import type { Diagram, RequestFlow } from '../model';

export interface FlowStepView {
  index: number;
  from: string;
  to: string;
  label: string;
  reply: boolean;
  /** The diagram edge the message travels on, or null when the two are not connected. */
  edge: string | null;
  /** True when the message goes from the edge's target to its source. */
  reverse: boolean;
}

export function flowSteps(d: Diagram, flow: RequestFlow): FlowStepView[] {
  const byPair = new Map(d.edges.map((e) => [`${e.source}\u0000${e.target}`, e.id]));
  return flow.steps.map((s, index) => {
    const forward = byPair.get(`${s.from}\u0000${s.to}`);
    const backward = byPair.get(`${s.to}\u0000${s.from}`);
    return {
      index,
      from: s.from,
      to: s.to,
      label: s.label,
      reply: s.reply,
      edge: forward ?? backward ?? null,
      reverse: forward === undefined && backward !== undefined,
    };
  });
}

/** Screen time each message takes to travel, at 1x. */
export const STEP_MS = 1200;
