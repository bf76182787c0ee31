// Every recorded-run format ever shipped has a fixture recorded by the engine of its day
// (run-v1.json by the engine at 8ac81d2, run-v3.json by the engine that added the latency split); each one restores to the current format and replays;
// a run that cannot be brought up is refused with an offer to run it again, never replayed broken.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { projectFrame } from '../../../src/playback/project';
import { buildRunIndex } from '../../../src/playback/runIndex';
import { HEALTH_CODES } from '../../../src/sim/health';
import { RunFormatError, restoreRun } from '../../../src/sim/restoreRun';
import { NewerRunError, RUN_STEPS } from '../../../src/sim/runMigrations';
import { RUN_VERSION } from '../../../src/sim/types';

const DIR = 'tests/fixtures/schema';
const fixtures = readdirSync(DIR)
  .filter((f) => /^run-v\d+\.json$/.test(f))
  .map((f) => ({ version: Number(f.match(/\d+/)![0]), raw: JSON.parse(readFileSync(`${DIR}/${f}`, 'utf8')) as Record<string, unknown> }));

describe('recorded-run migrations', () => {
  it('has a fixture for every run format from 1 to the current one', () => {
    expect(fixtures.map((f) => f.version).sort((a, b) => a - b)).toEqual(Array.from({ length: RUN_VERSION }, (_, i) => i + 1));
  });

  it.each(fixtures.map((f) => [f.version, f.raw] as const))('brings the format %s fixture to the current format, and it replays', (version, raw) => {
    const { run, migrated } = restoreRun(structuredClone(raw));
    expect(run.version).toBe(RUN_VERSION);
    expect(migrated).toHaveLength(RUN_VERSION - version);
    expect(run.series.node.health).toBeInstanceOf(Float32Array);
    expect(run.series.node.health.length).toBe(run.nodes.length * run.buckets);
    for (const code of run.series.node.health) expect(HEALTH_CODES[code]).toBeDefined();
    // The database hangs from 6 s to 12 s in every fixture: down in the middle of it, healthy well after.
    const index = buildRunIndex(run);
    expect(projectFrame(index, 9_000).nodes.get('db')!.health).toBe('down');
    expect(projectFrame(index, 9_000).nodes.get('client')!.health).toBe('failing');
    expect(projectFrame(index, 18_000).nodes.get('db')!.health).toBe('healthy');
    // A migrated run does not know what it ran on: it can only be stale.
    expect(run.diagramRevision === null).toBe(version < 2);
  });

  it('exercises every run migration step with some fixture', () => {
    const applied = fixtures.flatMap((f) => restoreRun(structuredClone(f.raw)).migrated);
    expect(new Set(applied)).toEqual(new Set(RUN_STEPS.map((s) => s.name)));
  });

  it('refuses a run from a newer app, and a damaged one, with an offer to run it again', () => {
    const newer = { ...structuredClone(fixtures[0].raw), version: RUN_VERSION + 1 };
    expect(() => restoreRun(newer)).toThrow(NewerRunError);
    expect(() => restoreRun(newer)).toThrow(/newer version of Faultline .* run the scenario again/);
    const damaged = structuredClone(fixtures[fixtures.length - 1].raw) as { series: { node: Record<string, unknown> } };
    delete damaged.series.node.arrivals;
    expect(() => restoreRun(damaged)).toThrow(RunFormatError);
    expect(() => restoreRun(damaged)).toThrow(/node series "arrivals" is missing\). Run the scenario again/);
    expect(() => restoreRun({ format: 'something else' })).toThrow(/not a recorded run/);
  });
});
