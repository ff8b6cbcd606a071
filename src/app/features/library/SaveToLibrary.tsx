import { useState } from 'react';
import { useLibraryActions } from '../../app-context';
import type { OpenModel } from '../../store/models-slice';

/** Saves the model as a library version, and says so once it is stored (a refusal is an alert of its own). */
export function SaveToLibrary({ model }: { model: OpenModel }) {
  const library = useLibraryActions();
  const [saved, setSaved] = useState(false);
  const save = async (): Promise<void> => {
    setSaved(false);
    setSaved(await library.save(model.id));
  };
  return (
    <div className="save-to-library">
      <span role="status" className="muted">
        {saved ? 'Saved to the library.' : ''}
      </span>
      <button type="button" className="button" onClick={() => void save()}>
        Save to library
      </button>
    </div>
  );
}
