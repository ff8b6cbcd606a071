// Moved to cli/chromium-path.mjs (the CLI needs it, and cli must not import scripts).
// Kept so that imports written before the move still resolve; new code imports cli/chromium-path.mjs.
export { CHROMIUM_ARGS, findChromium } from '../cli/chromium-path.mjs';
