import { useRef, type PointerEvent } from 'react';

const SIZE = 256;

interface Props {
  readonly label: string;
  readonly onDrawn: (rgba: Uint8ClampedArray, width: number, height: number) => void;
  readonly onImage: (rgba: Uint8ClampedArray, width: number, height: number, name: string) => void;
}

function blank(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return ctx;
}

/** A white square to draw on in black, with a thick round pen (about an eighth of its width), and an image upload. */
export function DrawPad({ label, onDrawn, onImage }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const dirty = useRef(false);

  const context = (): CanvasRenderingContext2D | null => {
    const c = canvas.current;
    if (!c) return null;
    if (!dirty.current) {
      dirty.current = true;
      return blank(c);
    }
    return c.getContext('2d', { willReadFrequently: true });
  };
  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - rect.left) / rect.width) * SIZE, y: ((e.clientY - rect.top) / rect.height) * SIZE };
  };
  const stroke = (to: { x: number; y: number }) => {
    const ctx = context();
    if (!ctx) return;
    const from = last.current ?? to;
    ctx.strokeStyle = '#000000';
    ctx.lineWidth = SIZE / 8;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(to.x + 0.01, to.y);
    ctx.stroke();
    last.current = to;
  };
  const finish = () => {
    if (!last.current) return;
    last.current = null;
    const ctx = canvas.current?.getContext('2d', { willReadFrequently: true });
    if (ctx) onDrawn(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE);
  };
  const clear = () => {
    if (!canvas.current) return;
    dirty.current = true;
    const ctx = blank(canvas.current);
    onDrawn(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE);
  };
  const upload = async (file: File) => {
    const bitmap = await createImageBitmap(file);
    const off = document.createElement('canvas');
    off.width = bitmap.width;
    off.height = bitmap.height;
    const ctx = off.getContext('2d', { willReadFrequently: true })!;
    ctx.drawImage(bitmap, 0, 0);
    onImage(ctx.getImageData(0, 0, bitmap.width, bitmap.height).data, bitmap.width, bitmap.height, file.name);
    bitmap.close();
  };

  return (
    <div className="draw-pad">
      <canvas
        ref={canvas}
        width={SIZE}
        height={SIZE}
        role="img"
        aria-label={label}
        data-testid="draw-pad"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = null;
          stroke(point(e));
        }}
        onPointerMove={(e) => {
          if (last.current) stroke(point(e));
        }}
        onPointerUp={finish}
        onPointerCancel={finish}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={clear}>
          Clear drawing
        </button>
        <label className="button">
          Upload an image…
          <input
            type="file"
            accept="image/*"
            className="visually-hidden"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void upload(file);
            }}
          />
        </label>
      </div>
    </div>
  );
}
