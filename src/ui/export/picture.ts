// PNG and SVG pictures of the whole diagram, fitted to its content. The SVG is drawn from the
// diagram itself (src/scene): SVG shapes and text, readable by any SVG tool. The PNG is taken
// from the canvas with html-to-image; while it is taken the canvas draws every node in full
// detail (no level of detail, no culling).
import type { Editor } from '../../editor/Editor';
import { diagramScene, SCENE_BACKGROUND, SCENE_PADDING } from '../../scene/diagramScene';
import { sceneToSvg } from '../../scene/toSvg';

export type PictureFormat = 'png' | 'svg';

export interface PictureOptions {
  format: PictureFormat;
  /** Pixels per CSS pixel; 2 stays sharp on high-density screens and in slides. */
  scale: number;
  transparent: boolean;
}

/** Room around the content, in diagram units. */
export const PICTURE_PADDING = SCENE_PADDING;
/** Browsers refuse canvases beyond about 16k pixels a side; stay well under. */
const MAX_SIDE = 12_000;

export interface PictureSize {
  width: number;
  height: number;
}

/** The size of a picture of the current diagram, in CSS pixels (before the scale). */
export function pictureSize(editor: Editor): PictureSize | null {
  const api = editor.viewport;
  if (!api) return null;
  const b = api.contentBounds();
  if (b.width === 0 && b.height === 0) return null;
  return { width: Math.ceil(b.width + 2 * PICTURE_PADDING), height: Math.ceil(b.height + 2 * PICTURE_PADDING) };
}

const nextFrame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

/** The diagram as SVG elements and text, as the canvas shows it now (during a replay, its state). */
export function diagramSvg(editor: Editor, transparent: boolean): Blob {
  const d = editor.diagram;
  if (d.nodes.length === 0) throw new Error('There is nothing on the canvas to take a picture of.');
  const scene = diagramScene(d, { frame: editor.playback.getState().frame, background: transparent ? null : SCENE_BACKGROUND });
  return new Blob([sceneToSvg(scene, d.name)], { type: 'image/svg+xml' });
}

export async function takePicture(editor: Editor, options: PictureOptions): Promise<Blob> {
  if (options.format === 'svg') return diagramSvg(editor, options.transparent);
  const api = editor.viewport;
  const size = pictureSize(editor);
  if (!api || !size) throw new Error('There is nothing on the canvas to take a picture of.');
  const scale = Math.min(options.scale, MAX_SIDE / Math.max(size.width, size.height));
  const { toBlob } = await import('html-to-image');
  editor.ui.getState().toggle('capturing', true);
  try {
    await nextFrame();
    const element = api.drawingElement();
    if (!element) throw new Error('The canvas is not ready yet; try again in a moment.');
    const b = api.contentBounds();
    const common = {
      width: size.width,
      height: size.height,
      backgroundColor: options.transparent ? undefined : SCENE_BACKGROUND,
      style: { width: `${size.width}px`, height: `${size.height}px`, transform: `translate(${PICTURE_PADDING - b.x}px, ${PICTURE_PADDING - b.y}px) scale(1)` },
      // The handles are for editing, not for pictures.
      filter: (node: HTMLElement) => !node.classList?.contains('react-flow__handle'),
    };
    const blob = await toBlob(element, { ...common, pixelRatio: scale });
    if (!blob) throw new Error('The browser could not make the picture.');
    return blob;
  } finally {
    editor.ui.getState().toggle('capturing', false);
  }
}
