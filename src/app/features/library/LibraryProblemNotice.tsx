import { useState } from 'react';
import { useLibraryActions } from '../../app-context';
import type { LibraryProblem } from '../../store/library-slice';

/** The library was not shown (a safe start, or saved state that cannot be read): say why, and offer to read or clear it. */
export function LibraryProblemNotice({ problem }: { problem: LibraryProblem }) {
  const library = useLibraryActions();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className={problem.kind === 'safe' ? 'finding' : 'finding finding-error'} role={problem.kind === 'safe' ? 'status' : 'alert'} data-testid="library-problem">
      {problem.kind === 'safe' ? (
        <p>{problem.reason} If it stopped the page from responding before, clear it; otherwise read it.</p>
      ) : (
        <>
          <p>Your saved library cannot be shown: {problem.error.message}</p>
          <p className="notice-hint">{problem.error.hint} The app works without it; clearing it deletes every saved version in this browser.</p>
        </>
      )}
      <div className="button-row">
        {problem.kind === 'safe' && (
          <button type="button" className="button" onClick={() => void library.load()}>
            Read the library
          </button>
        )}
        {confirming ? (
          <>
            <button type="button" className="button" onClick={() => void library.clear()}>
              Delete every saved version
            </button>
            <button type="button" className="button" onClick={() => setConfirming(false)}>
              Keep the library
            </button>
          </>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Clear the library…
          </button>
        )}
      </div>
    </div>
  );
}
