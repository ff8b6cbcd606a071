import { useLibraryActions } from '../../app-context';
import type { OpenModel } from '../../store/models-slice';

export function SaveToLibrary({ model }: { model: OpenModel }) {
  const library = useLibraryActions();
  return (
    <button type="button" className="button" onClick={() => void library.save(model.id)}>
      Save to library
    </button>
  );
}
