// Makes sure node_modules/better-sqlite3 holds a binary for the Node running the tests.
// The Electron build lives elsewhere (.electron-native/), so this only repairs an install that
// another tool (e.g. electron-builder install-app-deps run by hand) rebuilt for Electron.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
function loads() {
  try {
    const Database = require('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch (error) {
    console.error(`better-sqlite3 does not load under Node ${process.version}: ${error.message}`);
    return false;
  }
}
if (!loads()) {
  console.error('Rebuilding better-sqlite3 for this Node (about a minute)...');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
  if (!loads()) process.exit(1);
}
