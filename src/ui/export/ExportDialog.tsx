// Export picture: PNG or SVG of the whole diagram, at 1x to 3x, on a light or clear background.
import { useState } from 'react';
import { downloadBlob, fileNameFor } from '../download';
import { Modal } from '../primitives/Modal';
import { useEditor } from '../../react/editorContext';
import { pictureSize, takePicture, type PictureFormat } from './picture';

function Body() {
  const editor = useEditor();
  const [format, setFormat] = useState<PictureFormat>('png');
  const [scale, setScale] = useState(2);
  const [transparent, setTransparent] = useState(false);
  const [working, setWorking] = useState(false);
  const size = pictureSize(editor);
  const save = async () => {
    setWorking(true);
    try {
      const blob = await takePicture(editor, { format, scale, transparent });
      downloadBlob(blob, fileNameFor(editor.doc.getState().diagram.name, format));
      editor.ui.getState().toggle('exportDialogOpen', false);
    } catch (error) {
      editor.ui.getState().notify(error instanceof Error ? error.message : String(error), 'error');
    } finally {
      setWorking(false);
    }
  };
  if (!size) return <p>There is nothing on the canvas yet.</p>;
  return (
    <>
      <fieldset className="fl-import-target">
        <legend>Format</legend>
        <label>
          <input type="radio" name="format" checked={format === 'png'} onChange={() => setFormat('png')} /> PNG
        </label>
        <label>
          <input type="radio" name="format" checked={format === 'svg'} onChange={() => setFormat('svg')} /> SVG
        </label>
      </fieldset>
      {format === 'png' ? (
        <div className="fl-field">
          <label htmlFor="fl-scale">Scale</label>
          <select id="fl-scale" value={scale} onChange={(e) => setScale(Number(e.target.value))}>
            <option value={1}>
              1× ({size.width} × {size.height} px)
            </option>
            <option value={2}>
              2× ({size.width * 2} × {size.height * 2} px)
            </option>
            <option value={3}>
              3× ({size.width * 3} × {size.height * 3} px)
            </option>
          </select>
        </div>
      ) : null}
      <label className="fl-field-flag">
        <input type="checkbox" checked={transparent} onChange={(e) => setTransparent(e.target.checked)} /> Transparent background
      </label>
      <div className="fl-dialog-actions">
        <button type="button" className="fl-button" onClick={() => editor.ui.getState().toggle('exportDialogOpen', false)}>
          Cancel
        </button>
        <button type="button" className="fl-button fl-button-primary" disabled={working} onClick={() => void save()}>
          {working ? 'Exporting…' : `Download ${format.toUpperCase()}`}
        </button>
      </div>
    </>
  );
}

export function ExportDialog() {
  const editor = useEditor();
  return (
    <Modal open title="Export picture" className="fl-export" onClose={() => editor.ui.getState().toggle('exportDialogOpen', false)}>
      <Body />
    </Modal>
  );
}
