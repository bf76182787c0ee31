// The Editor as the browser app has it: the system clipboard, downloads, the file picker, the
// simulation and layout workers, and the platform's modifier key.
import { Editor } from '../editor/Editor';
import type { Env, SimulatorPort } from '../editor/ports';
import { WorkerLayout } from '../layout/browserLayout';
import { downloadText } from './download';
import { pickFile } from './pickFile';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const browserEnv: Env = {
  writeClipboard: (text) => navigator.clipboard.writeText(text),
  readClipboard: () => navigator.clipboard.readText(),
  download: (text, fileName, mime) => downloadText(text, fileName, mime),
  pickFile,
  nextFrame: () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))),
  now: () => Date.now(),
};

const workerSimulator: SimulatorPort = {
  run(diagram, scenario, storeFor, onProgress) {
    // The worker's code loads with the first run.
    let cancel: () => void = () => {};
    const result = import('./playback/runInWorker').then(({ runInWorker }) => {
      const job = runInWorker(diagram, scenario, {}, storeFor, onProgress);
      cancel = job.cancel;
      return job.result;
    });
    return { result, cancel: () => cancel() };
  },
};

export function createBrowserEditor(): Editor {
  return new Editor({ env: browserEnv, simulator: workerSimulator, layout: new WorkerLayout(), mac: isMac });
}
