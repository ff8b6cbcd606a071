import { useActions, useAppState } from '../../app-context';

/** The open models; each can be switched to and closed (closing releases its sessions). */
export function ModelTabs() {
  const models = useAppState((s) => s.models);
  const activeId = useAppState((s) => s.activeModelId);
  const setActive = useAppState((s) => s.setActiveModel);
  const actions = useActions();
  if (models.length === 0) return null;
  return (
    <nav className="model-tabs" aria-label="Open models">
      <ul>
        {models.map((m) => (
          <li key={m.id} className={m.id === activeId ? 'active' : undefined}>
            <button type="button" aria-current={m.id === activeId ? 'page' : undefined} onClick={() => setActive(m.id)}>
              {m.pkg.name}
              {m.status === 'loading' && ' (loading…)'}
            </button>
            <button type="button" className="icon-button" aria-label={`Close ${m.pkg.name}`} onClick={() => void actions.closeModel(m.id)}>
              ×
            </button>
          </li>
        ))}
        <li className={activeId === null ? 'active' : undefined}>
          <button type="button" onClick={() => setActive(null)} aria-current={activeId === null ? 'page' : undefined}>
            + Open another
          </button>
        </li>
      </ul>
    </nav>
  );
}
