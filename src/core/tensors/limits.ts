/** Bounds on what a tensor file may ask of a browser tab (each checked before the memory is taken). */
export const TENSOR_LIMITS = Object.freeze({
  /** Elements in one tensor: 2^28 (1 GiB of float32). */
  maxElements: 2 ** 28,
  /** Dimensions of one tensor (ONNX itself has no limit; real models stay far below). */
  maxRank: 32,
  /** Characters of a JSON body (a string of about 256 MiB). */
  maxJsonChars: 256 * 1024 ** 2,
  /** Nesting of a JSON body: objects around a tensor, plus its rank. */
  maxJsonDepth: 64,
  /** Bytes an archive may expand to. */
  maxArchiveBytes: 2 * 1024 ** 3,
  /** Entries in an archive (files, folders, links). */
  maxArchiveEntries: 10_000,
  /** Tensors read at once (inputs of a data set, entries of an .npz). */
  maxTensors: 4_096,
});
