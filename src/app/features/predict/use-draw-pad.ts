import { useRef, type PointerEvent, type RefObject } from 'react';

export const DRAW_PAD_SIZE = 256;
const SIZE = DRAW_PAD_SIZE;

function blank(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  return ctx;
}

export interface DrawPadHandlers {
  onPointerDown(e: PointerEvent<HTMLCanvasElement>): void;
  onPointerMove(e: PointerEvent<HTMLCanvasElement>): void;
  /** Ends a stroke and hands the drawing over (pointer up or cancel). */
  finish(): void;
  /** Whitens the pad and hands over the blank drawing. */
  clear(): void;
}

/** Drawing in black on a white square with a thick round pen (about an eighth of its width); each finished stroke hands the pixels over. */
export function useDrawPad(canvas: RefObject<HTMLCanvasElement | null>, onDrawn: (rgba: Uint8ClampedArray, width: number, height: number) => void): DrawPadHandlers {
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
  return {
    onPointerDown(e) {
      e.currentTarget.setPointerCapture(e.pointerId);
      last.current = null;
      stroke(point(e));
    },
    onPointerMove(e) {
      if (last.current) stroke(point(e));
    },
    finish() {
      if (!last.current) return;
      last.current = null;
      const ctx = canvas.current?.getContext('2d', { willReadFrequently: true });
      if (ctx) onDrawn(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE);
    },
    clear() {
      if (!canvas.current) return;
      dirty.current = true;
      const ctx = blank(canvas.current);
      onDrawn(ctx.getImageData(0, 0, SIZE, SIZE).data, SIZE, SIZE);
    },
  };
}

/** An image file's pixels at its own size, decoded by the browser. */
export async function imageFilePixels(file: File): Promise<{ rgba: Uint8ClampedArray; width: number; height: number }> {
  const bitmap = await createImageBitmap(file);
  const off = document.createElement('canvas');
  off.width = bitmap.width;
  off.height = bitmap.height;
  const ctx = off.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(bitmap, 0, 0);
  const pixels = { rgba: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data, width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return pixels;
}
