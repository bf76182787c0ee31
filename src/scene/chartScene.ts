// A time chart as a scene, for documents (a postmortem's figures): lines over the run's seconds,
// shaded stretches where faults acted, axes with round ticks and a legend. Pure, so the CLI draws
// the same figure as the browser.
import { identityView, type Scene, type SceneItem } from './scene';
import { fitLine, textWidth } from './text';

export interface ChartSeries {
  label: string;
  values: Float64Array;
}

export interface ChartSpec {
  title: string;
  unit: string;
  /** Seconds. */
  x: Float64Array;
  lines: ChartSeries[];
  /** Stretches to shade, in seconds (faults acting). */
  bands?: { from: number; to: number }[];
  width?: number;
  height?: number;
}

export const CHART_COLORS = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2'];
const AXIS = '#94a3b8';
const TEXT = '#334155';
const MARGIN = { left: 56, right: 16, top: 40, bottom: 44 };

/** Round tick values from at or below min to at or above max: 1, 2 or 5 times a power of ten apart. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!(max > min)) return [min];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  return Array.from({ length: last - first + 1 }, (_, i) => Math.round((first + i) * step * 1e9) / 1e9);
}

const label = (v: number) => (Math.abs(v) >= 1000 ? `${Math.round(v / 100) / 10}k` : String(Math.round(v * 100) / 100));

export function chartScene(spec: ChartSpec): Scene {
  const width = spec.width ?? 640;
  const height = spec.height ?? 240;
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const xs = spec.x;
  const x0 = xs.length > 0 ? Math.min(0, xs[0]) : 0;
  const x1 = xs.length > 0 ? xs[xs.length - 1] : 1;
  let top = 0;
  for (const l of spec.lines) for (const v of l.values) if (Number.isFinite(v) && v > top) top = v;
  const yTicks = niceTicks(0, top > 0 ? top : 1);
  const y1 = yTicks[yTicks.length - 1] || 1;
  const px = (t: number) => MARGIN.left + ((t - x0) / (x1 - x0 || 1)) * plotW;
  const py = (v: number) => MARGIN.top + plotH - (v / y1) * plotH;
  const items: SceneItem[] = [
    { type: 'text', x: MARGIN.left, y: 22, text: fitLine(spec.title, plotW, 14, 600), size: 14, weight: 600, color: '#0f172a', anchor: 'start' },
  ];

  for (const b of spec.bands ?? []) {
    const from = px(Math.max(x0, b.from));
    const to = px(Math.min(x1, b.to));
    if (to > from) items.push({ type: 'rect', x: from, y: MARGIN.top, width: to - from, height: plotH, radius: 0, fill: '#fef9c3' });
  }
  for (const v of yTicks) {
    items.push({ type: 'path', d: `M${MARGIN.left} ${py(v)}H${MARGIN.left + plotW}`, x: 0, y: 0, stroke: { color: '#e2e8f0', width: 1 } });
    items.push({ type: 'text', x: MARGIN.left - 6, y: py(v) + 4, text: label(v), size: 11, weight: 400, color: TEXT, anchor: 'end' });
  }
  for (const t of niceTicks(x0, x1, 6))
    items.push({ type: 'text', x: px(t), y: MARGIN.top + plotH + 16, text: `${label(t)} s`, size: 11, weight: 400, color: TEXT, anchor: 'middle' });
  items.push({ type: 'path', d: `M${MARGIN.left} ${MARGIN.top}V${MARGIN.top + plotH}H${MARGIN.left + plotW}`, x: 0, y: 0, stroke: { color: AXIS, width: 1 } });
  items.push({ type: 'text', x: 8, y: MARGIN.top - 8, text: spec.unit, size: 11, weight: 400, color: TEXT, anchor: 'start' });

  let legendX = MARGIN.left;
  spec.lines.forEach((line, i) => {
    const color = CHART_COLORS[i % CHART_COLORS.length];
    let d = '';
    let pen = false;
    for (let k = 0; k < xs.length && k < line.values.length; k++) {
      const v = line.values[k];
      if (!Number.isFinite(v)) {
        pen = false;
        continue;
      }
      d += `${pen ? 'L' : 'M'}${Math.round(px(xs[k]) * 10) / 10} ${Math.round(py(v) * 10) / 10}`;
      pen = true;
    }
    if (d) items.push({ type: 'path', d, x: 0, y: 0, stroke: { color, width: 1.8 } });
    const legendY = height - 10;
    items.push({ type: 'rect', x: legendX, y: legendY - 8, width: 14, height: 4, radius: 1, fill: color });
    items.push({ type: 'text', x: legendX + 18, y: legendY - 3, text: line.label, size: 11, weight: 400, color: TEXT, anchor: 'start' });
    legendX += 18 + textWidth(line.label, 11) + 16;
  });
  return { width, height, background: '#ffffff', view: identityView(), items, overlay: [] };
}
