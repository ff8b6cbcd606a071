import { useRef } from 'react';
import { DRAW_PAD_SIZE, imageFilePixels, useDrawPad } from './use-draw-pad';

interface Props {
  readonly label: string;
  readonly onDrawn: (rgba: Uint8ClampedArray, width: number, height: number) => void;
  readonly onImage: (rgba: Uint8ClampedArray, width: number, height: number, name: string) => void;
}

/** A white square to draw on in black, with a thick round pen (about an eighth of its width), and an image upload. */
export function DrawPad({ label, onDrawn, onImage }: Props) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const pad = useDrawPad(canvas, onDrawn);
  const upload = async (file: File) => {
    const { rgba, width, height } = await imageFilePixels(file);
    onImage(rgba, width, height, file.name);
  };

  return (
    <div className="draw-pad">
      <canvas
        ref={canvas}
        width={DRAW_PAD_SIZE}
        height={DRAW_PAD_SIZE}
        role="img"
        aria-label={label}
        data-testid="draw-pad"
        onPointerDown={pad.onPointerDown}
        onPointerMove={pad.onPointerMove}
        onPointerUp={pad.finish}
        onPointerCancel={pad.finish}
      />
      <div className="button-row">
        <button type="button" className="button" onClick={pad.clear}>
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
