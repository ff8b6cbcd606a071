import { useEffect } from 'react';
import { useAppState } from './app-context';
import { BackendPicker } from './features/backend/BackendPicker';
import { Landing } from './features/open/Landing';
import { ModelTabs } from './features/model/ModelTabs';
import { ModelView } from './features/model/ModelView';
import { Notices } from './features/notices/Notices';
import { ThemeToggle } from './ui/ThemeToggle';
import { selectActiveModel } from './store/selectors';

export function App() {
  const theme = useAppState((s) => s.theme);
  const active = useAppState(selectActiveModel);

  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <>
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
      <ModelTabs />
      <main className="app-main">{active ? <ModelView key={active.id} model={active} /> : <Landing />}</main>
    </>
  );
}
