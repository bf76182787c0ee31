// The app shell: menu bar, palette, canvas, inspector, dialogs and messages.
import { ReactFlowProvider } from '@xyflow/react';
import { lazy, Suspense, useEffect, useRef } from 'react';
import { Canvas } from '../canvas/Canvas';
import { ChoiceDialog } from './ChoiceDialog';
import type { Editor } from '../editor/Editor';
import { useDocument, useEditor, useInterview, useUi } from '../react/editorContext';
import { installClipboard } from './commands/clipboard';
import { installShortcuts } from './commands/keyboard';
import { EmptyState } from './EmptyState';
import { SaveIndicator } from './library/SaveIndicator';
import { StatusBanner } from './library/StatusBanner';
import { LiveBanner, LiveBar } from './live/LiveBar';
import { Inspector } from './inspector/Inspector';
import { Menus } from './Menus';
import { Palette } from './Palette';
import { SidePanelResizer } from './SidePanelResizer';
import { Dock } from './playback/Dock';
import './playback/playback.css';
import { usePlaybackClock } from './playback/usePlaybackClock';
import { Toasts } from './Toasts';

function TopBar() {
  const editor = useEditor();
  const name = useDocument((s) => s.diagram.name);
  const openLibrary = () => editor.ui.getState().toggle('libraryOpen', true);
  return (
    <header className="fl-topbar">
      <svg className="fl-logo" viewBox="0 0 32 32" width="22" height="22" aria-hidden="true">
        <path d="M5 23 L13 13 L18 18 L27 7" stroke="#f97316" strokeWidth="3.2" fill="none" strokeLinecap="round" strokeLinejoin="round" />
      </svg>
      <strong className="fl-brand">Faultline</strong>
      <Menus />
      <button type="button" className="fl-doc-name" title={`${name}: open the library`} onClick={openLibrary}>
        {name}
      </button>
      <LiveBar />
      <SaveIndicator />
    </header>
  );
}

// Dialogs load when first opened: they are not needed to draw.
const ImportDialog = lazy(() => import('./import/ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => import('./export/ExportDialog').then((m) => ({ default: m.ExportDialog })));
const VideoDialog = lazy(() => import('./video/VideoDialog').then((m) => ({ default: m.VideoDialog })));
const PostmortemDialog = lazy(() => import('./postmortem/PostmortemDialog').then((m) => ({ default: m.PostmortemDialog })));
const LibraryDialog = lazy(() => import('./library/LibraryDialog').then((m) => ({ default: m.LibraryDialog })));
const FaultMenu = lazy(() => import('./playback/FaultMenu').then((m) => ({ default: m.FaultMenu })));
const GalleryDialog = lazy(() => import('./templates/GalleryDialog').then((m) => ({ default: m.GalleryDialog })));
const BriefPanel = lazy(() => import('./templates/BriefPanel').then((m) => ({ default: m.BriefPanel })));
const CodePanel = lazy(() => import('./export/CodePanel').then((m) => ({ default: m.CodePanel })));
const InterviewPanel = lazy(() => import('./interview/InterviewPanel').then((m) => ({ default: m.InterviewPanel })));
const HelpDialog = lazy(() => import('./HelpDialog').then((m) => ({ default: m.HelpDialog })));
const LiveDialogs = lazy(() => import('./live/LiveDialogs').then((m) => ({ default: m.LiveDialogs })));
const CommandPalette = lazy(() => import('./CommandPalette').then((m) => ({ default: m.CommandPalette })));
const PrintReport = lazy(() => import('./interview/PrintReport').then((m) => ({ default: m.PrintReport })));

function Dialogs() {
  const importing = useUi((s) => s.importRequest !== null);
  const exporting = useUi((s) => s.exportDialogOpen);
  const filming = useUi((s) => s.videoDialogOpen);
  const postmortem = useUi((s) => s.postmortemOpen);
  const library = useUi((s) => s.libraryOpen);
  const menu = useUi((s) => s.contextMenu);
  const gallery = useUi((s) => s.galleryOpen);
  const printing = useInterview((s) => s.printing);
  const help = useUi((s) => s.help !== null);
  const commands = useUi((s) => s.commandPaletteOpen);
  return (
    <Suspense fallback={null}>
      {help ? <HelpDialog /> : null}
      {commands ? <CommandPalette /> : null}
      {printing ? <PrintReport /> : null}
      {menu ? <FaultMenu menu={menu} /> : null}
      {gallery ? <GalleryDialog /> : null}
      {importing ? <ImportDialog /> : null}
      {exporting ? <ExportDialog /> : null}
      {filming ? <VideoDialog /> : null}
      {postmortem ? <PostmortemDialog /> : null}
      {library ? <LibraryDialog /> : null}
      <LiveDialogs />
    </Suspense>
  );
}

/** Which side panel is open: the interviewer's, the Mermaid code, or the question's brief. */
function useSidePanel(): 'interviewer' | 'code' | 'brief' | null {
  const code = useUi((s) => s.codePanelOpen);
  const brief = useUi((s) => s.briefOpen);
  const hasTemplate = useDocument((s) => s.diagram.templateId !== undefined);
  const interviewer = useInterview((s) => s.panelOpen);
  return interviewer ? 'interviewer' : code ? 'code' : brief && hasTemplate ? 'brief' : null;
}

/** The canvas beside an open side panel is never left narrower than this if folding the inspector helps. */
const MIN_CANVAS_WIDTH = 640;

/**
 * A side panel that would leave the canvas too narrow folds the inspector while it is open (the
 * inspector comes back when the panel closes, and Shift+I brings it back at any time).
 */
function useRoomForSidePanel(editor: Editor, main: React.RefObject<HTMLElement | null>) {
  const open = useSidePanel() !== null;
  useEffect(() => {
    const ui = editor.ui.getState();
    const width = main.current?.clientWidth ?? 0;
    ui.makeRoomForSidePanel(open && width > 0 && width - Math.min(ui.sidePanelWidth, width / 2) < MIN_CANVAS_WIDTH);
  }, [editor, main, open]);
}

function SidePanels() {
  const which = useSidePanel();
  const templateId = useDocument((s) => s.diagram.templateId);
  const panel =
    which === 'interviewer' ? (
      <InterviewPanel />
    ) : which === 'code' ? (
      <CodePanel />
    ) : which === 'brief' && templateId ? (
      <BriefPanel templateId={templateId} />
    ) : null;
  return (
    <Suspense fallback={null}>
      {panel}
      {panel ? <SidePanelResizer /> : null}
    </Suspense>
  );
}

/** A replay belongs to its diagram: opening another closes it, and the scenario pick resets. */
function useReplayFollowsDiagram(editor: Editor) {
  const diagramId = useDocument((s) => s.diagram.id);
  useEffect(() => {
    const pb = editor.playback.getState();
    if (pb.run && pb.run.diagramId !== diagramId) pb.close();
    pb.openFlow(null);
    editor.ui.getState().setActiveScenario(null);
  }, [editor, diagramId]);
}

const ARROWS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']);

/**
 * While a run is open, the arrow keys move the playhead even when a node has focus (React Flow
 * would move the selected nodes): caught before React Flow sees them.
 */
function replayArrows(editor: Editor, e: React.KeyboardEvent) {
  if (!ARROWS.has(e.key) || editor.playback.getState().run === null) return;
  if (!(e.target as HTMLElement).closest('.react-flow__node, .react-flow__edge')) return;
  e.stopPropagation();
  if (editor.handleKey(e.nativeEvent)) e.preventDefault();
}

export function App() {
  const editor = useEditor();
  const paletteOpen = useUi((s) => s.paletteOpen);
  const inspectorFolded = useUi((s) => !s.inspectorOpen || s.inspectorMakingRoom);
  const sidePanelWidth = useUi((s) => s.sidePanelWidth);
  const main = useRef<HTMLElement>(null);
  // A picture is a document: taken in the light theme whatever the system's setting.
  const capturing = useUi((s) => s.capturing);
  useEffect(() => {
    if (!capturing) return;
    document.documentElement.dataset.theme = 'light';
    return () => {
      delete document.documentElement.dataset.theme;
    };
  }, [capturing]);
  usePlaybackClock();
  useReplayFollowsDiagram(editor);
  useRoomForSidePanel(editor, main);
  useEffect(() => {
    const removeShortcuts = installShortcuts(editor);
    const removeClipboard = installClipboard(editor);
    return () => {
      removeShortcuts();
      removeClipboard();
    };
  }, [editor]);
  return (
    <ReactFlowProvider>
      <div className="fl-app" data-palette={paletteOpen || undefined} data-inspector={inspectorFolded ? 'folded' : undefined}>
        <TopBar />
        {paletteOpen ? <Palette /> : null}
        <main
          ref={main}
          className="fl-main"
          style={{ '--side-width': `${sidePanelWidth}px` } as React.CSSProperties}
          onKeyDownCapture={(e) => replayArrows(editor, e)}
        >
          <StatusBanner />
          <LiveBanner />
          <Canvas />
          <EmptyState />
          <SidePanels />
        </main>
        <Dock />
        <Inspector />
      </div>
      <ChoiceDialog />
      <Dialogs />
      <Toasts />
    </ReactFlowProvider>
  );
}
