// The bundled examples as packages and model facts, for core's tests (read from public/examples).
import { readdirSync, readFileSync } from 'node:fs';
import { assemblePackage, type ModelPackage } from '../package/model-package';
import { summarizeOnnx } from '../package/onnx-summary';
import { modelFacts, type ModelFacts } from './model-facts';

export function examplePackage(id: string): ModelPackage {
  const dir = new URL(`../../../public/examples/${id}/`, import.meta.url);
  const files = readdirSync(dir).map((path) => ({ path, bytes: new Uint8Array(readFileSync(new URL(path, dir))) }));
  const made = assemblePackage(id, files);
  if (!made.ok) throw new Error(made.error.message);
  return made.value;
}

/** What the page knows of an example once it has opened, its session's own figures aside. */
export function exampleFacts(id: string): ModelFacts {
  const pkg = examplePackage(id);
  const summary = summarizeOnnx(pkg.model.bytes);
  return modelFacts(pkg, { sessionId: 's', inputs: summary.inputs, outputs: summary.outputs, summary, sessionCreateMs: 1 });
}
