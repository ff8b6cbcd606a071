import { useRef, useState, type ReactNode } from 'react';
import { pickedFolder, readDrop, type Dropped } from '../../ui/dropped-files';

export const TENSOR_FILE_TYPES = '.json,.npy,.npz,.pb';

/**
 * Where tensor files go: dropped (files or one folder) or picked with the buttons.
 * `folder` offers a folder picker too (a test_data_set_N folder of .pb files).
 */
export function TensorFileDrop({
  label,
  testId,
  folder,
  disabled,
  onDropped,
  children,
}: {
  label: string;
  testId: string;
  folder?: boolean;
  disabled?: boolean;
  onDropped: (dropped: Dropped) => void;
  children?: ReactNode;
}) {
  const [over, setOver] = useState(false);
  const folderInput = useRef<HTMLInputElement>(null);
  return (
    <div
      className={`tensor-drop${over ? ' drop-zone-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        if (!disabled) void readDrop(e.dataTransfer).then(onDropped);
      }}
    >
      {children}
      <div className="button-row">
        <label className="button">
          {label}
          <input
            type="file"
            multiple={folder}
            accept={TENSOR_FILE_TYPES}
            className="visually-hidden"
            data-testid={testId}
            disabled={disabled}
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              if (files.length > 0) onDropped({ kind: 'files', files });
            }}
          />
        </label>
        {folder && (
          <>
            <button type="button" className="button" disabled={disabled} onClick={() => folderInput.current?.click()}>
              Choose a folder…
            </button>
            <input
              ref={folderInput}
              className="visually-hidden"
              type="file"
              tabIndex={-1}
              aria-hidden="true"
              data-testid={`${testId}-folder`}
              {...{ webkitdirectory: '' }}
              onChange={(e) => {
                if (e.target.files?.length) onDropped(pickedFolder(e.target.files));
                e.target.value = '';
              }}
            />
          </>
        )}
      </div>
    </div>
  );
}
