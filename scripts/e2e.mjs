// The end-to-end suite in two passes: the functional specs two at a time, then the specs that
// measure time alone (see MEASURING in playwright.config.ts). Both passes always run, so one
// failure does not hide another; the exit code is non-zero if either failed.
// Extra arguments (spec files, -g, --workers) go to both passes.
import { spawnSync } from 'node:child_process';

const extra = process.argv.slice(2);
const pass = (args) => spawnSync('npx', ['playwright', 'test', ...args, ...extra], { stdio: 'inherit' }).status ?? 1;
const functional = pass(['--project=chromium', '--pass-with-no-tests']);
const measuring = pass(['--project=measuring', '--pass-with-no-tests']);
process.exit(functional || measuring);
