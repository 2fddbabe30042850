// Runs before `npm test`: makes sure what the tests need is present on this machine.
// 1. node_modules/better-sqlite3 holds a binary for the Node running the tests. The Electron
//    build lives apart in .electron-native/ (see scripts/start-electron.mjs), so this only repairs
//    an install that some other tool rebuilt for Electron.
// 2. Chromium for the end-to-end tests: on Debian as root it is installed with apt when missing;
//    elsewhere we say exactly what to install (or set CHROMIUM_PATH).
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function sqliteLoads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    console.error(`better-sqlite3 does not load under Node ${process.version}: ${error.message}`);
    return false;
  }
}

if (!sqliteLoads()) {
  console.error('Rebuilding better-sqlite3 for this Node (about a minute)...');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  if (!sqliteLoads()) process.exit(1);
}

const chromium = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && fs.existsSync(p),
);
if (!chromium) {
  const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error(
      'The end-to-end tests need Chromium: install it (Debian: apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.',
    );
    process.exit(1);
  }
  console.log('Installing Chromium and CJK fonts for the end-to-end tests (apt-get)...');
  const apt = 'apt-get -o DPkg::Lock::Timeout=600';
  execSync(`${apt} update -qq && DEBIAN_FRONTEND=noninteractive ${apt} install -y -qq chromium fonts-noto-cjk`, {
    stdio: 'inherit',
    shell: '/bin/bash',
  });
}
