import { engineError, fail, ok, type Result } from '../../core/protocol/engine-error';
import { downloadFailed, modelUrl } from '../../core/package/model-url';

/** A model file downloaded from a `?model=` link: its bytes, the name to show, and the full address. */
export interface FetchedModel {
  readonly url: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

function fileNameOfUrl(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).pop() ?? '');
  return last || url.hostname;
}

/** Downloads a model or package, with an error that says what to do for each way it can fail. */
export async function fetchModel(raw: string): Promise<Result<FetchedModel>> {
  // http(s) and paths on this site only: never file:, data: or javascript:.
  const checked = modelUrl(raw, window.location.href);
  if (!checked.ok) return checked;
  const url = checked.value;
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    return fail(downloadFailed(url, window.location.origin));
  }
  if (!response.ok) {
    const hint = response.status === 404 ? 'The file is not at that address: check the link, or ask whoever shared it for a new one.' : 'Try again later, or download the file and drop it here.';
    return fail(engineError('fetch-failed', `Could not download ${url.href}: the server answered ${response.status} ${response.statusText || ''}`.trim() + '.', hint));
  }
  if ((response.headers.get('content-type') ?? '').startsWith('text/html')) {
    return fail(engineError('fetch-failed', `${url.href} returned a web page, not a model file.`, 'Link to the .onnx, .ort or .zip file itself (for GitHub, the “raw” download link).'));
  }
  return ok({ url: url.href, name: fileNameOfUrl(url), bytes: new Uint8Array(await response.arrayBuffer()) });
}
