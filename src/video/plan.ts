// A replay as a sequence of frames: which moments of the run a video shows, at what size, with
// what caption, each drawn as a scene from the same projection the player uses. Pure, so the
// worker that encodes and the tests that check a frame compute the same picture.
import type { Diagram, Rect } from '../model';
import { entryAt } from '../playback/clock';
import { MAX_PARTICLES, PARTICLE_TRAVEL_MS } from '../playback/healthStyle';
import { type ParticleBuffer, particleBuffer, particlesAt } from '../playback/particles';
import { projectFrame } from '../playback/project';
import { buildRunIndex, type HopTable, type RunIndex } from '../playback/runIndex';
import { storyRange } from '../playback/storyRange';
import { diagramBounds, diagramScene } from '../scene/diagramScene';
import type { Scene } from '../scene/scene';
import { formatTime } from '../sim/timeline';
import type { RecordedRun } from '../sim/types';

export const VIDEO_SIZES = {
  '720p': { width: 1280, height: 720 },
  '1080p': { width: 1920, height: 1080 },
} as const;
export type VideoSize = keyof typeof VIDEO_SIZES;

export const VIDEO_FORMATS = ['webm', 'mp4', 'gif'] as const;
export type VideoFormat = (typeof VIDEO_FORMATS)[number];

/** Frames per second of a video file; a GIF counts time in hundredths, so 10 fps keeps it exact. */
export const FPS: Record<VideoFormat, number> = { webm: 30, mp4: 30, gif: 10 };

export interface VideoOptions {
  /** Run time, in ms. */
  from: number;
  to: number;
  /** Run time per video time, as the player's speeds. */
  speed: number;
  size: VideoSize;
  format: VideoFormat;
  /** Diagram coordinates to show; null for the whole diagram. */
  area: Rect | null;
  fps?: number;
}

export interface VideoPlan {
  options: VideoOptions;
  fps: number;
  width: number;
  height: number;
  frames: number;
  /** Video seconds. */
  duration: number;
}

/** The options a video starts with for this run: the incident, at 1×, 720p WebM, all of it. */
export function defaultVideoOptions(run: RecordedRun): VideoOptions {
  const { from, to } = storyRange(run);
  return { from, to, speed: 1, size: '720p', format: 'webm', area: null };
}

export function planVideo(run: Pick<RecordedRun, 'durationMs'>, options: VideoOptions): VideoPlan {
  const from = Math.max(0, Math.min(options.from, run.durationMs));
  const to = Math.max(from, Math.min(options.to, run.durationMs));
  if (to - from < 100) throw new Error('The time range is empty: pick an end after the start.');
  if (!(options.speed > 0)) throw new Error('The speed must be above zero.');
  const fps = options.fps ?? FPS[options.format];
  const frames = Math.max(1, Math.round(((to - from) / options.speed / 1000) * fps));
  return { options: { ...options, from, to }, fps, ...VIDEO_SIZES[options.size], frames, duration: frames / fps };
}

/** The run time shown by frame i. */
export function frameTime(plan: VideoPlan, i: number): number {
  return Math.min(plan.options.to, plan.options.from + (i * plan.options.speed * 1000) / plan.fps);
}

/** What a frame draws from: the run's index and one particle buffer reused frame after frame. */
export interface FrameSource {
  diagram: Diagram;
  run: RecordedRun;
  index: RunIndex;
  area: Rect;
  particles: ParticleBuffer;
}

/**
 * `hops`, when given, are the run's sampled hops already indexed (the player's), so a worker can
 * be sent the run without its samples, which are slow to copy.
 */
export function frameSource(diagram: Diagram, run: RecordedRun, plan: VideoPlan, hops?: HopTable): FrameSource {
  const area = plan.options.area ?? diagramBounds(diagram);
  if (!area) throw new Error('There is nothing on the canvas to film.');
  const index = buildRunIndex(run);
  return { diagram, run, index: hops ? { ...index, hops } : index, area, particles: particleBuffer(MAX_PARTICLES) };
}

/** The caption under a frame: the clock and the incident timeline's line in force. */
export function captionAt(run: RecordedRun, t: number): { time: string; line: string } {
  const at = entryAt(run.timeline, t);
  return { time: formatTime(t), line: at < 0 ? run.scenarioName : `${formatTime(run.timeline[at].t)}  ${run.timeline[at].text}` };
}

/** Frame i as a scene: the player's frame at that moment, its request dots and the caption. */
export function frameScene(source: FrameSource, plan: VideoPlan, i: number): Scene {
  const t = frameTime(plan, i);
  // Dots travel an edge in the same screen time as in the player at this speed.
  particlesAt(source.index.hops, t, PARTICLE_TRAVEL_MS * plan.options.speed, source.particles);
  return diagramScene(source.diagram, {
    frame: projectFrame(source.index, t),
    particles: source.particles,
    area: source.area,
    size: { width: plan.width, height: plan.height },
    caption: captionAt(source.run, t),
  });
}
