import { describe, expect, it } from 'vitest';
import { chartScene, niceTicks } from '../../../src/scene/chartScene';

describe('chartScene', () => {
  it('picks round ticks that cover the data', () => {
    expect(niceTicks(0, 100)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 1999)).toEqual([0, 500, 1000, 1500, 2000]);
    expect(niceTicks(0, 0.7)).toEqual([0, 0.2, 0.4, 0.6, 0.8]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('draws each line inside the plot, breaks it where there is no data, and shades the fault', () => {
    const x = Float64Array.from({ length: 10 }, (_, i) => i + 0.5);
    const values = Float64Array.from([1, 2, 3, Number.NaN, 5, 6, 7, 8, 9, 1999]);
    const scene = chartScene({ title: 'p99', unit: 'ms', x, lines: [{ label: 'p99', values }], bands: [{ from: 2, to: 4 }], width: 640, height: 240 });
    const line = scene.items.find((i) => i.type === 'path' && i.stroke?.width === 1.8);
    expect(line?.type === 'path' && line.d.match(/M/g)).toHaveLength(2);
    const ys = line?.type === 'path' ? [...line.d.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1])) : [];
    // The top of the plot is 40 px down; 1999 is under the top tick, 2000.
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(40);
    expect(scene.items.some((i) => i.type === 'rect' && i.fill === '#fef9c3' && i.width > 0)).toBe(true);
    expect(scene.items.some((i) => i.type === 'text' && i.text === 'p99')).toBe(true);
  });
});
