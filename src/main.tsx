import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { EditorProvider } from './react/editorContext';
import { App } from './ui/App';
import { createBrowserEditor, joinFromAddress } from './ui/browserEditor';
import { exposeDebugHandle } from './ui/debugHandle';

const editor = createBrowserEditor();
exposeDebugHandle(editor);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <EditorProvider editor={editor}>
      <App />
    </EditorProvider>
  </StrictMode>,
);

// Storage loads after the first paint: the editor is up at once, the diagram arrives from
// IndexedDB a moment later.
void import('./ui/library/session')
  .then(({ LibrarySession, browserSessionEnv }) => {
    const session = new LibrarySession(editor, browserSessionEnv());
    editor.attachStorage(session);
    return session.boot();
  })
  .then(() => joinFromAddress(editor));
