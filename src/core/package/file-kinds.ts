import { engineError, type EngineError } from '../protocol/engine-error';

/** Formats that hold a model but cannot run in a browser, and how to get ONNX out of them. */
const NOT_RUNNABLE: Readonly<Record<string, { readonly what: string; readonly why: string; readonly export: string }>> = {
  pkl: { what: 'a Python pickle', why: 'unpickling executes arbitrary Python code, so no browser (and no careful server) loads it', export: 'skl2onnx' },
  pickle: { what: 'a Python pickle', why: 'unpickling executes arbitrary Python code, so no browser (and no careful server) loads it', export: 'skl2onnx' },
  joblib: { what: 'a joblib (pickle) file', why: 'joblib files are pickles: loading one executes arbitrary Python code', export: 'skl2onnx' },
  pt: { what: 'a PyTorch checkpoint', why: 'it needs PyTorch (and is itself a pickle)', export: 'torch' },
  pth: { what: 'a PyTorch checkpoint', why: 'it needs PyTorch (and is itself a pickle)', export: 'torch' },
  h5: { what: 'a Keras HDF5 model', why: 'it needs TensorFlow/Keras to rebuild the model', export: 'tf2onnx' },
  keras: { what: 'a Keras model', why: 'it needs TensorFlow/Keras to rebuild the model', export: 'tf2onnx' },
  safetensors: { what: 'a safetensors weights file', why: 'it holds only weights; the model code that uses them lives in Python', export: 'torch' },
};

const EXPORT_HOWTO: Readonly<Record<string, string>> = {
  skl2onnx:
    'Export it to ONNX where it was trained: `from skl2onnx import to_onnx; onx = to_onnx(model, X_train[:1].astype("float32")); open("model.onnx", "wb").write(onx.SerializeToString())` (skl2onnx `convert_sklearn` works too), then open model.onnx here.',
  torch:
    'Export it to ONNX where it was trained: `torch.onnx.export(model, example_input, "model.onnx", input_names=["input"], dynamic_axes={"input": {0: "batch"}})`, then open model.onnx here.',
  tf2onnx: 'Export it to ONNX where it was trained: `python -m tf2onnx.convert --keras model.h5 --output model.onnx` (or `tf2onnx.convert.from_keras(model)`), then open model.onnx here.',
};

export function extensionOf(path: string): string {
  const base = path.split('/').pop() ?? path;
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

export function baseName(path: string): string {
  return path.split('/').pop() ?? path;
}

export function isNotRunnableFile(path: string): boolean {
  return extensionOf(path) in NOT_RUNNABLE;
}

export function notRunnableError(path: string): EngineError {
  const kind = NOT_RUNNABLE[extensionOf(path)] ?? NOT_RUNNABLE.pkl!;
  return engineError(
    'not-runnable-format',
    `“${baseName(path)}” is ${kind.what}, which cannot run in a browser: ${kind.why}.`,
    EXPORT_HOWTO[kind.export] ?? '',
  );
}

/** Pickle protocol 2+ starts with PROTO (0x80) then the protocol number. */
function looksLikePickle(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x80 && bytes[1]! >= 2 && bytes[1]! <= 5;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** ORT format is a flatbuffer whose file identifier is "ORTM". */
export function isOrtFormat(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[4] === 0x4f && bytes[5] === 0x52 && bytes[6] === 0x54 && bytes[7] === 0x4d;
}

/** Text has no control bytes; protobuf always has some (tags such as 0x08, small lengths, zeros). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 512);
  return head.length > 0 && head.every((b) => b === 9 || b === 10 || b === 13 || b >= 32);
}

export type SniffedKind = 'zip' | 'tar' | 'onnx' | 'ort';

/** A gzip stream (a `.tar.gz`/`.tgz`, the Model Zoo's format) or a plain tar (`ustar` at byte 257). */
export function isTarPackage(bytes: Uint8Array): boolean {
  if (bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b) return true;
  return bytes.length >= 262 && String.fromCharCode(...bytes.subarray(257, 262)) === 'ustar';
}

/** Decides what a dropped file is from its name and first bytes, or says precisely why it is unusable. */
export function sniffFile(path: string, bytes: Uint8Array): { kind: SniffedKind } | { error: EngineError } {
  const name = baseName(path);
  if (bytes.length === 0) {
    return {
      error: engineError(
        'empty-file',
        `“${name}” is empty (0 bytes).`,
        'The file was probably not saved or downloaded completely. Export or download the model again and open the new file.',
      ),
    };
  }
  if (isNotRunnableFile(path) || looksLikePickle(bytes)) return { error: notRunnableError(path) };
  if (isZip(bytes)) return { kind: 'zip' };
  if (isTarPackage(bytes)) return { kind: 'tar' };
  if (isOrtFormat(bytes)) return { kind: 'ort' };
  if (looksLikeText(bytes)) {
    return {
      error: engineError(
        'not-onnx',
        `“${name}” is a text file, not an ONNX model (an ONNX model is binary protobuf).`,
        'Check that you picked the model itself and not, say, a saved web page or a Git LFS pointer; download the real model file and open it.',
      ),
    };
  }
  return { kind: 'onnx' };
}

/** Turns an ONNX decoding failure into a message that says what is wrong. */
export function onnxDecodeError(path: string, byteLength: number, thrown: unknown): EngineError {
  const name = baseName(path);
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  if (/index out of range|premature|truncat|end of/i.test(detail)) {
    return engineError(
      'truncated-model',
      `“${name}” ends early: it is a truncated ONNX model (${byteLength.toLocaleString('en-US')} bytes; the data stops in the middle of a field).`,
      'The file was cut short, usually by an interrupted download or copy. Get the complete file again (compare its size with the original) and open it.',
    );
  }
  // protobufjs checks text fields with a strict TextDecoder; its raw message names the browser API, not the problem.
  if (/TextDecoder|encoded data was not valid|invalid utf-?8/i.test(detail)) {
    return engineError(
      'not-onnx',
      `“${name}” is not a valid ONNX model: a text field in it (a name or a string) holds bytes that are not UTF-8 text, so the file is damaged or was never an ONNX model.`,
      'Export or download the model again and open the new file; a file that was edited, re-encoded as text or partly overwritten reads like this.',
    );
  }
  return engineError(
    'not-onnx',
    `“${name}” is not a valid ONNX model (${detail}).`,
    'Open a model saved by an ONNX exporter (torch.onnx.export, skl2onnx, tf2onnx) or a .zip package that contains one.',
  );
}
