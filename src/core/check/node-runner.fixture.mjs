// Runs a model on onnxruntime-node (injected: `ort`) with the app's HostTensor form ({dtype, dims, data}) in and out:
// the reference runtime for the tensor fixtures, the ONNX backend tests and the reference unit test.

/** HostTensor → ort.Tensor (float16 as its Uint16Array bits, bool as 0/1 bytes). */
export function toOrtTensor(ort, tensor) {
  return new ort.Tensor(tensor.dtype, tensor.data, [...tensor.dims]);
}

/** ort.Tensor → HostTensor (a copy, so the runtime may reuse its memory). */
export function fromOrtTensor(tensor) {
  const data = tensor.type === 'string' ? [...tensor.data] : tensor.data.slice();
  return { dtype: tensor.type, dims: [...tensor.dims], data };
}

/** One session per model; `run(feeds)` gives every output by name, in the model's output order. */
export async function createNodeRunner(ort, modelBytes, options = {}) {
  const session = await ort.InferenceSession.create(modelBytes, { executionProviders: ['cpu'], intraOpNumThreads: 1, ...options });
  return {
    outputNames: [...session.outputNames],
    inputNames: [...session.inputNames],
    async run(feeds) {
      const inputs = Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, toOrtTensor(ort, t)]));
      const results = await session.run(inputs);
      return Object.fromEntries(session.outputNames.map((name) => [name, fromOrtTensor(results[name])]));
    },
    release: () => session.release(),
  };
}
