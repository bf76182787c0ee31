import '@xyflow/react/dist/style.css';
import './ui/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App';
import { exposeDebugHandle } from './ui/debugHandle';

exposeDebugHandle();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Storage loads after the first paint: the editor is up at once, the diagram arrives from
// IndexedDB a moment later.
void import('./ui/library/session').then(({ session }) => session.boot());
