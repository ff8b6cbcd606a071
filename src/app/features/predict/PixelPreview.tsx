import { useEffect, useRef } from 'react';

/** The image the model receives, drawn cell by cell (dark = high value). */
export function PixelPreview({ preview, width, height, label }: { preview: Float32Array; width: number; height: number; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    for (let i = 0; i < width * height; i++) {
      const grey = Math.round(255 * (1 - Math.min(1, Math.max(0, preview[i] ?? 0))));
      image.data.set([grey, grey, grey, 255], i * 4);
    }
    ctx.putImageData(image, 0, 0);
  }, [preview, width, height]);
  return (
    <figure className="pixel-preview">
      <canvas ref={ref} width={width} height={height} role="img" aria-label={`${label}: ${width}×${height} pixels`} data-testid="pixel-preview" />
      <figcaption>
        {label} ({width}×{height})
      </figcaption>
    </figure>
  );
}
