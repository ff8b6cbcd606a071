import { DropZone } from './DropZone';
import { ExampleGallery } from './ExampleGallery';

export function Landing() {
  return (
    <div className="landing">
      <DropZone />
      <ExampleGallery />
    </div>
  );
}
