// Recorded runs as JSON: typed-array series become plain arrays, rounded so the text is compact
// and identical for identical runs. Wall time is left out unless asked for, so the same inputs
// give byte-identical JSON.
import type { RecordedRun, RunSeries } from './types';

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}

function plainSeries(series: RunSeries) {
  const convert = (table: Record<string, Float32Array>) => Object.fromEntries(Object.entries(table).map(([k, a]) => [k, Array.from(a, round)]));
  return { node: convert(series.node), nodeFailures: convert(series.nodeFailures), edge: convert(series.edge), client: convert(series.client) };
}

export function runToJson(run: RecordedRun, options: { timing?: boolean; space?: number } = {}): string {
  const { wallMs, ...stats } = run.stats;
  return JSON.stringify(
    { ...run, series: plainSeries(run.series), stats: options.timing ? { ...stats, wallMs: round(wallMs) } : stats },
    (_, v) => (typeof v === 'number' && !Number.isInteger(v) ? round(v) : v),
    options.space,
  );
}
