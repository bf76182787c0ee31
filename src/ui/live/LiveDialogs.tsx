// The name asked before starting or joining a live session (remembered on this device), and the
// relay's address.
import { useState } from 'react';
import { useEditor, useLive } from '../../react/editorContext';
import { Modal } from '../primitives/Modal';

function NameDialog() {
  const editor = useEditor();
  const prompt = useLive((s) => s.namePrompt);
  const [name, setName] = useState(() => editor.live.savedName());
  const joining = prompt?.purpose === 'join';
  const close = () => editor.live.store.setState({ namePrompt: null });
  return (
    <Modal open title={joining ? 'Join the live session' : 'Start a live session'} onClose={close}>
      <form
        className="fl-live-form"
        onSubmit={(e) => {
          e.preventDefault();
          void editor.live.submitName(name);
        }}
      >
        <p>
          {joining
            ? prompt?.link.role === 'viewer'
              ? 'You are joining to watch: you will see every change as it happens.'
              : 'You are joining a shared diagram: everyone in the session sees your changes as you make them.'
            : 'The open diagram becomes a shared room, and a link to it is copied. Whoever opens the link edits it with you. Text is encrypted in your browser; the relay never sees it.'}
        </p>
        <label className="fl-live-field">
          <span>Your name (shown to the others)</span>
          <input className="fl-live-input" value={name} maxLength={60} autoFocus required onChange={(e) => setName(e.target.value)} />
        </label>
        <div className="fl-live-actions">
          <button type="button" className="fl-button" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="fl-button fl-button-primary" disabled={!name.trim()}>
            {joining ? 'Join' : 'Start and copy link'}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function RelayDialog() {
  const editor = useEditor();
  const [url, setUrl] = useState(() => editor.env.live?.relayUrl() ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Modal open title="Relay address" onClose={() => editor.live.setRelay(null)}>
      <form
        className="fl-live-form"
        onSubmit={(e) => {
          e.preventDefault();
          setProblem(editor.live.setRelay(url));
        }}
      >
        <p>Live sessions pass through this relay (a standard Yjs WebSocket server). It sees ids, positions and numbers, never the text.</p>
        <label className="fl-live-field">
          <span>Address</span>
          <input className="fl-live-input" value={url} autoFocus onChange={(e) => setUrl(e.target.value)} aria-invalid={problem !== null} />
        </label>
        {problem ? (
          <p className="fl-live-error" role="alert">
            {problem}
          </p>
        ) : null}
        <div className="fl-live-actions">
          <button type="button" className="fl-button" onClick={() => editor.live.setRelay(null)}>
            Cancel
          </button>
          <button type="submit" className="fl-button fl-button-primary">
            Save
          </button>
        </div>
      </form>
    </Modal>
  );
}

export function LiveDialogs() {
  const naming = useLive((s) => s.namePrompt !== null);
  const relay = useLive((s) => s.relayPrompt);
  return (
    <>
      {naming ? <NameDialog /> : null}
      {relay ? <RelayDialog /> : null}
    </>
  );
}
