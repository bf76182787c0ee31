import { describe, expect, it } from 'vitest';
import {
  addFault,
  addScenario,
  ensureScenario,
  faultTypesFor,
  newFault,
  removeFault,
  removeScenario,
  renameScenario,
  setScenarioSetting,
  setTraffic,
  updateFault,
  type Result,
} from '../../../src/model';
import { createDocumentStore } from '../../../src/editor/documentStore';
import { storeActions } from '../../../src/editor/actions';
import { threeTier } from '../../helpers/builders';

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.reason);
  return r.value;
}

describe('scenarios', () => {
  it('creates a Baseline the first time a fault is injected into a diagram without one', () => {
    const { diagram, db } = threeTier();
    expect(diagram.scenarios).toEqual([]);
    const f = value(addFault(diagram, null, newFault('hang', { type: 'node', id: db }, 10_000, 60_000)));
    expect(diagram.scenarios.map((s) => s.name)).toEqual(['Baseline']);
    expect(diagram.scenarios[0].faults).toEqual([f]);
    expect(f).toMatchObject({ type: 'hang', startMs: 10_000, endMs: 30_000 });
  });

  it('offers each target only the faults it can have', () => {
    const types = (t: Parameters<typeof faultTypesFor>[0]) => faultTypesFor(t).map((f) => f.type);
    expect(types('edge')).toEqual(['latency', 'errorRate', 'partition']);
    expect(types('cache')).toContain('cacheFlush');
    expect(types('service')).not.toContain('cacheFlush');
    expect(types('client')).toEqual(['trafficSpike']);
    expect(types('note')).toEqual([]);
    expect(types('group')).toHaveLength(8);
  });

  it('refuses faults that cannot be, with the reason', () => {
    const { diagram, service, client } = threeTier();
    const s = ensureScenario(diagram, null);
    expect(addFault(diagram, s.id, newFault('cacheFlush', { type: 'node', id: service }, 0, s.durationMs))).toEqual({
      ok: false,
      reason: 'Flush cache cannot be put on API (a Service)',
    });
    expect(addFault(diagram, s.id, newFault('crash', { type: 'edge', id: 'eclient-api' }, 0, s.durationMs)).ok).toBe(false);
    expect(addFault(diagram, s.id, newFault('crash', { type: 'node', id: 'gone' }, 0, s.durationMs))).toEqual({
      ok: false,
      reason: 'That node no longer exists',
    });
    const spike = value(addFault(diagram, s.id, newFault('trafficSpike', { type: 'node', id: client }, 5_000, s.durationMs)));
    expect(updateFault(diagram, s.id, spike.id, { endMs: 4_000 })).toEqual({ ok: false, reason: 'A fault must end after it starts' });
    expect(updateFault(diagram, s.id, spike.id, { factor: -1 })).toEqual({ ok: false, reason: 'Rate multiplier must be at least 0 ×' });
    expect(updateFault(diagram, s.id, spike.id, { startMs: 70_000, endMs: 80_000 }).ok).toBe(false);
    expect(diagram.scenarios[0].faults[0]).toMatchObject({ startMs: 5_000, factor: 5 });
  });

  it('gives a fault the parameters of its new type when the type changes', () => {
    const { diagram, db } = threeTier();
    const f = value(addFault(diagram, null, newFault('hang', { type: 'node', id: db }, 10_000, 60_000)));
    const s = diagram.scenarios[0];
    expect(value(updateFault(diagram, s.id, f.id, { type: 'errorRate' }))).toMatchObject({ type: 'errorRate', fraction: 0.5 });
    expect(value(updateFault(diagram, s.id, f.id, { type: 'latency', addMs: 250 }))).toMatchObject({ type: 'latency', addMs: 250, factor: 1 });
    value(removeFault(diagram, s.id, f.id));
    expect(s.faults).toEqual([]);
  });

  it('places a new fault inside the run', () => {
    expect(newFault('crash', { type: 'node', id: 'x' }, 55_000, 60_000)).toMatchObject({ startMs: 55_000, endMs: 60_000 });
    expect(newFault('crash', { type: 'node', id: 'x' }, 90_000, 60_000)).toMatchObject({ startMs: 59_000, endMs: 60_000 });
  });

  it('sets per-client traffic, refusing bad values and non-clients', () => {
    const { diagram, client, service } = threeTier();
    const s = value(setTraffic(diagram, null, client, 'rateRps', 250));
    expect(s.traffic).toEqual({ [client]: { rateRps: 250 } });
    expect(setTraffic(diagram, s.id, client, 'rateRps', -1)).toEqual({ ok: false, reason: 'Request rate must be at least 0 req/s' });
    expect(setTraffic(diagram, s.id, service, 'rateRps', 5).ok).toBe(false);
    value(setTraffic(diagram, s.id, client, 'rateRps', undefined));
    expect(s.traffic).toEqual({});
  });

  it('names, copies, times and removes scenarios', () => {
    const { diagram, db } = threeTier();
    value(addFault(diagram, null, newFault('hang', { type: 'node', id: db }, 10_000, 60_000)));
    const base = diagram.scenarios[0];
    const copy = value(addScenario(diagram, 'With breaker', base));
    expect(copy.id).not.toBe(base.id);
    expect(copy.faults).toEqual(base.faults);
    expect(addScenario(diagram, '  ').ok).toBe(false);
    value(renameScenario(diagram, copy.id, 'Breaker on'));
    expect(setScenarioSetting(diagram, copy.id, 'durationMs', 500)).toEqual({ ok: false, reason: 'Duration must be at least 1 s' });
    expect(setScenarioSetting(diagram, copy.id, 'warmupMs', 60_000)).toEqual({ ok: false, reason: 'Warm-up must be shorter than the run' });
    value(setScenarioSetting(diagram, copy.id, 'seed', 7));
    expect(diagram.scenarios.map((s) => [s.name, s.seed])).toEqual([
      ['Baseline', 1],
      ['Breaker on', 7],
    ]);
    value(removeScenario(diagram, base.id));
    expect(diagram.scenarios.map((s) => s.name)).toEqual(['Breaker on']);
  });

  it('undoes a whole fault drag as one step, and an injection with its new Baseline as one', () => {
    const { diagram, db } = threeTier();
    const store = createDocumentStore(diagram);
    const actions = storeActions(store);
    const f = value(actions.addFault(null, newFault('hang', { type: 'node', id: db }, 10_000, 60_000)));
    const sid = store.getState().diagram.scenarios[0].id;
    store.getState().beginGesture('Move fault');
    for (const start of [11_000, 12_000, 13_000]) actions.updateFault(sid, f.id, { startMs: start, endMs: start + 20_000 });
    store.getState().endGesture();
    expect(store.getState().diagram.scenarios[0].faults[0].startMs).toBe(13_000);
    expect(store.getState().undo()).toBe('Move fault');
    expect(store.getState().diagram.scenarios[0].faults[0].startMs).toBe(10_000);
    expect(store.getState().undo()).toBe('Inject fault');
    expect(store.getState().diagram.scenarios).toEqual([]);
  });
});
