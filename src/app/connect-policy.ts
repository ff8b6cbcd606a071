import { modelUrl } from '../core/package/model-url';

/**
 * Narrows where the page may connect to: its own origin, plus the one origin a `?model=` link
 * names. The served policy must allow any http(s) origin (it cannot know the link); a second
 * policy added here can only tighten it, so the page ends up allowed exactly what the user asked.
 */
export function restrictConnections(sharedModel: string | null, dev: boolean): void {
  const url = sharedModel ? modelUrl(sharedModel, window.location.href) : null;
  const foreign = url?.ok && url.value.origin !== window.location.origin ? ` ${url.value.origin}` : '';
  const meta = document.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  // Vite's dev server keeps a WebSocket open for hot reload.
  meta.content = `connect-src 'self'${foreign}${dev ? ' ws: wss:' : ''}`;
  document.head.append(meta);
}
