import { useAppState } from '../../app-context';
import { formatBytes } from '../../ui/format';

/** Work running in a worker (unpacking, importing): what it is, how far, and Cancel. */
export function BackgroundTasks() {
  const tasks = useAppState((s) => s.tasks);
  if (tasks.length === 0) return null;
  return (
    <section className="background-tasks" aria-label="Work in progress">
      {tasks.map((t) => (
        <div key={t.id} className="background-task" role="status">
          <label>
            {t.label}
            {t.total > 0 && `: ${formatBytes(t.done)} of ${formatBytes(t.total)} read`}
            {t.written > 0 && `, ${formatBytes(t.written)} unpacked`}
            <progress max={t.total || 1} value={t.total > 0 ? t.done : undefined} aria-label={t.label} />
          </label>
          <button type="button" className="button" onClick={t.cancel}>
            Cancel<span className="visually-hidden"> {t.label}</span>
          </button>
        </div>
      ))}
    </section>
  );
}
