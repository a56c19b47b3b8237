/**
 * Live practice in a real browser (issue 17). Chromium's fake microphone plays a spoken answer made
 * with espeak-ng (16 kHz mono WAV and 8 s of silence, looped); alice signs up, opens /practice, picks
 * the general set and starts: captions holding the spoken words must appear while it plays, a second
 * tab is told one session at a time, a dropped socket resumes with nothing lost, Next moves to the
 * second question, the silence brings a nudge, Finish opens the interview page, which reaches a
 * completed report. A denied microphone shows the message and the upload fallback. Bob, signed in
 * on his own socket, receives none of alice's captions or nudges and cannot resume or feed her
 * session. A busy server (live.start answered live_busy) says to try again in a minute.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type WebSocketRoute } from 'playwright-core';
import { io as connect, type Socket } from 'socket.io-client';
import { runTool } from '../../services/media/run-tool.js';
import { makeSpeech } from '../helpers/audio.js';
import { apiClient, type RunningApp, startTestApp } from '../helpers/app.js';
import { collectPageErrors, ensureWebBuild, newDesktopContext, shot, signUpInBrowser } from '../helpers/browser.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';
import { until } from '../helpers/until.js';

const TEXT =
  'I led the migration of our billing service to a new database. ' +
  'The old system could not handle the holiday traffic. ' +
  'I wrote the validation tools myself and moved every customer without downtime.';
/** Words of TEXT a recogniser is unlikely to hear by chance. */
const WORDS = ['migration', 'billing', 'service', 'database', 'system', 'holiday', 'traffic', 'validation', 'tools', 'customer', 'downtime'];
const heard = (text: string) => WORDS.filter((w) => text.toLowerCase().includes(w));

withAuthEmulator();
let run: RunningApp;
let browser: Browser;
let workDir: string;

beforeAll(async () => {
  ensureWebBuild();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ib-practice-'));
  const speech = await makeSpeech({ text: TEXT, wpm: 150, format: 'wav', silenceSecBetweenSentences: 1 });
  // The answer, then 8 s of silence (a "long silence" nudge), looped by Chromium's fake microphone.
  const wav = path.join(workDir, 'answer.wav');
  const padded = await runTool('sox', [speech.path, wav, 'pad', '0', '8']);
  if (padded.code !== 0) throw new Error(padded.stderr);
  run = await startTestApp();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run',
      '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-audio-capture=${wav}`,
      '--autoplay-policy=no-user-gesture-required',
    ],
  });
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await run?.stop();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** Bob's own authenticated socket, recording every event it receives. */
async function watcher(token: string): Promise<{ socket: Socket; events: string[] }> {
  const socket = connect(run.base, { auth: { token }, transports: ['websocket'], reconnection: false });
  const events: string[] = [];
  socket.onAny((name: string, ...args: unknown[]) => events.push(`${name} ${JSON.stringify(args)}`));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { socket, events };
}

describe('live practice', () => {
  it('captions the spoken answer live, Next and Finish lead to a completed report; another user sees nothing', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // The page's socket.io connections pass through here, so the test can drop one mid-session.
    const sockets: WebSocketRoute[] = [];
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      ws.connectToServer();
      sockets.push(ws);
    });
    const alice = `alice-${Date.now()}@example.test`;
    await signUpInBrowser(page, run.base, alice);
    const api = apiClient(run.base, (await signUp(alice)).idToken);
    const general = (await api('GET', '/api/v1/question-sets/general')).body as { questions: { text: string }[] };
    expect(general.questions.length).toBeGreaterThanOrEqual(2);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Live practice' }).click();
    await page.getByRole('heading', { name: 'Live practice' }).waitFor();
    await page.getByTestId('practice-set').waitFor();
    expect(await page.getByRole('radio', { name: 'General interview questions' }).isChecked()).toBe(true);
    await shot(page, 'practice-setup');

    // A set for a job: pasted posting → POST /api/v1/question-sets, listed before Start.
    await page.getByRole('radio', { name: 'Questions for a job' }).check();
    expect(await page.getByRole('button', { name: 'Start' }).isDisabled()).toBe(true);
    await page.getByLabel(/^Job description/).fill('Backend engineer. You will design APIs, lead code reviews, mentor junior engineers and work with product managers. Requirements: Go or Python, SQL, distributed systems, clear communication.');
    await page.getByRole('button', { name: 'Suggest questions' }).click();
    await page.getByTestId('practice-set').waitFor();
    expect(await page.getByTestId('practice-set').locator('li').count()).toBe(5);
    expect(await page.getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
    await shot(page, 'practice-setup-job');
    await page.getByRole('radio', { name: 'General interview questions' }).check();
    await until(async () => (await page.getByTestId('practice-set').locator('li').count()) === general.questions.length, 5_000);

    // A denied microphone: a clear message, the upload page as the fallback, no session started.
    await page.evaluate(`navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'))`);
    await page.getByRole('button', { name: 'Start' }).click();
    const micError = page.getByTestId('mic-error');
    await expect(micError.textContent()).resolves.toMatch(/denied/i);
    expect(await micError.getByRole('link', { name: 'upload the recording' }).getAttribute('href')).toBe('/new');
    await shot(page, 'practice-mic-denied');
    expect((await api('GET', '/api/v1/interviews')).body.items).toEqual([]);
    await page.reload();
    await page.getByTestId('practice-set').waitFor();

    const bobToken = (await signUp(`bob-${Date.now()}@example.test`)).idToken;
    const bob = await watcher(bobToken);
    try {
      await page.getByRole('button', { name: 'Start' }).click();
      const question = page.getByTestId('practice-question');
      await question.waitFor({ timeout: 30_000 });
      const recordingFrom = Date.now();
      expect(await question.textContent()).toBe(general.questions[0]!.text);
      const id = (await page.locator('[data-interview]').getAttribute('data-interview'))!;
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await api('GET', `/api/v1/interviews/${id}`)).body.status).toBe('live');

      // Captions of the spoken words, while the fake microphone plays them.
      const captionsText = async () => (await page.getByTestId('live-caption').allTextContents()).join(' ');
      const t0 = Date.now();
      await until(async () => heard(await captionsText()).length >= 3, 60_000);
      const firstCaptionsSec = (Date.now() - t0) / 1000;
      await shot(page, 'practice-live');
      expect(await page.getByRole('log', { name: 'Live captions' }).getAttribute('aria-live')).toBe('polite');

      // Bob can neither resume nor feed alice's session, and hears nothing of it.
      const bobResume = await bob.socket.timeout(10_000).emitWithAck('live.resume', { interviewId: id });
      expect(bobResume).toMatchObject({ ok: false, error: { code: 'not_found' } });
      const bobChunk = await bob.socket.timeout(10_000).emitWithAck('live.chunk', { interviewId: id, offset: 0, data: Buffer.from([1, 2, 3]) });
      expect(bobChunk).toMatchObject({ ok: false, error: { code: 'not_found' } });

      // One session at a time: a second tab is told so, and offered the running one.
      const tab2 = await context.newPage();
      await tab2.goto(`${run.base}/practice`);
      await tab2.getByTestId('practice-set').waitFor();
      await tab2.getByRole('button', { name: 'Start' }).click();
      await expect(tab2.getByTestId('live-error').textContent()).resolves.toMatch(/already have a live practice session/);
      expect(await tab2.getByTestId('live-error').getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe(`/interviews/${id}`);
      await shot(tab2, 'practice-second-tab');
      await tab2.close();

      // The socket drops: the page reconnects, resumes, re-sends from what the server holds, and captions go on.
      const before = await captionsText();
      const dropped = sockets.length;
      await sockets[dropped - 1]!.close({ code: 4000, reason: 'test: connection lost' });
      await until(() => sockets.length > dropped, 15_000);
      await until(async () => (await captionsText()) !== before, 30_000);
      expect(await page.getByTestId('live-error').count()).toBe(0);

      await page.getByRole('button', { name: 'Next question' }).click();
      await until(async () => (await question.getAttribute('data-index')) === '1', 5_000);
      expect(await question.textContent()).toBe(general.questions[1]!.text);
      await page.locator('[data-testid=live-caption][data-question="1"]').first().waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('live-caption').count()).toBeLessThanOrEqual(50);
      const spoken = heard(await captionsText());
      await shot(page, 'practice-next');

      // A gentle nudge about the silence after the answer.
      const nudge = page.getByTestId('live-nudge').first();
      await nudge.waitFor({ timeout: 60_000 });
      expect(await nudge.getAttribute('data-kind')).toBe('silence');
      expect(await page.getByRole('status', { name: 'Nudges' }).count()).toBe(1);
      await shot(page, 'practice-nudge');
      // Long enough that the drop sits well inside the recording.
      await until(() => Date.now() - recordingFrom > 22_000, 30_000);
      const recordedSec = (Date.now() - recordingFrom) / 1000;
      await page.getByRole('button', { name: 'Finish' }).click();
      await page.waitForURL(new RegExp(`/interviews/${id}$`), { timeout: 60_000 });
      // The interview page follows the lifecycle to the report; the statuses it went through explain a timeout.
      const seen: string[] = [];
      await until(async () => {
        const d = (await api('GET', `/api/v1/interviews/${id}`)).body;
        if (seen.at(-1) !== d.status) seen.push(d.status);
        if (d.status === 'failed') throw new Error(`the live interview failed: ${JSON.stringify(d.error)}`);
        return (await page.getByTestId('report').count()) > 0;
      }, 240_000).catch((err: Error) => { throw new Error(`${err.message}; statuses: ${seen.join(' → ')}`); });
      await shot(page, 'practice-report');
      const detail = (await api('GET', `/api/v1/interviews/${id}`)).body;
      expect(detail.status).toBe('completed');
      // Nothing lost across the drop: the stored recording is as long as the session recorded.
      expect(detail.durationSec).toBeGreaterThanOrEqual(recordedSec - 3);
      // The report comes from the full recording: its transcript holds the spoken words too.
      const transcript = (await api('GET', `/api/v1/interviews/${id}/transcript`)).body as { text: string };
      expect(heard(transcript.text).length).toBeGreaterThanOrEqual(5);
      // The questions were read by the browser, not recorded: the session's marks put them back, so
      // the report answers both practised questions.
      const report = (await api('GET', `/api/v1/interviews/${id}/report`)).body as { answers: { question: string; wordCount: number }[] };
      expect(report.answers.map((a) => a.question)).toEqual(expect.arrayContaining(general.questions.slice(0, 2).map((q) => q.text)));
      process.stderr.write(`[practice] answers: ${JSON.stringify(report.answers.map((a) => [a.question, a.wordCount]))}\n`);
      process.stderr.write(`[practice] first captions after ${firstCaptionsSec.toFixed(1)} s; words captioned: ${spoken.join(', ')}\n`);

      expect(bob.events.filter((e) => e.startsWith('live.') || e.includes(id))).toEqual([]);
      expect((await apiClient(run.base, bobToken)('GET', `/api/v1/interviews/${id}`)).status).toBe(404);
      expect(errors).toEqual([]);
    } finally {
      bob.socket.close();
      await context.close();
    }
  }, 420_000);

  it('a busy server: "busy, try again in a minute", the microphone stopped, Start offered again', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    // The page's socket.io connection goes through; only its live.start is answered with live_busy.
    await page.routeWebSocket(/\/socket\.io\//, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((m) => {
        const start = typeof m === 'string' ? /^42(\d+)\["live\.start"/.exec(m) : null;
        if (!start) return server.send(m);
        const busy = { ok: false, error: { code: 'live_busy', message: 'all live slots are taken', retryAfterSec: 60 } };
        ws.send(`43${start[1]}${JSON.stringify([busy])}`);
      });
    });
    await signUpInBrowser(page, run.base, `carol-${Date.now()}@example.test`);
    await page.goto(`${run.base}/practice`);
    await page.getByTestId('practice-set').waitFor();
    await page.evaluate(`(() => {
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      navigator.mediaDevices.getUserMedia = async (c) => (window.micStream = await open(c));
    })()`);
    await page.getByRole('button', { name: 'Start' }).click();
    await expect(page.getByTestId('live-error').textContent()).resolves.toMatch(/busy.*try again in a minute/i);
    await until(async () => (await page.evaluate(`window.micStream.getTracks().every((t) => t.readyState === 'ended')`)) === true, 5_000);
    expect(await page.getByRole('button', { name: 'Start' }).isEnabled()).toBe(true);
    expect(await page.getByTestId('practice-question').count()).toBe(0);
    await shot(page, 'practice-busy');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
