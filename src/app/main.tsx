import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppProvider } from './app-context';
import { createActions } from './actions/create-actions';
import { probeCapabilities } from './capabilities';
import { EngineClient, browserWorkers } from './engine/engine-client';
import { createAppStore } from './store/app-store';
import './styles.css';

const base = import.meta.env.BASE_URL;
const store = createAppStore();
const client = new EngineClient(browserWorkers, new URL(`${base}ort/`, window.location.origin).href);
const actions = createActions(store, client, base);

void probeCapabilities().then((caps) => store.getState().setCapabilities(caps));
void actions.loadExampleIndex();
const shared = new URLSearchParams(window.location.search).get('model');
if (shared) void actions.openUrl(shared);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider services={{ store, actions }}>
      <App />
    </AppProvider>
  </StrictMode>,
);
