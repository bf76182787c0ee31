// One time-series chart on uPlot, sized to its box, with the playhead drawn across it; clicking
// the chart moves the playhead there. Data changes rebuild it; the playhead only moves a line.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEditor } from '../../react/editorContext';

export const LINE_COLORS = ['#2563eb', '#16a34a', '#dc2626', '#ea580c', '#7c3aed', '#0891b2', '#ca8a04', '#475569', '#db2777'];

export interface TimeChartProps {
  title: string;
  unit: string;
  /** Seconds. */
  x: Float64Array;
  lines: readonly { label: string; values: Float64Array; dash?: boolean }[];
  height?: number;
  colors?: readonly string[];
}

/** uPlot draws null as a gap; NaN (no data in a bucket) becomes null. */
export function gaps(values: ArrayLike<number>): (number | null)[] {
  return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
}

/** uPlot draws on a canvas, which CSS does not reach: axes take the theme's colours as drawn now. */
export function axisColours(el: HTMLElement): { ink: string; grid: { stroke: string; width: number } } {
  const css = getComputedStyle(el);
  return { ink: css.getPropertyValue('--muted').trim() || '#64748b', grid: { stroke: css.getPropertyValue('--border').trim() || '#e2e8f0', width: 1 } };
}

export function TimeChart({ title, unit, x, lines, height = 150, colors = LINE_COLORS }: TimeChartProps) {
  const host = useRef<HTMLDivElement>(null);
  const { playback } = useEditor();
  useEffect(() => {
    const el = host.current!;
    const { ink, grid } = axisColours(el);
    const opts: uPlot.Options = {
      title,
      width: Math.max(200, el.clientWidth),
      height,
      scales: { x: { time: false } },
      cursor: { drag: { x: false, y: false } },
      legend: { live: false },
      series: [
        { label: 'time (s)' },
        ...lines.map((l, i) => ({ label: l.label, stroke: colors[i % colors.length], width: 1.5, ...(l.dash ? { dash: [5, 4] } : {}) })),
      ],
      axes: [
        { values: (_u: uPlot, v: number[]) => v.map((s) => `${s} s`), stroke: ink, grid, ticks: grid },
        { label: unit, size: 56, stroke: ink, grid, ticks: grid },
      ],
    };
    const chart = new uPlot(opts, [Array.from(x), ...lines.map((l) => gaps(l.values))] as uPlot.AlignedData, el);
    const line = document.createElement('div');
    line.className = 'fl-chart-playhead';
    chart.over.appendChild(line);
    const place = () => {
      const { run, t } = playback.getState();
      line.style.display = run ? 'block' : 'none';
      line.style.left = `${chart.valToPos(t / 1000, 'x')}px`;
    };
    place();
    const unsubscribe = playback.subscribe(place);
    const seek = (e: MouseEvent) => playback.getState().seek(chart.posToVal(e.offsetX, 'x') * 1000);
    chart.over.addEventListener('click', seek);
    const resize = new ResizeObserver(() => {
      chart.setSize({ width: Math.max(200, el.clientWidth), height });
      place();
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      unsubscribe();
      chart.destroy();
    };
  }, [playback, title, unit, x, lines, height, colors]);
  return <div ref={host} className="fl-chart" role="img" aria-label={`${title} chart: ${lines.map((l) => l.label).join(', ')} over time`} />;
}
