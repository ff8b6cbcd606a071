import { useActions, useAppState } from '../../app-context';

/** The open models; each can be switched to and closed (closing releases its sessions). */
export function ModelTabs() {
  const models = useAppState((s) => s.models);
  const activeId = useAppState((s) => s.activeModelId);
  const setActive = useAppState((s) => s.setActiveModel);
  const actions = useActions();
  const compareOpen = useAppState((s) => s.compareOpen);
  const setCompareOpen = useAppState((s) => s.setCompareOpen);
  const show = (id: string | null): void => {
    setCompareOpen(false);
    setActive(id);
  };
  if (models.length === 0) return null;
  return (
    <nav className="model-tabs" aria-label="Open models">
      <ul>
        {models.map((m) => (
          <li key={m.id} className={m.id === activeId && !compareOpen ? 'active' : undefined}>
            <button type="button" aria-current={m.id === activeId && !compareOpen ? 'page' : undefined} onClick={() => show(m.id)}>
              {m.pkg.name}
              {m.status === 'loading' && ' (loading…)'}
            </button>
            <button type="button" className="icon-button" aria-label={`Close ${m.pkg.name}`} onClick={() => void actions.closeModel(m.id)}>
              ×
            </button>
          </li>
        ))}
        <li className={activeId === null && !compareOpen ? 'active' : undefined}>
          <button type="button" onClick={() => show(null)} aria-current={activeId === null && !compareOpen ? 'page' : undefined}>
            + Open another
          </button>
        </li>
        <li className={compareOpen ? 'active' : undefined}>
          <button type="button" onClick={() => setCompareOpen(true)} aria-current={compareOpen ? 'page' : undefined}>
            Compare
          </button>
        </li>
      </ul>
    </nav>
  );
}
