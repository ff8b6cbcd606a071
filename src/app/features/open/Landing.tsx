import { DropZone } from './DropZone';
import { ExampleGallery } from './ExampleGallery';
import { LibraryPanel } from '../library/LibraryPanel';
import { MoreTools } from './MoreTools';

export function Landing() {
  return (
    <div className="landing">
      <DropZone />
      <ExampleGallery />
      <MoreTools />
      <LibraryPanel />
    </div>
  );
}
