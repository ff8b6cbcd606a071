import { useState, type ReactNode } from 'react';

/** An area that takes one dropped file (ignored while `disabled`), highlighted while a file is over it. */
export function FileDropZone({ disabled, onFile, children }: { disabled?: boolean; onFile: (file: File) => void; children: ReactNode }) {
  const [over, setOver] = useState(false);
  return (
    <div
      className={over ? 'drop-zone drop-zone-over batch-drop' : 'drop-zone batch-drop'}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const file = e.dataTransfer.files[0];
        if (file && !disabled) onFile(file);
      }}
    >
      {children}
    </div>
  );
}
