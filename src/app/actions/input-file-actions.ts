import { describeThrown, engineError } from '../../core/protocol/engine-error';
import type { TensorFile, TensorReading } from '../../core/tensors/read-tensor-files';
import { folderInputs } from '../../core/tensors/folder-inputs';
import { TENSOR_LIMITS } from '../../core/tensors/limits';
import type { TensorError } from '../../core/tensors/tensor-error';
import type { AppStore } from '../store/app-store';
import type { InputFilesPlace, RunInputSource } from '../store/input-files-slice';
import { isReady } from '../store/models-slice';
import type { PackageClient } from '../workers/package-client';

/** A file the user picked or dropped, with its path inside a folder when it came in one. */
export interface GivenFile {
  readonly path: string;
  readonly file: File;
}

/** Input values from files, for the Run tab and Predict's tensor mode. */
export interface InputFileActions {
  /**
   * Reads files as the model's inputs and shows what they hold. With `input`, the file is for
   * that input and replaces the one given for it before; without, the files are a whole set
   * (an .npz, a JSON body, .pb files, a test_data_set folder) and replace everything given.
   */
  giveInputFiles(id: string, place: InputFilesPlace, files: readonly GivenFile[], options?: GiveOptions): Promise<void>;
  clearInputFiles(id: string, place: InputFilesPlace): void;
  setRunSource(id: string, source: RunInputSource): void;
}

export interface GiveOptions {
  /** The input the file is for (a drop on that input). */
  readonly input?: string;
  /** The files are a folder's: only its input files are read (one test_data_set's input_K.pb, or its tensor files). */
  readonly folder?: boolean;
}

/** Told when files have been read for a panel (Predict turns them into its tensor drafts). */
export type ReadingListener = (id: string, place: InputFilesPlace, reading: TensorReading) => void;

const tooLarge = (bytes: number): TensorError => ({
  ...engineError('package-too-large', `The input files hold ${(bytes / 1024 ** 3).toFixed(2)} GB, more than the ${TENSOR_LIMITS.maxArchiveBytes / 1024 ** 3} GB a tab can read as inputs.`, 'Give smaller inputs (fewer rows).'),
  code: 'package-too-large',
});

const noTensorFiles = (count: number): TensorError => ({
  ...engineError('bad-tensor-file', `The folder holds ${count} file${count === 1 ? '' : 's'}, none of them input values (.json, .npy, .npz or input_K.pb).`, 'Drop a test_data_set_N folder, or a folder of .npy/.npz/.json/.pb files.'),
  code: 'bad-tensor-file',
});

export function createInputFileActions(store: AppStore, packages: PackageClient, onRead: ReadingListener = () => undefined): InputFileActions {
  const { getState } = store;
  // The latest request per panel: an older reading that finishes late is dropped.
  const latest = new Map<string, number>();
  let seq = 0;
  return {
    async giveInputFiles(id, place, dropped, { input, folder = false } = {}) {
      const model = getState().models.find((m) => m.id === id);
      const chosen = folder ? folderInputs(dropped.map((f) => f.path)) : { paths: dropped.map((f) => f.path), note: null };
      const given = dropped.filter((f) => chosen.paths.includes(f.path));
      if (!isReady(model)) return;
      if (given.length === 0) {
        getState().setInputFiles(id, place, { files: [], status: 'failed', reading: null, error: noTensorFiles(dropped.length) });
        return;
      }
      const key = `${id}/${place}`;
      const mine = ++seq;
      latest.set(key, mine);
      const before = getState().inputFiles[id]?.[place]?.files ?? [];
      // A whole set replaces what was given; a file for one input joins the others.
      const kept = input === undefined ? [] : before.filter((f) => f.input !== input);
      const total = given.reduce((n, g) => n + g.file.size, 0) + kept.reduce((n, f) => n + f.bytes.length, 0);
      if (total > TENSOR_LIMITS.maxArchiveBytes) {
        getState().setInputFiles(id, place, { files: before, status: 'failed', reading: null, error: tooLarge(total) });
        return;
      }
      // "Reading" from the moment the files are given (before their bytes arrive): what is on show is not yet theirs.
      getState().setInputFiles(id, place, { files: before, status: 'reading', reading: null, error: null });
      let read: TensorFile[];
      try {
        read = await Promise.all(given.map(async (g): Promise<TensorFile> => ({ path: g.path, bytes: new Uint8Array(await g.file.arrayBuffer()), ...(input !== undefined ? { input } : {}) })));
      } catch (thrown) {
        const error = { ...engineError('bad-tensor-file', `The files could not be read (${describeThrown(thrown)}).`, 'Give them again; if they are very large, close other tabs first.'), code: 'bad-tensor-file' } as TensorError;
        getState().setInputFiles(id, place, { files: before, status: 'failed', reading: null, error });
        return;
      }
      const files = [...kept, ...read];
      getState().setInputFiles(id, place, { files, status: 'reading', reading: null, error: null });
      const result = await packages.readTensors(files, model.facts.inputs, { partial: true, givenWins: true });
      if (latest.get(key) !== mine || !getState().models.some((m) => m.id === id)) return;
      if (!result.ok) {
        getState().setInputFiles(id, place, { files, status: 'failed', reading: null, error: result.error as TensorError });
        return;
      }
      const reading = chosen.note ? { ...result.value, notes: [chosen.note, ...result.value.notes] } : result.value;
      getState().setInputFiles(id, place, { files, status: 'read', reading, error: null });
      if (place === 'run') getState().setRunSource(id, 'file');
      onRead(id, place, reading);
    },
    clearInputFiles(id, place) {
      latest.delete(`${id}/${place}`);
      getState().setInputFiles(id, place, null);
    },
    setRunSource(id, source) {
      getState().setRunSource(id, source);
    },
  };
}
