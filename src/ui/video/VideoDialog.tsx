// Export the open replay as a video or a GIF: a time range (the incident by default), a speed,
// the whole diagram or the current view, a size and a format. It is drawn and encoded in a
// worker, with progress and Cancel; where the browser has no video encoder, it says so and the
// GIF is still there.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Rect } from '../../model';
import { SPEEDS } from '../../playback/clock';
import { useEditor, usePlayback } from '../../react/editorContext';
import type { RecordedRun } from '../../sim/types';
import { defaultVideoOptions, planVideo, VIDEO_FORMATS, VIDEO_SIZES, type VideoFormat, type VideoOptions, type VideoSize } from '../../video/plan';
import type { CancellableJob } from '../cancellableJob';
import { downloadBlob, fileNameFor } from '../download';
import { Modal } from '../primitives/Modal';
import { ProgressBar } from '../primitives/ProgressBar';
import type { EncodedVideo } from './encodeVideo';
import { runTitle } from '../../playback/runTitle';
import { encodableInWorker, exportInWorker } from './exportInWorker';

const FORMAT_LABEL: Record<VideoFormat, string> = { webm: 'WebM', mp4: 'MP4', gif: 'GIF' };
type Support = { webm: string | null; mp4: string | null } | 'checking';

const seconds = (ms: number) => Math.round(ms / 100) / 10;

function useEncoders(size: VideoSize): Support {
  const [support, setSupport] = useState<Support>('checking');
  useEffect(() => {
    let live = true;
    setSupport('checking');
    const { width, height } = VIDEO_SIZES[size];
    encodableInWorker(width, height)
      .catch(() => ({ webm: null, mp4: null }))
      .then((s) => live && setSupport(s));
    return () => {
      live = false;
    };
  }, [size]);
  return support;
}

function Body({ run }: { run: RecordedRun }) {
  const editor = useEditor();
  const close = () => editor.ui.getState().toggle('videoDialogOpen', false);
  const [options, setOptions] = useState<VideoOptions>(() => ({ ...defaultVideoOptions(run), speed: 1 }));
  const [area, setArea] = useState<'whole' | 'view'>('whole');
  const [job, setJob] = useState<CancellableJob<EncodedVideo> | null>(null);
  const [progress, setProgress] = useState(0);
  const jobRef = useRef<CancellableJob<EncodedVideo> | null>(null);
  jobRef.current = job;
  // Closing the dialog stops the export.
  useEffect(() => () => jobRef.current?.cancel(), []);
  const support = useEncoders(options.size);
  const set = (patch: Partial<VideoOptions>) => setOptions((o) => ({ ...o, ...patch }));
  const unavailable = (f: VideoFormat) => f !== 'gif' && support !== 'checking' && support[f] === null;
  // The first format this browser can encode, once that is known.
  useEffect(() => {
    if (support !== 'checking' && unavailable(options.format)) set({ format: support.webm ? 'webm' : support.mp4 ? 'mp4' : 'gif' });
  });
  const plan = useMemo(() => {
    try {
      return { plan: planVideo(run, options), error: null };
    } catch (error) {
      return { plan: null, error: error instanceof Error ? error.message : String(error) };
    }
  }, [run, options]);

  const start = async () => {
    let view: Rect | null = null;
    if (area === 'view') view = editor.viewport?.visibleArea() ?? null;
    setProgress(0);
    const index = editor.playback.getState().index;
    const running = exportInWorker(editor.diagram, run, index?.run === run ? index : null, { ...options, area: view }, setProgress);
    setJob(running);
    try {
      const video = await running.result;
      downloadBlob(
        new Blob([video.bytes], { type: video.mime }),
        fileNameFor(`${editor.diagram.name} ${runTitle(run, editor.playback.getState().runName)}`, video.extension),
      );
      editor.notify(`Video saved: ${video.duration.toFixed(1)} s, ${video.frames} frames (${video.codec})`);
      close();
    } catch (error) {
      if (error instanceof Error && error.name === 'AbortError') editor.notify('Export cancelled');
      else editor.notify(`The video could not be made: ${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      setJob(null);
    }
  };

  const noEncoder = support !== 'checking' && support.webm === null && support.mp4 === null;
  return (
    <>
      <div className="fl-field-row">
        {(['from', 'to'] as const).map((end) => (
          <label key={end} className="fl-field">
            <span>{end === 'from' ? 'From (s)' : 'To (s)'}</span>
            <input
              type="number"
              min={0}
              max={seconds(run.durationMs)}
              step={0.1}
              value={seconds(options[end])}
              onChange={(e) => set({ [end]: Number(e.target.value) * 1000 })}
            />
          </label>
        ))}
        <label className="fl-field">
          <span>Speed</span>
          <select value={options.speed} onChange={(e) => set({ speed: Number(e.target.value) })}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset className="fl-import-target">
        <legend>Area</legend>
        <label>
          <input type="radio" name="area" checked={area === 'whole'} onChange={() => setArea('whole')} /> Whole diagram
        </label>
        <label>
          <input type="radio" name="area" checked={area === 'view'} onChange={() => setArea('view')} /> Current view
        </label>
      </fieldset>
      <fieldset className="fl-import-target">
        <legend>Size</legend>
        {(Object.keys(VIDEO_SIZES) as VideoSize[]).map((s) => (
          <label key={s}>
            <input type="radio" name="size" checked={options.size === s} onChange={() => set({ size: s })} /> {s} ({VIDEO_SIZES[s].width} ×{' '}
            {VIDEO_SIZES[s].height})
          </label>
        ))}
      </fieldset>
      <fieldset className="fl-import-target">
        <legend>Format</legend>
        {VIDEO_FORMATS.map((f) => (
          <label key={f}>
            <input type="radio" name="video-format" checked={options.format === f} disabled={unavailable(f)} onChange={() => set({ format: f })} />{' '}
            {FORMAT_LABEL[f]}
          </label>
        ))}
      </fieldset>
      {noEncoder ? (
        <p className="fl-muted" role="note">
          This browser has no video encoder (WebCodecs) for WebM or MP4; a GIF works everywhere.
        </p>
      ) : null}
      <p className="fl-muted" aria-live="polite">
        {plan.plan
          ? `${plan.plan.duration.toFixed(1)} s of video: ${plan.plan.frames} frames at ${plan.plan.fps} fps, ${plan.plan.width} × ${plan.plan.height}, with the clock and the incident timeline below.`
          : plan.error}
      </p>
      {job ? (
        <p className="fl-run-progress">
          <ProgressBar label="Export progress" fraction={progress} />
          <span className="fl-muted">Drawing and encoding… {Math.round(progress * 100)}%</span>
        </p>
      ) : null}
      <div className="fl-dialog-actions">
        <button type="button" className="fl-button" onClick={() => (job ? job.cancel() : close())}>
          Cancel
        </button>
        <button
          type="button"
          className="fl-button fl-button-primary"
          disabled={!plan.plan || job !== null || support === 'checking'}
          onClick={() => void start()}
        >
          {job ? 'Exporting…' : `Export ${FORMAT_LABEL[options.format]}`}
        </button>
      </div>
    </>
  );
}

export function VideoDialog() {
  const editor = useEditor();
  const run = usePlayback((s) => s.run);
  return (
    <Modal open title="Export video" className="fl-export" onClose={() => editor.ui.getState().toggle('videoDialogOpen', false)}>
      {run ? <Body run={run} /> : <p>Open a run first: the video is its replay.</p>}
    </Modal>
  );
}
