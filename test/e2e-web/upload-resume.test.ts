/**
 * Resumable upload in a real browser. A 20 MB recording goes up over a throttled connection (Chrome
 * DevTools network emulation) and is interrupted three ways: Pause/Resume, the browser going offline
 * and coming back, and a page reload followed by picking the same file again. After each one the
 * first PATCH must start at the offset the server reported (never 0), no second upload may be
 * created, the stored file must be byte-identical to the original, and the interview must complete
 * with the recording's duration. Then sign-out must leave no token, cached data or tus fingerprint.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { runTool } from '../../services/media/run-tool.js';
import { makeSpeech } from '../helpers/audio.js';
import { apiClient, type RunningApp, startTestApp, waitForStatus } from '../helpers/app.js';
import { collectPageErrors, ensureWebBuild, launchChromium, newDesktopContext, shot, signUpInBrowser } from '../helpers/browser.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';

const TEXT =
  'I joined the payments team when our settlement job was failing every night. ' +
  'My task was to make it reliable before the holiday peak. ' +
  'I split the job into small idempotent steps and added alerts for each one. ' +
  'Failures dropped to zero and the job now finishes an hour earlier.';
/** Upload bandwidth while throttled: a 20 MB file takes about seven seconds. */
const THROTTLE = { offline: false, latency: 20, downloadThroughput: -1, uploadThroughput: 3 * 1024 * 1024 };

withAuthEmulator();
let run: RunningApp;
let browser: Browser;
let workDir: string;
let big: { path: string; sha256: string; size: number; durationSec: number };

beforeAll(async () => {
  ensureWebBuild();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-resume-'));
  // The same speech as an uncompressed 96 kHz stereo 32-bit WAV: big enough for three 8 MB tus chunks.
  const speech = await makeSpeech({ text: TEXT, wpm: 150, format: 'wav', silenceSecBetweenSentences: 1 });
  const file = path.join(workDir, 'studio-take.wav');
  const r = await runTool('ffmpeg', ['-nostdin', '-v', 'error', '-y', '-i', speech.path, '-ar', '96000', '-ac', '2', '-c:a', 'pcm_s32le', file]);
  if (r.code !== 0) throw new Error(r.stderr);
  const bytes = fs.readFileSync(file);
  big = { path: file, sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, durationSec: speech.durationSec };
  run = await startTestApp();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await run?.stop();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** Every tus request the page makes, with the offsets that prove where each PATCH started. */
interface TusLog { creations: number; location?: string; events: { kind: 'PATCH' | 'HEAD'; offset: number }[] }
function watchTus(page: Page): TusLog {
  const log: TusLog = { creations: 0, events: [] };
  page.on('request', (r) => {
    if (!new URL(r.url()).pathname.startsWith('/files')) return;
    if (r.method() === 'POST') log.creations++;
    if (r.method() === 'PATCH') log.events.push({ kind: 'PATCH', offset: Number(r.headers()['upload-offset']) });
  });
  page.on('response', (res) => {
    const r = res.request();
    if (!new URL(r.url()).pathname.startsWith('/files')) return;
    if (r.method() === 'POST' && res.status() === 201) log.location = res.headers().location;
    if (r.method() === 'HEAD' && res.ok()) log.events.push({ kind: 'HEAD', offset: Number(res.headers()['upload-offset']) });
  });
  return log;
}

/** The first PATCH after event index `from`, and the HEAD answer that preceded it. */
async function firstResumedPatch(log: TusLog, from: number) {
  const until = Date.now() + 20_000;
  for (;;) {
    const later = log.events.slice(from);
    const i = later.findIndex((e) => e.kind === 'PATCH');
    if (i >= 0) return { patch: later[i]!, head: later.slice(0, i).reverse().find((e) => e.kind === 'HEAD') };
    if (Date.now() > until) throw new Error(`no PATCH after the interruption: ${JSON.stringify(later)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const uploadPercent = async (page: Page) => Number(await page.getByRole('progressbar', { name: 'Upload progress' }).getAttribute('aria-valuenow'));
async function waitForPercent(page: Page, pct: number) {
  const until = Date.now() + 30_000;
  while ((await uploadPercent(page)) < pct) {
    if (Date.now() > until) throw new Error(`upload stuck at ${await uploadPercent(page)}%`);
    await page.waitForTimeout(50);
  }
}

/** The server's own view of the upload (tus HEAD from Node, outside the browser's network). */
async function serverOffset(location: string, token: string): Promise<number> {
  const res = await fetch(new URL(location, run.base), { method: 'HEAD', headers: { 'tus-resumable': '1.0.0', authorization: `Bearer ${token}` } });
  return Number(res.headers.get('upload-offset'));
}

async function throttle(cdp: CDPSession, conditions: typeof THROTTLE) {
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', conditions);
}

describe('resumable upload in the browser', () => {
  it('survives pause, a dropped connection and a page reload, resuming from the server offset each time', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const cdp = await context.newCDPSession(page);
    const log = watchTus(page);
    const email = `resume-${Date.now()}@example.test`;
    await signUpInBrowser(page, run.base, email);
    const { idToken } = await signUp(email);

    await page.getByRole('link', { name: '+ New interview' }).click();
    await page.getByLabel('Title').fill('Payments — resumed upload');
    await page.getByTestId('media-input').setInputFiles(big.path);
    await throttle(cdp, THROTTLE);
    await page.getByRole('button', { name: 'Analyse interview' }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;

    // 1. Pause and Resume buttons.
    await waitForPercent(page, 20);
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect(page.getByTestId('upload-status').textContent()).resolves.toMatch(/^Paused at \d+%/);
    const pausedAt = await serverOffset(log.location!, idToken);
    await page.waitForTimeout(700);
    expect(await serverOffset(log.location!, idToken)).toBe(pausedAt); // really stopped
    await shot(page, 'upload-paused');
    let mark = log.events.length;
    await page.getByRole('button', { name: 'Resume' }).click();
    const afterPause = await firstResumedPatch(log, mark);
    expect(pausedAt).toBeGreaterThan(0);
    expect(afterPause.patch.offset).toBe(pausedAt);
    expect(afterPause.head?.offset).toBe(pausedAt);

    // 2. The connection drops (browser offline) and comes back: the upload continues by itself.
    // (Chrome lets a request already under way finish and fails the next one, so this interruption
    // lands on a chunk boundary; pause and reload above and below cut a PATCH in the middle.)
    await waitForPercent(page, 45);
    await throttle(cdp, { ...THROTTLE, offline: true });
    await page.locator('[data-testid=upload-panel][data-phase=offline]').waitFor({ timeout: 15_000 });
    await shot(page, 'upload-offline');
    mark = log.events.length;
    const offlineAt = await serverOffset(log.location!, idToken);
    await throttle(cdp, THROTTLE);
    const afterDrop = await firstResumedPatch(log, mark);
    expect(offlineAt).toBeGreaterThan(pausedAt);
    expect(afterDrop.patch.offset).toBeGreaterThanOrEqual(offlineAt);
    expect(afterDrop.patch.offset).toBe(afterDrop.head?.offset);

    // 3. A page reload mid-upload: picking the same file again resumes the same tus upload.
    await waitForPercent(page, 70);
    await page.reload();
    const reloadedAt = await serverOffset(log.location!, idToken);
    await page.getByRole('heading', { name: 'Resume uploading “studio-take.wav”' }).waitFor();
    await shot(page, 'upload-reloaded');
    mark = log.events.length;
    await throttle(cdp, THROTTLE);
    await page.getByTestId('media-input').setInputFiles(big.path);
    const afterReload = await firstResumedPatch(log, mark);
    expect(reloadedAt).toBeGreaterThan(offlineAt);
    expect(afterReload.patch.offset).toBeGreaterThanOrEqual(reloadedAt);
    expect(afterReload.patch.offset).toBe(afterReload.head?.offset);
    await expect(page.getByTestId('upload-panel').textContent()).resolves.toContain('resumed');

    // One upload was created, and the server holds exactly the original bytes.
    await page.locator('[data-testid=upload-panel][data-phase=done]').waitFor({ timeout: 30_000 });
    expect(log.creations).toBe(1);
    const stored = path.join(run.dataDir, 'uploads', path.basename(log.location!));
    expect(fs.statSync(stored).size).toBe(big.size);
    expect(createHash('sha256').update(fs.readFileSync(stored)).digest('hex')).toBe(big.sha256);
    expect(await page.evaluate('Object.keys(localStorage).filter((k) => k.startsWith("tus::")).length')).toBe(0);

    // The interview completes with the recording's duration, and the page shows the report.
    const api = apiClient(run.base, idToken);
    const done = await waitForStatus(api, id, (s) => s === 'completed' || s === 'failed', 150_000);
    expect(done.status).toBe('completed');
    expect(done.durationSec).toBeCloseTo(big.durationSec, 0);
    await page.getByTestId('report').waitFor({ timeout: 30_000 });
    expect(errors).toEqual([]);
    await context.close();
  }, 240_000);

  it('sign-out forgets the session, cached interviews and unfinished tus uploads', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const email = `signout-${Date.now()}@example.test`;
    await signUpInBrowser(page, run.base, email);
    await page.getByRole('link', { name: '+ New interview' }).click();
    await page.getByLabel('Title').fill('Left unfinished');
    await page.getByTestId('media-input').setInputFiles(big.path);
    await throttle(cdp, THROTTLE);
    await page.getByRole('button', { name: 'Analyse interview' }).click();
    await waitForPercent(page, 5);
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.locator('[data-testid=upload-panel][data-phase=paused]').waitFor();

    const stored = () => page.evaluate(`(async () => {
      const idb = await new Promise((ok, fail) => { const r = indexedDB.open('firebaseLocalStorageDb'); r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
      const users = !idb.objectStoreNames.contains('firebaseLocalStorage') ? [] : await new Promise((ok) => {
        const q = idb.transaction('firebaseLocalStorage').objectStore('firebaseLocalStorage').getAllKeys(); q.onsuccess = () => ok(q.result.filter((k) => String(k).startsWith('firebase:authUser')));
      });
      idb.close();
      return { local: Object.keys(localStorage), session: Object.keys(sessionStorage), users };
    })()`) as Promise<{ local: string[]; session: string[]; users: string[] }>;
    const before = await stored();
    expect(before.users).toHaveLength(1);
    expect(before.local.some((k) => k.startsWith('tus::'))).toBe(true);
    expect(before.local).toContain('ib.pendingUploads');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    const after = await stored();
    expect(after.users).toEqual([]);
    expect(after.local.filter((k) => k.startsWith('tus::') || k.startsWith('ib.') || k.startsWith('firebase:'))).toEqual([]);
    expect(after.session.filter((k) => k.startsWith('firebase:'))).toEqual([]);
    expect(await page.getByText('Left unfinished').count()).toBe(0);
    // Nothing cached is shown behind the sign-in page: going back lands on sign-in again.
    await page.goBack();
    await page.waitForURL(/\/signin/);
    expect(await page.getByText('Left unfinished').count()).toBe(0);
    await context.close();
  }, 120_000);
});
