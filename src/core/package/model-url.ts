import { engineError, fail, ok, type EngineError, type Result } from '../protocol/engine-error';

const USAGE = 'Link a .onnx, .ort or .zip file by its http(s) address or a path on this site: ?model=https://example.org/model.onnx or ?model=models/model.zip.';

/**
 * The address in `?model=`, if the page may fetch it: http(s) anywhere, or a path on this
 * site. Other schemes (file:, javascript:, data:, blob: …) are refused before any request.
 */
export function modelUrl(raw: string, pageHref: string): Result<URL> {
  let url: URL;
  try {
    url = new URL(raw, pageHref);
  } catch {
    return fail(engineError('fetch-failed', `“${raw}” is not a valid address.`, USAGE));
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') return ok(url);
  return fail(
    engineError(
      'fetch-failed',
      `“${raw.length > 120 ? `${raw.slice(0, 120)}…` : raw}” was not opened: a ?model= link must be an http(s) address or a path on this site, not a ${url.protocol} URL. Nothing was fetched.`,
      url.protocol === 'file:' ? `A file on your computer cannot be opened from a link: drop it on the page, or use “Open model…”. ${USAGE}` : USAGE,
    ),
  );
}

/** The request itself failed (no answer): the reason differs for this site and another one. */
export function downloadFailed(url: URL, pageOrigin: string): EngineError {
  if (url.origin === pageOrigin) {
    return engineError('fetch-failed', `Could not download ${url.href}: the request failed.`, 'Check your connection and the address, then try again.');
  }
  return engineError(
    'fetch-failed',
    `Could not download ${url.href}: the request failed.`,
    'Check the address. A model on another site can only be opened if that site allows it (CORS: Access-Control-Allow-Origin).',
  );
}
