import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppProvider } from './app-context';
import { createAppServices } from './actions/app-services';
import { indexedDbRunStorage } from './storage/benchmark-runs';
import { indexedDbLibrary } from './storage/library-db';
import { probeCapabilities } from './capabilities';
import { EngineClient, browserWorkers } from './engine/engine-client';
import { createAppStore } from './store/app-store';
import { registerServiceWorker } from './service-worker';
import { restrictConnections } from './connect-policy';
import { syncUrlWithPage } from './url-sync';
import './styles.css';

const base = import.meta.env.BASE_URL;
const query = new URLSearchParams(window.location.search);
restrictConnections(query.get('model'), import.meta.env.DEV);
const store = createAppStore();
const client = new EngineClient(browserWorkers, new URL(`${base}ort/`, window.location.origin).href);
const services = createAppServices(store, client, { baseUrl: base, runStorage: indexedDbRunStorage(), libraryStorage: indexedDbLibrary() });
const { actions, library } = services;

if (import.meta.env.PROD) void registerServiceWorker(base);
void probeCapabilities().then((caps) => store.getState().setCapabilities(caps));
void actions.loadExampleIndex();
// ?safe: open without reading the saved library (which then offers to be read or cleared).
if (query.has('safe')) library.startSafe('This is a safe start (?safe in the address): the library was not read.');
else void library.load();
// ?example=…, ?model=…, tab, backend and run: the address opens what it names and then follows the page.
syncUrlWithPage(services, base);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProvider services={services}>
      <App />
    </AppProvider>
  </StrictMode>,
);
