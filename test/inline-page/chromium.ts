/**
 * A headless Chromium for the browser test, found without anything installed by hand:
 * `CHROMIUM_PATH` when set, else a system Chromium when there is one, else the Chromium that
 * npm installed with the dev dependencies (`@sparticuz/chromium`: the binary is in the package's
 * tarball and unpacked into the temp directory on first use; nothing is downloaded). A Japanese
 * font comes from npm too (`@expo-google-fonts/biz-udpgothic`, a TrueType file): a fontconfig file
 * written for the run adds its directory to the system's fonts, so the Japanese document renders
 * its text on a machine that has no CJK font.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** The flags every launch uses: headless, no sandbox (containers), and nothing that reaches the network. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export interface FoundChromium {
  executablePath: string;
  /** Where it came from, for the test's messages. */
  source: 'CHROMIUM_PATH' | 'system' | 'npm';
}

/** `env` is the environment to read (`process.env` by default); `system` the paths to try. */
export async function findChromium(env = process.env, system = SYSTEM): Promise<FoundChromium> {
  if (env.CHROMIUM_PATH) {
    if (!fs.existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH names no file: ${env.CHROMIUM_PATH}`);
    return { executablePath: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  }
  const found = system.find((p) => fs.existsSync(p));
  if (found) return { executablePath: found, source: 'system' };
  const packaged = (await import('@sparticuz/chromium')).default;
  packaged.setGraphicsMode = false; // no SwiftShader: nothing here draws WebGL
  return { executablePath: await packaged.executablePath(), source: 'npm' };
}

/** A fontconfig file: the system's configuration (when there is one) plus the npm Japanese font. */
export function fontConfig(dir: string): string {
  const font = path.dirname(require.resolve('@expo-google-fonts/biz-udpgothic/400Regular/BIZUDPGothic_400Regular.ttf'));
  const file = path.join(dir, 'fonts.conf');
  const system = fs.existsSync('/etc/fonts/fonts.conf')
    ? '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
    : '';
  fs.writeFileSync(
    file,
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n${system}  <dir>${font}</dir>\n  <cachedir>${path.join(dir, 'cache')}</cachedir>\n</fontconfig>\n`,
  );
  return file;
}

/** Launches the Chromium found; `dir` holds the run's fontconfig file and cache. */
export async function launchChromium(dir: string): Promise<{ browser: Browser; found: FoundChromium }> {
  const found = await findChromium();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v;
  env.FONTCONFIG_FILE = fontConfig(dir);
  delete env.FONTCONFIG_PATH;
  const browser = await chromium.launch({ executablePath: found.executablePath, args: CHROMIUM_ARGS, env });
  return { browser, found };
}

export const tempDir = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'iij-chromium-'));
