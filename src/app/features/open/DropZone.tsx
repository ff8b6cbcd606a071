import { useRef, useState, type DragEvent } from 'react';
import { useActions } from '../../app-context';
import { pickedFolder, readDrop, type Dropped } from '../../ui/dropped-files';

export function DropZone() {
  const actions = useActions();
  const [over, setOver] = useState(false);
  const folderInput = useRef<HTMLInputElement>(null);

  const open = (dropped: Dropped): void => {
    void (dropped.kind === 'folder' ? actions.openFolder(dropped.name, dropped.files) : actions.openFiles(dropped.files));
  };
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setOver(false);
    void readDrop(event.dataTransfer).then(open);
  };

  return (
    <section
      className={`drop-zone${over ? ' drop-zone-over' : ''}`}
      aria-labelledby="drop-title"
      data-testid="drop-zone"
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <h2 id="drop-title">Drop a model here</h2>
      <p>
        A <code>.onnx</code> or <code>.ort</code> file, a folder, or a <code>.zip</code> or <code>.tar.gz</code> package (model.onnx with metadata.json, an MLflow
        model directory, or a model with its <code>test_data_set_N</code> folders). It stays on this computer.
      </p>
      <div className="button-row">
        <label className="button primary">
          Open model…
          <input
            className="visually-hidden"
            type="file"
            accept=".onnx,.ort,.zip,.tar.gz,.tgz,.tar"
            multiple
            data-testid="open-model-input"
            onChange={(e) => {
              if (e.target.files?.length) open({ kind: 'files', files: [...e.target.files] });
              e.target.value = '';
            }}
          />
        </label>
        <button type="button" className="button" onClick={() => folderInput.current?.click()}>
          Open folder…
        </button>
        <input
          ref={folderInput}
          className="visually-hidden"
          type="file"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="open-folder-input"
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            if (e.target.files?.length) open(pickedFolder(e.target.files));
            e.target.value = '';
          }}
        />
      </div>
    </section>
  );
}
