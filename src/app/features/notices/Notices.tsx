import { useAppState } from '../../app-context';

/** Errors, newest first: what is wrong and what to do. Always text, never HTML. */
export function Notices() {
  const notices = useAppState((s) => s.notices);
  const dismiss = useAppState((s) => s.dismiss);
  return (
    <section className="notices" aria-label="Messages">
      {notices.map((n) => (
        <div key={n.id} role="alert" className="notice" data-code={n.code}>
          <div>
            <p className="notice-message">{n.message}</p>
            {n.hint && <p className="notice-hint">{n.hint}</p>}
          </div>
          <button type="button" className="icon-button" onClick={() => dismiss(n.id)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ))}
    </section>
  );
}
