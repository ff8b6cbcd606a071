import { describe, expect, it } from 'vitest';
import { downloadFailed, modelUrl } from './model-url';

const PAGE = 'https://play.example/onnx-playground/?model=x';

describe('modelUrl', () => {
  it('accepts http(s) addresses and paths on this site, resolved against the page', () => {
    const relative = modelUrl('examples/iris.zip', PAGE);
    expect(relative.ok && relative.value.href).toBe('https://play.example/onnx-playground/examples/iris.zip');
    const other = modelUrl('http://models.example/m.onnx', PAGE);
    expect(other.ok && other.value.origin).toBe('http://models.example');
  });

  it.each(['file:///etc/passwd', 'javascript:alert(1)', 'data:application/octet-stream;base64,AAAA', 'blob:https://play.example/1234', 'ftp://x/m.onnx'])('refuses %s without fetching', (raw) => {
    const result = modelUrl(raw, PAGE);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toMatch(/a \?model= link must be an http\(s\) address or a path on this site, not a [a-z]+: URL\. Nothing was fetched\./);
    expect(result.error.hint).not.toMatch(/CORS/);
  });

  it('points file: links to dropping the file instead', () => {
    const result = modelUrl('file:///home/me/model.onnx', PAGE);
    expect(!result.ok && result.error.hint).toMatch(/drop it on the page/);
  });

  it('gives the CORS hint only for another site', () => {
    expect(downloadFailed(new URL('https://models.example/m.onnx'), 'https://play.example').hint).toMatch(/CORS/);
    expect(downloadFailed(new URL('https://play.example/m.onnx'), 'https://play.example').hint).not.toMatch(/CORS/);
  });
});
