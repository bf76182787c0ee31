// How health and outcomes look on the canvas during a replay: one table, read by nodes, edges,
// particles and the legend. Colours are inline so exported pictures of a replay keep them.
import type { Health } from './project';
import type { HOP_OUTCOMES } from './runIndex';

export interface HealthStyle {
  label: string;
  stroke: string;
  fill: string;
}

export const HEALTH_STYLE: Readonly<Record<Health, HealthStyle>> = {
  idle: { label: 'Idle', stroke: '#94a3b8', fill: '#f8fafc' },
  healthy: { label: 'Healthy', stroke: '#16a34a', fill: '#f0fdf4' },
  degraded: { label: 'Degraded', stroke: '#d97706', fill: '#fffbeb' },
  failing: { label: 'Failing', stroke: '#dc2626', fill: '#fef2f2' },
  down: { label: 'Down', stroke: '#7f1d1d', fill: '#fecaca' },
};

export const OUTCOME_COLOR: Readonly<Record<(typeof HOP_OUTCOMES)[number], string>> = {
  ok: '#16a34a',
  error: '#dc2626',
  timeout: '#ea580c',
  overloaded: '#b91c1c',
  refused: '#7f1d1d',
  'circuit-open': '#7c3aed',
  'rate-limited': '#ca8a04',
  unreachable: '#475569',
  bulkhead: '#a16207',
};

/** What each outcome's particle colour means, in the legend's words. */
export const OUTCOME_LABEL: Readonly<Record<(typeof HOP_OUTCOMES)[number], string>> = {
  ok: 'Succeeded',
  error: 'Failed with an error',
  timeout: 'Timed out',
  overloaded: 'Refused: the queue was full',
  refused: 'Refused: the node was down',
  'circuit-open': 'Failed fast: the breaker was open',
  'rate-limited': 'Rate limited',
  unreachable: 'Unreachable: a partition',
  bulkhead: 'Refused: the bulkhead was full',
};

/** A request dot's radius in screen pixels, at any zoom. */
export const PARTICLE_RADIUS = 3.5;
/** Screen time a dot takes to travel an edge, whatever the replay speed. */
export const PARTICLE_TRAVEL_MS = 450;
/** Dots drawn at most at once; beyond it a crowd is a crowd. */
export const MAX_PARTICLES = 3_000;
