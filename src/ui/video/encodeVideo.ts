// Draws a replay frame by frame onto an OffscreenCanvas and encodes it: WebM or MP4 through
// WebCodecs and mediabunny's muxers, GIF through gifenc. Runs in the video worker, so the page
// stays responsive; frames come from the same scene the SVG export draws (src/video/plan.ts).
import type { Diagram } from '../../model';
import { drawScene } from '../../scene/drawScene';
import type { HopTable } from '../../playback/runIndex';
import type { RecordedRun } from '../../sim/types';
import { frameScene, frameSource, planVideo, type VideoOptions, type VideoPlan } from '../../video/plan';

export interface EncodedVideo {
  bytes: ArrayBuffer;
  mime: string;
  extension: string;
  /** The codec the file holds, for the person to read ("avc", "vp9", "gif"). */
  codec: string;
  frames: number;
  duration: number;
}

export interface EncodeControl {
  onProgress(fraction: number): void;
  isCancelled(): boolean;
}

export class CancelledError extends Error {
  override name = 'AbortError';
  constructor() {
    super('The export was cancelled');
  }
}

/** The codec this browser can encode for each video container at this size, or null. */
export async function encodableCodecs(width: number, height: number): Promise<{ webm: string | null; mp4: string | null }> {
  const { getFirstEncodableVideoCodec, Mp4OutputFormat, WebMOutputFormat } = await import('mediabunny');
  if (typeof VideoEncoder === 'undefined') return { webm: null, mp4: null };
  const [webm, mp4] = await Promise.all(
    [new WebMOutputFormat(), new Mp4OutputFormat()].map((f) => getFirstEncodableVideoCodec(f.getSupportedVideoCodecs(), { width, height })),
  );
  return { webm, mp4 };
}

function canvasFor(plan: VideoPlan): { canvas: OffscreenCanvas; ctx: OffscreenCanvasRenderingContext2D } {
  const canvas = new OffscreenCanvas(plan.width, plan.height);
  const ctx = canvas.getContext('2d', { willReadFrequently: plan.options.format === 'gif' });
  if (!ctx) throw new Error('This browser cannot draw offscreen; try Chromium or Firefox.');
  return { canvas, ctx };
}

async function encodeMovie(diagram: Diagram, run: RecordedRun, hops: HopTable | undefined, plan: VideoPlan, control: EncodeControl): Promise<EncodedVideo> {
  const mb = await import('mediabunny');
  const format = plan.options.format === 'mp4' ? new mb.Mp4OutputFormat({ fastStart: 'in-memory' }) : new mb.WebMOutputFormat();
  const codec = typeof VideoEncoder === 'undefined' ? null : await mb.getFirstEncodableVideoCodec(format.getSupportedVideoCodecs(), plan);
  if (!codec) throw new Error(`This browser cannot encode ${plan.options.format.toUpperCase()} video (no WebCodecs encoder for it). Export a GIF instead.`);
  const { canvas, ctx } = canvasFor(plan);
  const target = new mb.BufferTarget();
  const output = new mb.Output({ format, target });
  const track = new mb.CanvasSource(canvas, { codec, bitrate: mb.QUALITY_HIGH, keyFrameInterval: 1 });
  output.addVideoTrack(track, { frameRate: plan.fps });
  await output.start();
  const source = frameSource(diagram, run, plan, hops);
  try {
    for (let i = 0; i < plan.frames; i++) {
      if (control.isCancelled()) throw new CancelledError();
      drawScene(ctx, frameScene(source, plan, i));
      await track.add(i / plan.fps, 1 / plan.fps);
      control.onProgress((i + 1) / plan.frames);
    }
    await output.finalize();
  } catch (error) {
    if (output.state !== 'finalized') await output.cancel();
    throw error;
  }
  if (!target.buffer) throw new Error('The video could not be written.');
  return { bytes: target.buffer, mime: await output.getMimeType(), extension: plan.options.format, codec, frames: plan.frames, duration: plan.duration };
}

async function encodeGif(diagram: Diagram, run: RecordedRun, hops: HopTable | undefined, plan: VideoPlan, control: EncodeControl): Promise<EncodedVideo> {
  const { GIFEncoder, applyPalette, quantize } = await import('gifenc');
  const { ctx } = canvasFor(plan);
  const gif = GIFEncoder();
  const source = frameSource(diagram, run, plan, hops);
  const delay = 1000 / plan.fps;
  for (let i = 0; i < plan.frames; i++) {
    if (control.isCancelled()) throw new CancelledError();
    drawScene(ctx, frameScene(source, plan, i));
    const { data } = ctx.getImageData(0, 0, plan.width, plan.height);
    const palette = quantize(data, 256);
    gif.writeFrame(applyPalette(data, palette), plan.width, plan.height, { palette, delay });
    control.onProgress((i + 1) / plan.frames);
    // Let a cancel message in between frames.
    await new Promise((r) => setTimeout(r, 0));
  }
  gif.finish();
  const view = gif.bytesView();
  const bytes = view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength) as ArrayBuffer;
  return { bytes, mime: 'image/gif', extension: 'gif', codec: 'gif', frames: plan.frames, duration: plan.duration };
}

/** `hops`: the run's sampled hops, indexed, when the run comes without its samples. */
export function encodeVideo(
  diagram: Diagram,
  run: RecordedRun,
  hops: HopTable | undefined,
  options: VideoOptions,
  control: EncodeControl,
): Promise<EncodedVideo> {
  const plan = planVideo(run, options);
  return plan.options.format === 'gif' ? encodeGif(diagram, run, hops, plan, control) : encodeMovie(diagram, run, hops, plan, control);
}
