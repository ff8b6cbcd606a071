import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { versionCount } from '../../../core/library/registry';
import { useAppState, useLibraryActions } from '../../app-context';
import { formatBytes } from '../../ui/format';
import { LibraryProblemNotice } from './LibraryProblemNotice';
import { ModelVersions } from './ModelVersions';

/** Every saved model; only those in view are in the page, so that a library of thousands of versions opens at once. */
function ModelList() {
  const registry = useAppState((s) => s.library);
  const scroller = useRef<HTMLDivElement>(null);
  const models = registry?.models ?? [];
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions change every render; nothing here is memoized on them.
  const virtualizer = useVirtualizer({ count: models.length, getScrollElement: () => scroller.current, estimateSize: (i) => 140 + 42 * Math.min(8, models[i]?.versions.length ?? 1), overscan: 2 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  if (registry === null) return null;
  if (models.length === 0) return <p>Nothing saved yet: open a model and choose “Save to library”.</p>;
  return (
    <div ref={scroller} className="library-list" aria-label={`${models.length.toLocaleString('en-US')} models, ${versionCount(registry).toLocaleString('en-US')} versions`} role="group">
      <div style={{ height: before }} />
      {items.map((item) => (
        <div key={models[item.index]!.name} data-index={item.index} ref={virtualizer.measureElement}>
          <ModelVersions model={models[item.index]!} />
        </div>
      ))}
      <div style={{ height: after }} />
    </div>
  );
}

/** The local registry: every saved version, its aliases and stage; kept in this browser. */
export function LibraryPanel() {
  const registry = useAppState((s) => s.library);
  const problem = useAppState((s) => s.libraryProblem);
  const storage = useAppState((s) => s.storage);
  const library = useLibraryActions();
  const importInput = useRef<HTMLInputElement>(null);
  return (
    <section className="panel" aria-labelledby="library-title">
      <h2 id="library-title">Your library</h2>
      <p className="muted">
        Saved in this browser only.{' '}
        {storage && (
          <span data-testid="storage-quota">
            Storage: {formatBytes(storage.usage)} used of {formatBytes(storage.quota)} available to this site.
          </span>
        )}
      </p>
      <datalist id="alias-suggestions">
        <option value="champion" />
        <option value="challenger" />
      </datalist>
      {problem ? <LibraryProblemNotice problem={problem} /> : registry === null ? <p>Reading the library…</p> : <ModelList />}
      <div className="button-row">
        <button type="button" className="button" disabled={!registry?.models.length} onClick={() => void library.exportAll()}>
          Export library (.zip)
        </button>
        <button type="button" className="button" disabled={problem !== null} onClick={() => importInput.current?.click()}>
          Import library…
        </button>
        <input
          ref={importInput}
          type="file"
          accept=".zip"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="import-library-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void library.importFile(file);
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
