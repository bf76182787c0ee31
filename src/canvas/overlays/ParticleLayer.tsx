// Request particles over the canvas: one <canvas> drawn once a frame from the recorded run's
// sampled requests (or the request flow's current message), riding the edges as React Flow drew
// them. Hundreds of dots cost one draw call each and no React renders.
import { useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useEffect, useRef } from 'react';
import { parseEdgePath, pointOnCubic, type Cubic } from '../../playback/edgePath';
import { flowSteps, STEP_MS } from '../../playback/flows';
import { drawnPosition, particleBuffer, particlesAt } from '../../playback/particles';
import { HOP_OUTCOMES } from '../../playback/runIndex';
import { useEditor } from '../../react/editorContext';
import { MAX_PARTICLES, OUTCOME_COLOR, PARTICLE_RADIUS as RADIUS, PARTICLE_TRAVEL_MS as TRAVEL_MS } from '../../playback/healthStyle';

const COLORS = HOP_OUTCOMES.map((o) => OUTCOME_COLOR[o]);

/** Edge geometry as drawn, re-read only when React Flow redraws a path. */
class EdgeGeometry {
  private cache = new Map<string, { d: string; cubic: Cubic | null }>();
  private elements = new Map<string, SVGPathElement>();

  constructor(private readonly root: HTMLElement) {}

  refresh(): void {
    this.elements.clear();
    for (const g of this.root.querySelectorAll<SVGGElement>('.react-flow__edge')) {
      const id = g.getAttribute('data-id');
      const path = g.querySelector<SVGPathElement>('path.react-flow__edge-path');
      if (id && path) this.elements.set(id, path);
    }
  }

  get(id: string): Cubic | null {
    const el = this.elements.get(id);
    if (!el) return null;
    const d = el.getAttribute('d') ?? '';
    const cached = this.cache.get(id);
    if (cached?.d === d) return cached.cubic;
    const cubic = parseEdgePath(d);
    this.cache.set(id, { d, cubic });
    return cubic;
  }
}

export function ParticleLayer() {
  const canvas = useRef<HTMLCanvasElement>(null);
  const editor = useEditor();
  const flow = useReactFlow();
  const [tx, ty, zoom] = useFlowStore((s) => s.transform);
  const view = useRef({ tx, ty, zoom });
  view.current = { tx, ty, zoom };

  useEffect(() => {
    const { playback, doc: documentStore } = editor;
    const el = canvas.current;
    const root = el?.parentElement;
    if (!el || !root) return;
    const ctx = el.getContext('2d');
    if (!ctx) return;
    const geometry = new EdgeGeometry(root);
    const buffer = particleBuffer(MAX_PARTICLES);
    let frame = 0;
    let lastKey = '';

    const resize = () => {
      const ratio = window.devicePixelRatio || 1;
      el.width = Math.round(root.clientWidth * ratio);
      el.height = Math.round(root.clientHeight * ratio);
      lastKey = '';
      if (frame === 0 && active()) frame = requestAnimationFrame(draw);
    };

    const dot = (cubic: Cubic, u: number, color: string, r: number) => {
      const p = pointOnCubic(cubic, u);
      const { tx, ty, zoom } = view.current;
      ctx.beginPath();
      ctx.fillStyle = color;
      ctx.arc(p.x * zoom + tx, p.y * zoom + ty, r, 0, Math.PI * 2);
      ctx.fill();
    };

    const drawRun = () => {
      const { index, t, speed } = playback.getState();
      if (!index) return 0;
      particlesAt(index.hops, t, TRAVEL_MS * speed, buffer);
      for (let i = 0; i < buffer.count; i++) {
        const cubic = geometry.get(buffer.edge[i]);
        if (!cubic) continue;
        dot(cubic, drawnPosition(buffer.position[i], i), COLORS[buffer.outcome[i]], RADIUS);
      }
      return buffer.count;
    };

    const drawFlow = () => {
      const f = playback.getState().flow;
      if (!f) return;
      const d = documentStore.getState().diagram;
      const requestFlow = d.flows.find((x) => x.id === f.id);
      const step = requestFlow ? flowSteps(d, requestFlow)[f.step] : undefined;
      if (!step) return;
      let cubic = step.edge ? geometry.get(step.edge) : null;
      let reverse = step.reverse;
      if (!cubic) {
        // Not connected on the canvas: travel straight between the two.
        const a = flow.getInternalNode(step.from);
        const b = flow.getInternalNode(step.to);
        if (!a || !b) return;
        const centre = (n: NonNullable<typeof a>) => ({
          x: n.internals.positionAbsolute.x + (n.measured.width ?? 0) / 2,
          y: n.internals.positionAbsolute.y + (n.measured.height ?? 0) / 2,
        });
        cubic = parseEdgePath(`M${centre(a).x},${centre(a).y} L${centre(b).x},${centre(b).y}`);
        reverse = false;
      }
      if (!cubic) return;
      const u = Math.min(1, f.elapsed / STEP_MS);
      dot(cubic, reverse ? 1 - u : u, step.reply ? '#0891b2' : '#4f46e5', 6);
    };

    const active = () => {
      const s = playback.getState();
      return s.index !== null || s.flow !== null;
    };

    // Runs only while a run or a flow is open; otherwise the canvas is cleared once and the
    // loop sleeps until one opens.
    const draw = () => {
      frame = active() ? requestAnimationFrame(draw) : 0;
      const s = playback.getState();
      const { tx, ty, zoom } = view.current;
      const revision = documentStore.getState().revision;
      const key = `${s.index ? s.t : '-'}|${s.speed}|${tx}|${ty}|${zoom}|${s.flow ? `${s.flow.id}:${s.flow.step}:${s.flow.elapsed}` : '-'}|${revision}`;
      if (key === lastKey) return;
      lastKey = key;
      ctx.setTransform(window.devicePixelRatio || 1, 0, 0, window.devicePixelRatio || 1, 0, 0);
      ctx.clearRect(0, 0, el.width, el.height);
      if (!s.index && !s.flow) {
        el.dataset.particles = '0';
        return;
      }
      geometry.refresh();
      const count = drawRun();
      drawFlow();
      el.dataset.particles = String(count);
    };
    const wake = () => {
      if (frame === 0) frame = requestAnimationFrame(draw);
    };
    const observer = new ResizeObserver(resize);
    observer.observe(root);
    resize();
    wake();
    const unsubscribePlayback = playback.subscribe(wake);
    // A node moved: its paths change one render later, so the key alone would miss them.
    const unsubscribeDocument = documentStore.subscribe(() => {
      if (active()) requestAnimationFrame(() => (lastKey = ''));
    });
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      unsubscribePlayback();
      unsubscribeDocument();
    };
  }, [editor, flow]);

  // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas is not focusable; the particles are decoration the timeline tells in words
  return <canvas ref={canvas} className="fl-particles" aria-hidden="true" data-testid="particles" />;
}
