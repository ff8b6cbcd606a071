import { useActions, useAppState } from '../../app-context';
import { focusWhenShown } from '../../ui/focus-and-announce';
import { formatBytes } from '../../ui/format';

export function ExampleGallery() {
  const examples = useAppState((s) => s.examples);
  const actions = useActions();
  return (
    <section aria-labelledby="gallery-title" className="gallery">
      <h2 id="gallery-title">Or try an example</h2>
      {examples === null ? (
        <p className="muted">Loading examples…</p>
      ) : (
        <ul className="gallery-grid">
          {examples.map((e) => (
            <li key={e.id}>
              <button type="button" className="example-card" onClick={() => void actions.openExample(e.id).then(() => focusWhenShown('model-title', `Opened the example ${e.title}.`))} aria-label={`Open example ${e.title}`}>
                <span className="example-title">{e.title}</span>
                <span className="example-task">
                  {e.task} · {formatBytes(e.bytes)}
                </span>
                <span className="example-description">{e.description}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
