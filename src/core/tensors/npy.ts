import { ok, type Result } from '../protocol/engine-error';
import type { TensorDType } from '../protocol/tensor';
import { elementCount, type HostTensor, type NumericArray } from '../schema/host-tensor';
import { elementTypeOfNumpy, numpyDescr } from './element-type';
import { TENSOR_LIMITS } from './limits';
import { numericFromBytes, numericToBytes } from './tensor-bytes';
import { badFile, shapeText } from './tensor-error';

/**
 * NumPy's `.npy` format (versions 1.0, 2.0 and 3.0): a magic string, a header that is a
 * Python dict literal (`descr`, `fortran_order`, `shape`), then the elements.
 * Read: every element type in `ELEMENT_TYPES` in either byte order and either memory order
 * (Fortran order is transposed to C order), `<U` (UTF-32) and `|S` (bytes) strings.
 */

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const HINT = 'Save the array with numpy.save(path, array) (numeric, bool or str dtype; allow_pickle is not needed).';

export function isNpy(bytes: Uint8Array): boolean {
  return MAGIC.every((b, i) => bytes[i] === b);
}

interface NpyHeader {
  readonly descr: string;
  readonly fortran: boolean;
  readonly dims: number[];
  readonly dataStart: number;
}

function readHeader(bytes: Uint8Array, file: string): Result<NpyHeader> {
  if (bytes.length < 10 || !isNpy(bytes)) return badFile(file, `“${file}” is not a NumPy .npy file (it does not start with \\x93NUMPY).`, HINT);
  const major = bytes[6]!;
  if (major < 1 || major > 3) return badFile(file, `“${file}” is a .npy file of format version ${major}.${bytes[7]}, which is not known (1.0 to 3.0 are).`, HINT);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headerStart = major === 1 ? 10 : 12;
  if (bytes.length < headerStart) return badFile(file, `“${file}” is truncated inside its header.`, HINT);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  if (headerStart + headerLength > bytes.length) return badFile(file, `“${file}” is truncated: its header says ${headerLength} bytes, but the file ends before.`, HINT);
  // Version 3.0 allows UTF-8 in the header; 1.0 and 2.0 are latin-1 (ASCII in practice).
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(bytes.subarray(headerStart, headerStart + headerLength));
  const descr = /['"]descr['"]\s*:\s*['"]([^'"]+)['"]/.exec(header);
  const fortran = /['"]fortran_order['"]\s*:\s*(True|False)/.exec(header);
  const shape = /['"]shape['"]\s*:\s*\(([^)]*)\)/.exec(header);
  if (/['"]descr['"]\s*:\s*\[/.test(header)) return badFile(file, `“${file}” holds a structured array (named fields), not a tensor.`, 'Save each field as its own array (numpy.savez(path, a=…, b=…)).');
  if (!descr || !fortran || !shape) return badFile(file, `The header of “${file}” could not be read (${JSON.stringify(header.trim().slice(0, 120))}).`, HINT);
  const parts = shape[1]!.split(',').map((s) => s.trim().replace(/L$/, '')).filter(Boolean);
  if (!parts.every((p) => /^\d+$/.test(p))) return badFile(file, `The shape (${shape[1]}) in the header of “${file}” is not a list of sizes.`, HINT);
  const dims = parts.map(Number);
  if (dims.length > TENSOR_LIMITS.maxRank) return badFile(file, `“${file}” has ${dims.length} dimensions, more than the ${TENSOR_LIMITS.maxRank} this reader takes.`, HINT);
  return ok({ descr: descr[1]!, fortran: fortran[1] === 'True', dims, dataStart: headerStart + headerLength });
}

/** The C-order position of each Fortran-order element, applied to any array. */
function fortranToC<T>(values: ArrayLike<T>, dims: readonly number[], out: { [i: number]: T }): void {
  const rank = dims.length;
  const fStrides = dims.map((_, axis) => dims.slice(0, axis).reduce((a, b) => a * b, 1));
  const index = new Array<number>(rank).fill(0);
  const n = elementCount(dims);
  for (let c = 0; c < n; c++) {
    let f = 0;
    for (let axis = 0; axis < rank; axis++) f += index[axis]! * fStrides[axis]!;
    out[c] = values[f]!;
    for (let axis = rank - 1; axis >= 0; axis--) {
      if (++index[axis]! < dims[axis]!) break;
      index[axis] = 0;
    }
  }
}

function decodeStrings(bytes: Uint8Array, count: number, kind: 'U' | 'S', width: number, little: boolean): string[] {
  const out: string[] = new Array<string>(count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    if (kind === 'S') {
      const item = bytes.subarray(i * width, (i + 1) * width);
      const end = item.indexOf(0);
      out[i] = utf8.decode(end < 0 ? item : item.subarray(0, end));
      continue;
    }
    // UTF-32, padded with NULs.
    const points: number[] = [];
    for (let k = 0; k < width; k++) {
      const cp = view.getUint32((i * width + k) * 4, little);
      if (cp === 0) break;
      points.push(cp);
    }
    out[i] = String.fromCodePoint(...points);
  }
  return out;
}

/** Reads a `.npy` file as the tensor it holds (its own dtype and shape). */
export function decodeNpy(bytes: Uint8Array, file: string): Result<HostTensor> {
  const header = readHeader(bytes, file);
  if (!header.ok) return header;
  const { descr, fortran, dims, dataStart } = header.value;
  const order = descr[0]!;
  const code = /^[<>|=]/.test(descr) ? descr.slice(1) : descr;
  const type = elementTypeOfNumpy(code);
  if (!type) {
    const what = code.startsWith('O') ? 'Python objects (a pickled object array)' : code.startsWith('c') ? 'complex numbers' : /^[mM]/.test(code) ? 'dates or durations' : `elements of NumPy type “${descr}”`;
    return badFile(file, `“${file}” holds ${what}, which no ONNX tensor input takes.`, 'Convert it first, e.g. array.astype(numpy.float32) or array.astype(str), and save it again.');
  }
  const count = elementCount(dims);
  if (count > TENSOR_LIMITS.maxElements) return badFile(file, `“${file}” holds ${count.toLocaleString('en-US')} values ${shapeText(dims)}, more than the ${TENSOR_LIMITS.maxElements.toLocaleString('en-US')} one tensor may have here.`, 'Use a smaller array.');
  const little = order !== '>';
  const stringKind = code[0] === 'U' || code[0] === 'S' ? (code[0] as 'U' | 'S') : null;
  const width = stringKind ? Number(code.slice(1) || '1') : 1;
  const itemBytes = stringKind === 'U' ? 4 * width : stringKind === 'S' ? width : type.bytes;
  const needed = count * itemBytes;
  const available = bytes.length - dataStart;
  if (available < needed) {
    return badFile(file, `“${file}” is truncated: ${count.toLocaleString('en-US')} values of ${descr} ${shapeText(dims)} need ${needed.toLocaleString('en-US')} bytes after the header, but only ${available.toLocaleString('en-US')} are there.`, 'Copy or download the file again; it was cut short.');
  }
  const body = bytes.subarray(dataStart, dataStart + needed);
  if (stringKind) {
    const strings = decodeStrings(body, count, stringKind, width, little);
    if (!fortran || dims.length < 2) return ok({ dtype: 'string', dims, data: strings });
    const out = new Array<string>(count);
    fortranToC(strings, dims, out);
    return ok({ dtype: 'string', dims, data: out });
  }
  const dtype = type.dtype as Exclude<TensorDType, 'string'>;
  const data = numericFromBytes(dtype, body, count, little);
  if (!fortran || dims.length < 2) return ok({ dtype, dims, data });
  const out = new type.array!(count) as NumericArray;
  fortranToC(data as ArrayLike<number | bigint>, dims, out as unknown as (number | bigint)[]);
  return ok({ dtype, dims, data: out });
}

/** Writes a tensor as a `.npy` file (format 1.0, little-endian, C order), as numpy.save would. */
export function encodeNpy(tensor: HostTensor): Uint8Array {
  const strings = tensor.dtype === 'string' ? (tensor.data as readonly string[]) : null;
  const width = strings ? Math.max(1, ...strings.map((s) => [...s].length)) : 1;
  const shape = tensor.dims.length === 1 ? `(${tensor.dims[0]},)` : `(${tensor.dims.join(', ')})`;
  let header = `{'descr': '${numpyDescr(tensor.dtype, width)}', 'fortran_order': False, 'shape': ${shape}, }`;
  // Magic (6) + version (2) + length (2) + header + newline, padded with spaces to a multiple of 64.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  let body: Uint8Array;
  if (strings) {
    body = new Uint8Array(strings.length * width * 4);
    const view = new DataView(body.buffer);
    strings.forEach((s, i) => [...s].forEach((ch, k) => view.setUint32((i * width + k) * 4, ch.codePointAt(0)!, true)));
  } else {
    body = numericToBytes(tensor.data as NumericArray);
  }
  const out = new Uint8Array(total + body.length);
  out.set(MAGIC, 0);
  out.set([1, 0, (total - 10) & 0xff, (total - 10) >> 8], 6);
  out.set(new TextEncoder().encode(header), 10);
  out.set(body, total);
  return out;
}
