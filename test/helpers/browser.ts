/**
 * Real-browser helpers for the web app's end-to-end tests: Debian's chromium driven by
 * playwright-core, the built SPA (web/dist, rebuilt when its sources changed), screenshots under
 * test-results/web/, and sign-up through the UI.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEV_PASSWORD } from '../../scripts/dev-token.js';
import { repoRoot } from './testdata.js';

export const SHOTS = path.join(repoRoot, 'test-results', 'web');

/**
 * Builds web/dist when missing or older than a source under web/, so a test never runs a stale app.
 * Under a lock: parallel test files must not rebuild (and empty) web/dist under each other.
 */
export function ensureWebBuild(): void {
  const lock = path.join(os.tmpdir(), 'interview-buddy-web-build.lock');
  execFileSync('flock', [lock, 'bash', path.join(repoRoot, 'scripts', 'web-build-if-needed.sh')], { cwd: repoRoot, stdio: 'inherit' });
  fs.mkdirSync(SHOTS, { recursive: true });
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** A desktop-sized context; reduced motion so screenshots show bars at their value, not mid-animation. */
export const newDesktopContext = (browser: Browser): Promise<BrowserContext> =>
  browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });

/** Full-page by default; `viewport` for modal dialogs (a full-page capture misplaces fixed layers). */
export async function shot(page: Page, name: string, area: 'full' | 'viewport' = 'full'): Promise<void> {
  // From the top: a scrolled page would put the sticky top bar in the middle of a full-page capture.
  if (area === 'full') await page.evaluate('window.scrollTo(0, 0)');
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: area === 'full' });
}

/** Signs up through the UI (the app redirects to /signin) and waits for the dashboard. */
export async function signUpInBrowser(page: Page, base: string, email: string, screenshot?: string): Promise<void> {
  await page.goto(`${base}/`);
  await page.waitForURL(/\/signin/);
  await page.getByRole('button', { name: 'Create an account' }).click();
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(DEV_PASSWORD);
  if (screenshot) await shot(page, screenshot);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Your interviews' }).waitFor();
}

/** Page errors (uncaught exceptions) collected for a final `expect(errors).toEqual([])`. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}
