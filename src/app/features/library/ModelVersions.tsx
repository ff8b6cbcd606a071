import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { aliasesOf, STAGES, type ModelVersion, type RegisteredModel, type Stage } from '../../../core/library/registry';
import { useLibraryActions } from '../../app-context';
import { formatBytes } from '../../ui/format';

const ROW_HEIGHT = 42;
const MAX_VERSION_OPTIONS = 200;

function AliasForm({ model }: { model: RegisteredModel }) {
  const library = useLibraryActions();
  const [alias, setAlias] = useState('champion');
  const [version, setVersion] = useState(model.versions.at(-1)?.version ?? '');
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        void library.setAlias(model.name, alias, version);
      }}
    >
      <label className="field-inline">
        Alias
        <input list="alias-suggestions" value={alias} onChange={(e) => setAlias(e.target.value)} size={12} />
      </label>
      <label className="field-inline">
        on version
        {/* Thousands of <option>s would cost the page a long render: past a few hundred versions, type it. */}
        {model.versions.length <= MAX_VERSION_OPTIONS ? (
          <select value={version} onChange={(e) => setVersion(e.target.value)}>
            {model.versions.map((v) => (
              <option key={v.version} value={v.version}>
                {v.version}
              </option>
            ))}
          </select>
        ) : (
          <input value={version} onChange={(e) => setVersion(e.target.value)} size={10} />
        )}
      </label>
      <button type="submit" className="button">
        Set alias
      </button>
    </form>
  );
}

function VersionRow({ model, v, index, measure }: { model: RegisteredModel; v: ModelVersion; index: number; measure: (row: HTMLTableRowElement | null) => void }) {
  const library = useLibraryActions();
  return (
    <tr data-index={index} ref={measure}>
      <th scope="row">{v.version}</th>
      <td>{new Date(v.savedAt).toLocaleString()}</td>
      <td>{formatBytes(v.bytes)}</td>
      <td>{Object.entries(v.metrics).map(([k, x]) => `${k} ${x}`).join(', ') || '—'}</td>
      <td>
        {aliasesOf(model, v.version).map((a) => (
          <span key={a} className="chip">
            @{a}
            <button type="button" className="icon-button" aria-label={`Remove alias ${a}`} onClick={() => void library.removeAlias(model.name, a)}>
              ×
            </button>
          </span>
        ))}
      </td>
      <td>
        <select aria-label={`Stage of ${model.name} version ${v.version}`} value={v.stage} onChange={(e) => void library.setStage(model.name, v.version, e.target.value as Stage)}>
          {STAGES.map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </td>
      <td className="row-actions">
        <button type="button" className="button" onClick={() => void library.open(model.name, v.version)}>
          Open<span className="visually-hidden"> {model.name} version {v.version}</span>
        </button>
        <button type="button" className="button" onClick={() => void library.remove(model.name, v.version)}>
          Delete<span className="visually-hidden"> {model.name} version {v.version}</span>
        </button>
      </td>
    </tr>
  );
}

/** One model's versions; only the rows in view are in the page (a library can hold thousands). */
export function ModelVersions({ model }: { model: RegisteredModel }) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer's functions change every render; nothing here is memoized on them.
  const virtualizer = useVirtualizer({ count: model.versions.length, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 8 });
  const items = virtualizer.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="library-model">
      <div ref={scroller} className="table-scroll library-versions">
        <table className="data-table">
          <caption>
            {model.name} ({model.versions.length.toLocaleString('en-US')} version{model.versions.length === 1 ? '' : 's'})
          </caption>
          <thead>
            <tr>
              <th scope="col">Version</th>
              <th scope="col">Saved</th>
              <th scope="col">Size</th>
              <th scope="col">Metrics</th>
              <th scope="col">Aliases</th>
              <th scope="col">Stage</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {before > 0 && <tr aria-hidden="true" style={{ height: before }} />}
            {items.map((item) => (
              <VersionRow key={item.key} model={model} v={model.versions[item.index]!} index={item.index} measure={virtualizer.measureElement} />
            ))}
            {after > 0 && <tr aria-hidden="true" style={{ height: after }} />}
          </tbody>
        </table>
      </div>
      <AliasForm model={model} />
    </div>
  );
}
