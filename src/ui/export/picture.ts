// PNG and SVG pictures of the whole diagram, fitted to its content, with html-to-image. While the
// picture is taken the canvas draws every node in full detail (no level of detail, no culling).
import type { Editor } from '../../editor/Editor';

export type PictureFormat = 'png' | 'svg';

export interface PictureOptions {
  format: PictureFormat;
  /** Pixels per CSS pixel; 2 stays sharp on high-density screens and in slides. */
  scale: number;
  transparent: boolean;
}

/** Room around the content, in diagram units. */
export const PICTURE_PADDING = 40;
/** Browsers refuse canvases beyond about 16k pixels a side; stay well under. */
const MAX_SIDE = 12_000;
const BACKGROUND = '#f8fafc';

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

export async function takePicture(editor: Editor, options: PictureOptions): Promise<Blob> {
  const api = editor.viewport;
  const size = pictureSize(editor);
  if (!api || !size) throw new Error('There is nothing on the canvas to take a picture of.');
  const scale = Math.min(options.scale, MAX_SIDE / Math.max(size.width, size.height));
  const { toBlob, toSvg } = await import('html-to-image');
  editor.ui.getState().toggle('capturing', true);
  try {
    await nextFrame();
    const element = api.drawingElement();
    if (!element) throw new Error('The canvas is not ready yet; try again in a moment.');
    const b = api.contentBounds();
    const common = {
      width: size.width,
      height: size.height,
      backgroundColor: options.transparent ? undefined : BACKGROUND,
      style: { width: `${size.width}px`, height: `${size.height}px`, transform: `translate(${PICTURE_PADDING - b.x}px, ${PICTURE_PADDING - b.y}px) scale(1)` },
      // The handles are for editing, not for pictures.
      filter: (node: HTMLElement) => !node.classList?.contains('react-flow__handle'),
    };
    if (options.format === 'svg') {
      const url = await toSvg(element, common);
      return new Blob([decodeURIComponent(url.slice(url.indexOf(',') + 1))], { type: 'image/svg+xml' });
    }
    const blob = await toBlob(element, { ...common, pixelRatio: scale });
    if (!blob) throw new Error('The browser could not make the picture.');
    return blob;
  } finally {
    editor.ui.getState().toggle('capturing', false);
  }
}
