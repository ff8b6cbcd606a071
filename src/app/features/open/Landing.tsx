import { DropZone } from './DropZone';
import { ExampleGallery } from './ExampleGallery';
import { LibraryPanel } from '../library/LibraryPanel';

export function Landing() {
  return (
    <div className="landing">
      <DropZone />
      <ExampleGallery />
      <LibraryPanel />
    </div>
  );
}
