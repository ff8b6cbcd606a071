// Makes sure `npm test` has a Chromium: finds one, or on a Debian machine as root installs it.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findChromium } from '../cli/chromium-path.mjs';

let found = findChromium();
if (!found && process.env.CHROME_PATH) {
  console.error(`CHROME_PATH is set to ${process.env.CHROME_PATH}, but no such file exists.`);
  process.exit(1);
}
if (!found && process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
  console.log('No Chromium found: installing Debian’s chromium with apt-get…');
  execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', { stdio: 'inherit' });
  found = findChromium();
}
if (!found) {
  console.error(
    'The end-to-end tests need Chromium and none was found.\n' +
      '  - set CHROME_PATH to a Chrome or Chromium binary, or\n' +
      '  - install one (Debian/Ubuntu: sudo apt-get install chromium; elsewhere: npx playwright install chromium).',
  );
  process.exit(1);
}
console.log(`Chromium: ${found}`);
