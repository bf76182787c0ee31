import { describe, expect, it } from 'vitest';
import { BASE_NODE_PROPS, CATALOG, DEFAULT_CALL, KINDS, effectiveNodeProps, fieldError, nodeField, callField, isSimulated } from '../../../src/model';

const REQUIRED_KINDS = [
  'client',
  'dns',
  'cdn',
  'loadBalancer',
  'apiGateway',
  'service',
  'worker',
  'cache',
  'database',
  'queue',
  'stream',
  'search',
  'objectStore',
  'external',
  'group',
  'step',
  'note',
];

describe('component catalog', () => {
  it('has every kind the product promises, each once', () => {
    expect([...KINDS].sort()).toEqual([...REQUIRED_KINDS].sort());
    for (const kind of KINDS) expect(CATALOG[kind].kind).toBe(kind);
  });

  it.each(KINDS)('%s has a label, icon, colour and Mermaid shape', (kind) => {
    const e = CATALOG[kind];
    expect(e.label.length).toBeGreaterThan(0);
    expect(e.icon).toMatch(/^[a-z-]+$/);
    expect(e.color).toMatch(/^#[0-9a-f]{6}$/);
    expect(e.mermaidShape.length).toBeGreaterThan(0);
  });

  it.each(KINDS)('%s states its behaviour consistently', (kind) => {
    const e = CATALOG[kind];
    expect(e.delivery !== undefined, 'queueing kinds say how they deliver').toBe(e.routing === 'queue');
    expect(e.container, 'a container is drawn as a group and not simulated itself').toBe(e.canvas === 'group');
    if (e.container) expect(e.routing).toBe('none');
    expect(e.defaultSize !== undefined, 'groups and notes are sized; components are not').toBe(e.canvas !== 'component');
    if (!e.connectable) expect(e.callable).toBe(false);
    if (e.routing === 'source') expect(e.callable).toBe(false);
  });

  it('tells a queue from a stream by delivery, not by name', () => {
    expect(CATALOG.queue.delivery).toBe('competing');
    expect(CATALOG.stream.delivery).toBe('broadcast');
  });

  it.each(KINDS)('%s defaults are valid values of their fields', (kind) => {
    const props = effectiveNodeProps(kind);
    for (const [key, value] of Object.entries(props)) {
      const field = nodeField(key);
      expect(field, key).toBeDefined();
      expect(fieldError(field!, value), `${kind}.${key}`).toBeNull();
    }
    for (const key of CATALOG[kind].fields) expect(nodeField(key), `${kind} lists ${key}`).toBeDefined();
  });

  it('gives simulated servers a real, finite service time and capacity', () => {
    for (const kind of KINDS.filter((k) => isSimulated(k) && k !== 'client' && k !== 'step')) {
      const p = effectiveNodeProps(kind);
      expect(p.latencyMs, kind).toBeGreaterThan(0);
      expect(p.replicas * p.concurrency, kind).toBeLessThan(Infinity);
      expect(p.latencyP99Ms, kind).toBeGreaterThanOrEqual(p.latencyMs);
    }
  });

  it('marks queues and streams as asynchronous on the way in, and nothing else', () => {
    expect(KINDS.filter((k) => CATALOG[k].asyncInbound).sort()).toEqual(['queue', 'stream']);
  });

  it('has inference keywords and product names in lower case, never claimed by two kinds', () => {
    const owner = new Map<string, string>();
    for (const kind of KINDS) {
      for (const word of [...CATALOG[kind].keywords, ...CATALOG[kind].products]) {
        expect(word).toBe(word.toLowerCase());
        expect(owner.get(word), `"${word}" in ${kind} and ${owner.get(word)}`).toBeUndefined();
        owner.set(word, kind);
      }
    }
  });

  it('has valid default call settings', () => {
    for (const [key, value] of Object.entries(DEFAULT_CALL)) expect(fieldError(callField(key)!, value), key).toBeNull();
    for (const [key, value] of Object.entries(BASE_NODE_PROPS)) expect(fieldError(nodeField(key)!, value), key).toBeNull();
  });

  it('refuses out-of-range values with a message that names the field and unit', () => {
    expect(fieldError(callField('timeoutMs')!, -5)).toBe('Timeout must be at least 0 ms');
    expect(fieldError(nodeField('errorRate')!, 2)).toBe('Error rate must be at most 100 %');
    expect(fieldError(nodeField('replicas')!, 1.5)).toBe('Replicas must be a whole number');
    expect(fieldError(callField('jitter')!, 'some')).toMatch(/Jitter must be one of none, full, equal/);
  });
});
