// A chart of figures against an input (load, a setting) on uPlot: each line, its 95% band as two
// dashed lines, and an optional mark (the knee) drawn across the plot.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { axisColours, gaps, LINE_COLORS } from '../playback/TimeChart';

export interface XYLine {
  label: string;
  values: readonly number[];
  /** The 95% interval around it, drawn as dashed lines in its colour. */
  lo?: readonly number[];
  hi?: readonly number[];
}

export interface XYChartProps {
  title: string;
  xLabel: string;
  unit: string;
  x: readonly number[];
  lines: readonly XYLine[];
  /** A vertical mark at this x, with its words in the chart's name. */
  mark?: { x: number; label: string } | null;
  height?: number;
}

export function XYChart({ title, xLabel, unit, x, lines, mark = null, height = 170 }: XYChartProps) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current!;
    const { ink, grid } = axisColours(el);
    const series: uPlot.Series[] = [{ label: xLabel }];
    const data: (number | null)[][] = [[...x]];
    lines.forEach((l, i) => {
      const stroke = LINE_COLORS[i % LINE_COLORS.length];
      series.push({ label: l.label, stroke, width: 2, points: { show: true, size: 5 } });
      data.push(gaps(l.values));
      if (l.lo && l.hi) {
        series.push({ label: `${l.label}: 95% low`, stroke, width: 1, dash: [4, 4], points: { show: false } });
        series.push({ label: `${l.label}: 95% high`, stroke, width: 1, dash: [4, 4], points: { show: false } });
        data.push(gaps(l.lo), gaps(l.hi));
      }
    });
    const opts: uPlot.Options = {
      title,
      width: Math.max(220, el.clientWidth),
      height,
      scales: { x: { time: false } },
      cursor: { drag: { x: false, y: false } },
      legend: { live: false },
      series,
      axes: [
        { label: xLabel, stroke: ink, grid, ticks: grid },
        { label: unit, size: 56, stroke: ink, grid, ticks: grid },
      ],
      hooks: {
        draw: [
          (u) => {
            if (!mark) return;
            const left = u.valToPos(mark.x, 'x', true);
            const ctx = u.ctx;
            ctx.save();
            ctx.strokeStyle = '#dc2626';
            ctx.lineWidth = 2 * devicePixelRatio;
            ctx.setLineDash([6 * devicePixelRatio, 4 * devicePixelRatio]);
            ctx.beginPath();
            ctx.moveTo(left, u.bbox.top);
            ctx.lineTo(left, u.bbox.top + u.bbox.height);
            ctx.stroke();
            ctx.restore();
          },
        ],
      },
    };
    const chart = new uPlot(opts, data as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(220, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [title, xLabel, unit, x, lines, mark, height]);
  const described = lines.map((l) => l.label).join(', ');
  return <div ref={host} className="fl-chart" role="img" aria-label={`${title} chart: ${described} against ${xLabel}${mark ? `; ${mark.label}` : ''}`} />;
}
