// Starts a video export in its own worker, with progress and a cancel that always works.
import * as Comlink from 'comlink';
import type { Diagram } from '../../model';
import type { RunIndex } from '../../playback/runIndex';
import type { RecordedRun } from '../../sim/types';
import type { VideoOptions } from '../../video/plan';
import { type CancellableJob, cancellableJob } from '../cancellableJob';
import type { EncodedVideo } from './encodeVideo';
import type { VideoWorkerApi } from './video.worker';

function startWorker(): { api: Comlink.Remote<VideoWorkerApi>; worker: Worker } {
  const worker = new Worker(new URL('./video.worker.ts', import.meta.url), { type: 'module' });
  return { api: Comlink.wrap<VideoWorkerApi>(worker), worker };
}

/**
 * With the player's index of the run, the run goes without its sampled requests (thousands of
 * small objects, slow to copy on the page's thread) and the hops go as the index has them.
 */
export function exportInWorker(
  diagram: Diagram,
  run: RecordedRun,
  index: RunIndex | null,
  options: VideoOptions,
  onProgress: (fraction: number) => void,
): CancellableJob<EncodedVideo> {
  const { api, worker } = startWorker();
  const sent = index ? { ...run, samples: [] } : run;
  return cancellableJob(worker, api.encode(diagram, sent, index?.hops, options, Comlink.proxy(onProgress)), () => api.cancel(), 'The export');
}

/** Which video containers this browser can encode at this size, asked where the encoding runs. */
export async function encodableInWorker(width: number, height: number): Promise<{ webm: string | null; mp4: string | null }> {
  const { api, worker } = startWorker();
  try {
    return await api.encodableCodecs(width, height);
  } finally {
    worker.terminate();
  }
}
