import { engineError, fail, ok, type Result } from '../../core/protocol/engine-error';

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
  let url: URL;
  try {
    url = new URL(raw, window.location.href);
  } catch {
    return fail(engineError('fetch-failed', `“${raw}” is not a valid URL.`, 'Use ?model=<url of a .onnx, .ort or .zip file>.'));
  }
  let response: Response;
  try {
    response = await fetch(url);
  } catch {
    return fail(engineError('fetch-failed', `Could not download ${url.href}: the request failed.`, 'Check the address. A model on another site can only be opened if that site allows it (CORS: Access-Control-Allow-Origin).'));
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
