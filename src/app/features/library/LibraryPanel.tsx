import { useRef, useState } from 'react';
import { aliasesOf, STAGES, type RegisteredModel, type Stage } from '../../../core/library/registry';
import { useAppState, useLibraryActions } from '../../app-context';
import { formatBytes } from '../../ui/format';

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
        <select value={version} onChange={(e) => setVersion(e.target.value)}>
          {model.versions.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="button">
        Set alias
      </button>
    </form>
  );
}

function ModelVersions({ model }: { model: RegisteredModel }) {
  const library = useLibraryActions();
  return (
    <div className="table-scroll">
      <table className="data-table">
        <caption>
          {model.name} ({model.versions.length} version{model.versions.length === 1 ? '' : 's'})
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
          {model.versions.map((v) => (
            <tr key={v.version}>
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
          ))}
        </tbody>
      </table>
      <AliasForm model={model} />
    </div>
  );
}

/** The local registry: every saved version, its aliases and stage; kept in this browser. */
export function LibraryPanel() {
  const registry = useAppState((s) => s.library);
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
      {registry === null ? <p>Reading the library…</p> : registry.models.length === 0 ? <p>Nothing saved yet: open a model and choose “Save to library”.</p> : registry.models.map((m) => <ModelVersions key={m.name} model={m} />)}
      <div className="button-row">
        <button type="button" className="button" disabled={!registry?.models.length} onClick={() => void library.exportAll()}>
          Export library (.zip)
        </button>
        <button type="button" className="button" onClick={() => importInput.current?.click()}>
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
