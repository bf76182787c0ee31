// The video worker: draws and encodes a replay off the page's thread, with progress and cancel.
// The file comes back with its bytes transferred, not copied.
import * as Comlink from 'comlink';
import type { Diagram } from '../../model';
import type { HopTable } from '../../playback/runIndex';
import type { RecordedRun } from '../../sim/types';
import type { VideoOptions } from '../../video/plan';
import { type EncodedVideo, encodableCodecs, encodeVideo } from './encodeVideo';

let cancelled = false;

const api = {
  async encode(
    diagram: Diagram,
    run: RecordedRun,
    hops: HopTable | undefined,
    options: VideoOptions,
    onProgress: (fraction: number) => void,
  ): Promise<EncodedVideo> {
    cancelled = false;
    let reported = 0;
    const video = await encodeVideo(diagram, run, hops, options, {
      // A message per percent, not per frame.
      onProgress: (f) => {
        if (f - reported >= 0.01 || f === 1) {
          reported = f;
          void onProgress(f);
        }
      },
      isCancelled: () => cancelled,
    });
    return Comlink.transfer(video, [video.bytes]);
  },
  cancel(): void {
    cancelled = true;
  },
  encodableCodecs,
};

export type VideoWorkerApi = typeof api;

Comlink.expose(api);
