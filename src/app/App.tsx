import { lazy, Suspense, useEffect } from 'react';
import { useAppState } from './app-context';
import { BackendPicker } from './features/backend/BackendPicker';
import { Landing } from './features/open/Landing';
import { ModelTabs } from './features/model/ModelTabs';
import { ModelView } from './features/model/ModelView';
import { Notices } from './features/notices/Notices';
import { BackgroundTasks } from './features/tasks/BackgroundTasks';
import { ThemeToggle } from './ui/ThemeToggle';
import { ANNOUNCER_ID } from './ui/focus-and-announce';
import { selectActiveModel } from './store/selectors';

const CompareView = lazy(() => import('./features/compare/CompareView').then((m) => ({ default: m.CompareView })));

export function App() {
  const theme = useAppState((s) => s.theme);
  const active = useAppState(selectActiveModel);
  const compareOpen = useAppState((s) => s.compareOpen && s.models.length > 0);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <>
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <header className="app-header">
        <h1 className="app-title">
          ONNX Playground <span className="tagline">runs in your browser; nothing is uploaded</span>
        </h1>
        <div className="header-controls">
          <BackendPicker />
          <ThemeToggle />
        </div>
      </header>
      <Notices />
      <BackgroundTasks />
      <ModelTabs />
      <main className="app-main" id="main-content" tabIndex={-1}>
        {compareOpen ? (
          <Suspense fallback={<p className="muted">Loading…</p>}>
            <CompareView />
          </Suspense>
        ) : active ? (
          <ModelView key={active.id} model={active} />
        ) : (
          <Landing />
        )}
      </main>
      {/* What an action produced, for screen readers (see ui/focus-and-announce). */}
      <div id={ANNOUNCER_ID} role="status" aria-live="polite" className="visually-hidden" />
    </>
  );
}
