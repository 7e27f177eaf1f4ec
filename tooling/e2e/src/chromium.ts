import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

/**
 * Debian's Chromium drives the browser tests (Playwright cannot download its own here). When it is
 * missing, install it with apt-get, as root or through passwordless sudo.
 */
export function ensureChromium(): string {
  // eslint-disable-next-line no-restricted-properties -- test tooling, not a deployable
  const found = process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  const asRoot = process.getuid?.() === 0;
  const apt = (args: string[]) =>
    execFileSync(asRoot ? 'apt-get' : 'sudo', asRoot ? args : ['-n', 'apt-get', ...args], {
      stdio: 'inherit',
      // eslint-disable-next-line no-restricted-properties -- passes the environment through to apt-get
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  console.log('Chromium is missing: installing Debian’s chromium with apt-get…');
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-cjk']);
  const installed = CANDIDATES.find((p) => existsSync(p));
  if (!installed) throw new Error('apt-get finished but no chromium binary was found.');
  return installed;
}

/** Flags for a closed network: no background traffic, no sandbox as root, no GPU. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
