// The Editor as the browser app has it: the system clipboard, downloads, the file picker, the
// simulation and layout workers, and the platform's modifier key.
import { Editor } from '../editor/Editor';
import { checkRelayUrl, parseLiveFragment } from '../collab/liveLink';
import type { Env, LiveEnv, SimulatorPort } from '../editor/ports';
import { WorkerLayout } from '../layout/browserLayout';
import { downloadText } from './download';
import { pickFile } from './pickFile';

export const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

const RELAY_KEY = 'faultline.relayUrl';
const NAME_KEY = 'faultline.name';
/** The relay for a deployment is set at build time (VITE_RELAY_URL); a person can change it in the app. */
const DEFAULT_RELAY = (import.meta.env.VITE_RELAY_URL as string | undefined) ?? 'ws://localhost:1234';

function stored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function store(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private mode or storage off: remembered for this page only.
  }
}

const browserLive: LiveEnv = {
  relayUrl: () => {
    const saved = stored(RELAY_KEY);
    return saved && checkRelayUrl(saved) === null ? saved : DEFAULT_RELAY;
  },
  pageUrl: () => `${location.origin}${location.pathname}`,
  savedName: () => stored(NAME_KEY),
  saveName: (name) => store(NAME_KEY, name),
  persist: async (room, doc) => {
    const { IndexeddbPersistence } = await import('y-indexeddb');
    const stored = new IndexeddbPersistence(`faultline-live-${room}`, doc as import('yjs').Doc);
    await stored.whenSynced;
    return { clear: () => stored.clearData(), destroy: () => void stored.destroy() };
  },
  setAddress: (fragment) => history.replaceState(null, '', `${location.pathname}${location.search}${fragment ? `#${fragment}` : ''}`),
  setRelayUrl: (url) => {
    const problem = checkRelayUrl(url);
    if (!problem) store(RELAY_KEY, url.trim());
    return problem;
  },
};

const browserEnv: Env = {
  live: browserLive,
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
  runMany(jobs, onProgress) {
    // The workers' code loads with the first study; a cancel before it has loaded still counts.
    let cancelled = false;
    let cancel: () => void = () => {
      cancelled = true;
    };
    const result = import('./playback/runManyInWorkers').then(({ runManyInWorkers }) => {
      const batch = runManyInWorkers(jobs, onProgress);
      cancel = batch.cancel;
      if (cancelled) batch.cancel();
      return batch.result;
    });
    return { result, cancel: () => cancel() };
  },
};

const PANEL_KEY = 'faultline.sidePanelWidth';
/** Columns a person opens or folds: the way this device last left them comes back. */
const FOLDS = { paletteOpen: 'faultline.paletteOpen', inspectorOpen: 'faultline.inspectorOpen' } as const;

export function createBrowserEditor(): Editor {
  const editor = new Editor({ env: browserEnv, simulator: workerSimulator, layout: new WorkerLayout(), mac: isMac });
  // The side panel's width is the person's: the one this device last used comes back.
  const kept = Number(stored(PANEL_KEY));
  if (kept) editor.ui.getState().setSidePanelWidth(kept);
  for (const [key, name] of Object.entries(FOLDS) as [keyof typeof FOLDS, string][]) {
    const open = stored(name);
    if (open === 'true' || open === 'false') editor.ui.setState({ [key]: open === 'true' });
  }
  editor.ui.subscribe((s, prev) => {
    if (s.sidePanelWidth !== prev.sidePanelWidth) store(PANEL_KEY, String(s.sidePanelWidth));
    for (const [key, name] of Object.entries(FOLDS) as [keyof typeof FOLDS, string][]) if (s[key] !== prev[key]) store(name, String(s[key]));
  });
  return editor;
}

/** A live-session link in the address: ask the person's name, then join. */
export function joinFromAddress(editor: Editor): void {
  try {
    const link = parseLiveFragment(location.hash);
    if (link) editor.live.askName({ purpose: 'join', link });
  } catch (error) {
    editor.notify((error as Error).message, 'error');
  }
}
