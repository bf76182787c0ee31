// A question's scale requirements as numbers (front matter `scale:`): requests a day (or daily
// users × requests each, or a peak rate outright) and the peak over the day's average become
// per-client rates at full scale, for the capacity check, and at a stated share of full scale,
// for the simulation. So a candidate's back-of-the-envelope arithmetic is checked by the model.

export interface Scale {
  /** Peak requests per second at full scale, however the file put it. */
  peakRps: number;
  /** The file's own words for where the peak came from ("100 billion requests a day × 2 at peak"). */
  basis: string;
  /** The share of full scale the simulation runs at (0 < simulateAt <= 1). */
  simulateAt: number;
  /** Client node ids of the diagram and their share of the traffic; empty means split evenly. */
  clients: Record<string, number>;
  /** Which of the question's diagrams the clients are in (1-based). */
  diagram: number;
}

const DAY_S = 86_400;

function positive(raw: Record<string, unknown>, key: string, max = 1e15): number | undefined {
  const v = raw[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0 || v > max)
    throw new Error(`"scale.${key}" must be a number above 0 and at most ${max.toLocaleString('en-US')}`);
  return v;
}

const KEYS = ['requestsPerDay', 'dailyUsers', 'requestsPerUserPerDay', 'peakRps', 'peakFactor', 'simulateAt', 'clients', 'diagram'];

/** A number in words people read in a brief: 100 billion, 2.3 million, 35,000. */
export function largeNumber(n: number): string {
  const units: [number, string][] = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  for (const [size, name] of units) if (n >= size) return `${Number((n / size).toPrecision(3)).toLocaleString('en-US')} ${name}`;
  return Math.round(n).toLocaleString('en-US');
}

/** Reads the front matter's `scale`; throws with the field named when it is off. */
export function parseScale(raw: unknown): Scale | null {
  if (raw === undefined) return null;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('"scale" must be a map of numbers');
  const r = raw as Record<string, unknown>;
  const unknown = Object.keys(r).filter((k) => !KEYS.includes(k));
  if (unknown.length) throw new Error(`"scale" has no field "${unknown[0]}" (it takes ${KEYS.join(', ')})`);
  const peakFactor = positive(r, 'peakFactor', 1_000) ?? 2;
  const perDay = positive(r, 'requestsPerDay');
  const users = positive(r, 'dailyUsers');
  const each = positive(r, 'requestsPerUserPerDay', 1e6);
  const peak = positive(r, 'peakRps', 1e12);
  let peakRps: number;
  let basis: string;
  if (peak !== undefined) {
    peakRps = peak;
    basis = `${largeNumber(peak)} requests a second at peak`;
  } else if (perDay !== undefined) {
    peakRps = (perDay / DAY_S) * peakFactor;
    basis = `${largeNumber(perDay)} requests a day, ${peakFactor}× the average at peak`;
  } else if (users !== undefined && each !== undefined) {
    peakRps = ((users * each) / DAY_S) * peakFactor;
    basis = `${largeNumber(users)} daily users × ${each.toLocaleString('en-US')} requests each, ${peakFactor}× the average at peak`;
  } else throw new Error('"scale" needs peakRps, requestsPerDay, or dailyUsers with requestsPerUserPerDay');
  const simulateAt = positive(r, 'simulateAt', 1) ?? 1;
  const clients: Record<string, number> = {};
  if (r.clients !== undefined) {
    if (typeof r.clients !== 'object' || r.clients === null || Array.isArray(r.clients)) throw new Error('"scale.clients" must map client ids to their share');
    for (const [id, share] of Object.entries(r.clients)) {
      if (typeof share !== 'number' || !(share > 0)) throw new Error(`"scale.clients.${id}" must be a share above 0`);
      Object.defineProperty(clients, id, { value: share, enumerable: true, writable: true, configurable: true });
    }
  }
  const diagram = r.diagram === undefined ? 1 : r.diagram;
  if (!Number.isInteger(diagram) || (diagram as number) < 1) throw new Error('"scale.diagram" must be a diagram number from 1');
  return { peakRps, basis, simulateAt, clients, diagram: diagram as number };
}

/** Each client's rate at full scale and at the simulation's share of it. */
export function scaleRates(scale: Scale, clientIds: readonly string[]): { full: Record<string, number>; simulated: Record<string, number> } {
  const named = Object.keys(scale.clients).filter((id) => clientIds.includes(id));
  const ids = named.length > 0 ? named : [...clientIds];
  const total = named.length > 0 ? named.reduce((s, id) => s + scale.clients[id], 0) : ids.length;
  const full: Record<string, number> = {};
  const simulated: Record<string, number> = {};
  for (const id of ids) {
    const share = named.length > 0 ? scale.clients[id] / total : 1 / total;
    full[id] = scale.peakRps * share;
    // Rounded to a tenth of a request a second: a rate a person can read and the schema takes.
    simulated[id] = Math.max(0.1, Math.round(full[id] * scale.simulateAt * 10) / 10);
  }
  return { full, simulated };
}
