import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppProvider } from './app-context';
import { createActions } from './actions/create-actions';
import { createBenchmarkActions } from './actions/benchmark-actions';
import { createPredictActions } from './actions/predict-actions';
import { createDriftActions } from './actions/drift-actions';
import { indexedDbRunStorage } from './storage/benchmark-runs';
import { createLibraryActions } from './actions/library-actions';
import { createCompareActions } from './actions/compare-actions';
import { createSpeedActions } from './actions/speed-actions';
import { indexedDbLibrary } from './storage/library-db';
import { probeCapabilities } from './capabilities';
import { EngineClient, browserWorkers } from './engine/engine-client';
import { createAppStore } from './store/app-store';
import { registerServiceWorker } from './service-worker';
import { restrictConnections } from './connect-policy';
import './styles.css';

const base = import.meta.env.BASE_URL;
const query = new URLSearchParams(window.location.search);
restrictConnections(query.get('model'), import.meta.env.DEV);
const store = createAppStore();
const client = new EngineClient(browserWorkers, new URL(`${base}ort/`, window.location.origin).href);
const actions = createActions(store, client, base);
const benchmark = createBenchmarkActions(store, client, indexedDbRunStorage());
const predict = createPredictActions(store, client);
const drift = createDriftActions(store, client, predict);
const library = createLibraryActions(store, indexedDbLibrary(), actions);
const compare = createCompareActions(store, client, actions, predict);
const speed = createSpeedActions(store, client);

if (import.meta.env.PROD) void registerServiceWorker(base);
void probeCapabilities().then((caps) => store.getState().setCapabilities(caps));
void actions.loadExampleIndex();
// ?safe: open without reading the saved library (which then offers to be read or cleared).
if (query.has('safe')) library.startSafe('This is a safe start (?safe in the address): the library was not read.');
else void library.load();
const shared = query.get('model');
if (shared) void actions.openUrl(shared);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider services={{ store, actions, benchmark, predict, library, drift, compare, speed }}>
      <App />
    </AppProvider>
  </StrictMode>,
);
