/**
 * The web app in a real browser (Debian's chromium driven by playwright-core) against the real app:
 * sign up, create an interview, upload a generated clip with tus, watch live progress reach the
 * report without reloading, check the charts and transcript against the API's numbers, then a
 * second user sees nothing of the first. Screenshots of every page go to test-results/web/.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { makeSpeech } from '../helpers/audio.js';
import { apiClient, type RunningApp, startTestApp } from '../helpers/app.js';
import { ensureWebBuild, launchChromium, newDesktopContext, shot, signUpInBrowser } from '../helpers/browser.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';

const TEXT =
  'So, um, I led the migration of our billing service to a new database. ' +
  'The old system could not handle the load during the holiday season. ' +
  'I think I designed a plan with three phases and, uh, wrote the validation tools myself. ' +
  'We moved every customer without downtime and cut query latency by half.';

withAuthEmulator();
let run: RunningApp;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  run = await startTestApp();
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await run?.stop();
});

describe('web app', () => {
  it('signs up, uploads, shows live progress and a report with the API numbers; another user sees nothing', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const alice = `alice-${Date.now()}@example.test`;
    await page.goto(`${run.base}/signin`);
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await shot(page, 'signin');
    // Google sign-in is off unless AUTH_GOOGLE_ENABLED is set (test/e2e-web/account.test.ts turns it on).
    expect(await page.getByRole('button', { name: 'Continue with Google' }).count()).toBe(0);
    await signUpInBrowser(page, run.base, alice, 'signup');
    await page.getByRole('heading', { name: 'No interviews yet' }).waitFor();
    await shot(page, 'dashboard-empty');

    await page.getByRole('link', { name: '+ New interview' }).click();
    await page.getByLabel('Title').fill('Backend engineer — mock');
    await page.getByLabel(/^Role/).fill('Senior engineer');
    await page.getByLabel(/^Company/).fill('Acme');
    await page.getByLabel(/^Prep notes/).fill('- billing migration\n- query latency');
    // Type check before upload: a text file is refused with a clear message.
    await page.getByTestId('media-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/not an audio or video file/);
    const speech = await makeSpeech({ text: TEXT, wpm: 150, format: 'mp4', silenceSecBetweenSentences: 1.5 });
    await page.getByTestId('media-input').setInputFiles(speech.path);
    await shot(page, 'new-interview');
    // Record every status the stepper shows (the SPA keeps this document: no reload happens).
    // (Browser code as a string: the root tsconfig has no DOM types.)
    await page.evaluate(`(() => {
      window.statuses = [];
      const note = () => {
        const s = document.querySelector('[data-testid=status]')?.getAttribute('data-status');
        if (s && window.statuses[window.statuses.length - 1] !== s) window.statuses.push(s);
        if (document.querySelector('[data-testid=report]') && window.statuses[window.statuses.length - 1] !== 'report') window.statuses.push('report');
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    })()`);
    await page.getByRole('button', { name: 'Analyse interview' }).click();
    await page.waitForURL(/\/interviews\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    await page.getByTestId('status').waitFor();
    await shot(page, 'progress');

    // Statuses the stepper shows, sampled while the socket moves it (no reload happens).
    const seen = new Set<string>();
    const navigations: string[] = [];
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
    const until = Date.now() + 150_000;
    while (!(await page.getByTestId('report').count())) {
      const s = await page.getByTestId('status').getAttribute('data-status').catch(() => null);
      if (s) seen.add(s);
      if (s === 'failed') throw new Error(`analysis failed: ${await page.locator('.failure').textContent()}`);
      if (Date.now() > until) throw new Error(`no report; statuses seen ${[...seen].join(',')}`);
      await page.waitForTimeout(150);
    }
    expect(navigations).toEqual([]);
    const statuses = (await page.evaluate('window.statuses')) as string[];
    expect(statuses[statuses.length - 1]).toBe('report');
    expect(statuses.length).toBeGreaterThanOrEqual(3); // at least two lifecycle states, then the report
    await page.locator('.transcript .turn').first().waitFor();

    // The numbers on the page are the API's numbers.
    const token = (await signUp(alice)).idToken;
    const api = apiClient(run.base, token);
    const report = (await api('GET', `/api/v1/interviews/${id}/report`)).body;
    const transcript = (await api('GET', `/api/v1/interviews/${id}/transcript`)).body;
    const m = report.metrics;
    expect(await page.getByTestId('stat-wpm').textContent()).toBe(String(Math.round(m.wpm)));
    expect(await page.getByTestId('stat-words').textContent()).toBe(String(m.wordCount));
    expect(await page.getByTestId('stat-fillers').textContent()).toBe(String(m.fillers.count));
    expect(await page.getByTestId('stat-pauses').textContent()).toBe(String(m.pauses.count));
    expect(await page.getByTestId('summary').textContent()).toBe(report.summary);
    expect(Number(await page.locator('[data-chart=pace]').getAttribute('data-points'))).toBe(m.wpmSeries.length);
    expect(await page.locator('[data-chart=pace] circle.dot').count()).toBe(m.wpmSeries.length);
    expect(Number(await page.locator('[data-chart=fillers]').getAttribute('data-points'))).toBe(m.fillers.count);
    expect(await page.locator('[data-chart=pauses] rect.span').count()).toBe(m.pauses.items.length);
    expect(Number(await page.locator('[data-chart=talk]').getAttribute('data-value'))).toBeCloseTo(m.talkRatio, 3);
    expect(await page.locator('.metric').count()).toBe(report.metricCards.length);
    const shownWords = (await page.getByTestId('transcript').locator('.turn p').allTextContents()).join(' ').split(/\s+/).filter(Boolean);
    expect(shownWords).toEqual(transcript.words.map((w: { text: string }) => w.text));
    expect(await page.locator('.transcript mark.filler').count()).toBeGreaterThanOrEqual(Math.min(1, m.fillers.count));
    await shot(page, 'report');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interviews' }).click();
    const row = page.locator(`[data-interview="${id}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('completed');
    await expect(row.locator('.headline').textContent()).resolves.toContain(String(Math.round(m.wpm)));
    await shot(page, 'dashboard');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Trends' }).click();
    await page.locator('[data-trend=wpm]').waitFor();
    await shot(page, 'trends');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('AI model for feedback').waitFor();
    await shot(page, 'settings');

    // Phone width.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${run.base}/interviews/${id}`);
    await page.getByTestId('report').waitFor();
    await shot(page, 'report-phone');
    await shot(page, 'report-phone-top', 'viewport');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interviews' }).click();
    await page.locator(`[data-interview="${id}"]`).waitFor();
    await shot(page, 'dashboard-phone', 'viewport');
    expect(errors).toEqual([]);

    // Sign out clears everything; a second user sees none of the first user's data.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await signUpInBrowser(page, run.base, `bob-${Date.now()}@example.test`, 'signup-bob');
    await page.getByRole('heading', { name: 'No interviews yet' }).waitFor();
    expect(await page.content()).not.toContain('Backend engineer — mock');
    await page.goto(`${run.base}/interviews/${id}`);
    await page.getByRole('heading', { name: 'Interview not found' }).waitFor();
    await shot(page, 'other-user-not-found');
    await context.close();
  }, 240_000);
});
