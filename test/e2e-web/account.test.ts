/**
 * Sign-in options and account settings in a real browser, checked against the API rather than the
 * page: Google sign-in when AUTH_GOOGLE_ENABLED is on, the analysis model preference, the email
 * opt-out, webhooks (signing secret shown once), deleting one interview and deleting all data, each
 * destructive action behind a confirmation dialog whose Cancel changes nothing.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { apiClient, type RunningApp, startTestApp } from '../helpers/app.js';
import { collectPageErrors, ensureWebBuild, launchChromium, newDesktopContext, shot, signUpInBrowser } from '../helpers/browser.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';

const auth = withAuthEmulator();
let run: RunningApp;
let browser: Browser;

beforeAll(async () => {
  ensureWebBuild();
  run = await startTestApp({ AUTH_GOOGLE_ENABLED: '1' });
  browser = await launchChromium();
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await run?.stop();
});

/** A Google-provider account in the Auth Emulator (its IdP accepts an unsigned JSON id_token). */
async function googleAccountToken(email: string): Promise<{ idToken: string; provider: string }> {
  const res = await fetch(`http://${auth.host}/identitytoolkit.googleapis.com/v1/accounts:signInWithIdp?key=demo`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      postBody: `id_token=${encodeURIComponent(JSON.stringify({ sub: randomUUID(), email, email_verified: true }))}&providerId=google.com`,
      requestUri: 'http://localhost',
      returnSecureToken: true,
    }),
  });
  const body = (await res.json()) as { idToken: string };
  const claims = JSON.parse(Buffer.from(body.idToken.split('.')[1]!, 'base64url').toString()) as { firebase: { sign_in_provider: string } };
  return { idToken: body.idToken, provider: claims.firebase.sign_in_provider };
}

const settingsNav = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' });

describe('sign-in options and settings', () => {
  it('offers Google sign-in when enabled and starts the real Firebase popup flow', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
    // This machine has no internet: Google's sign-in script (apis.google.com) fails to load, as it
    // would for a user who is offline, so the popup never opens. What can be checked: the button
    // runs the SDK's popup flow (it asks for that script), the page's CSP lets the script through
    // (no violation is reported; without the CSP change there is one), and the failure is explained.
    // The full popup against the emulator's account chooser needs that script too (see README).
    await page.route('https://apis.google.com/**', (route) => route.abort('internetdisconnected'));
    const response = await page.goto(`${run.base}/signin`);
    const csp = response!.headers()['content-security-policy']!;
    expect(csp).toMatch(/script-src 'self' https:\/\/apis\.google\.com/);
    expect(csp).toContain(`frame-src 'self' https://demo-interview-buddy.firebaseapp.com http://${auth.host}`);
    const google = page.getByRole('button', { name: 'Continue with Google' });
    await google.waitFor();
    await shot(page, 'signin-google');
    const gapi = page.waitForRequest((r) => r.url().startsWith('https://apis.google.com/js/api.js'));
    await google.click();
    await gapi;
    await expect(page.getByRole('alert').textContent()).resolves.toBe('Sign-in could not finish. Check your connection and try again.');
    expect(page.url()).toMatch(/\/signin$/);
    expect(await google.isEnabled()).toBe(true);
    expect(cspViolations).toEqual([]);
    await context.close();

    // What the popup would return: a Google-provider ID token, which the API accepts like any other.
    const g = await googleAccountToken(`g-${Date.now()}@example.test`);
    expect(g.provider).toBe('google.com');
    const list = await apiClient(run.base, g.idToken)('GET', '/api/v1/interviews');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  }, 60_000);

  it('saves settings, manages webhooks and deletes data only after confirmation', async () => {
    const context = await newDesktopContext(browser);
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const email = `settings-${Date.now()}@example.test`;
    await signUpInBrowser(page, run.base, email);
    const api = apiClient(run.base, (await signUp(email)).idToken);
    const keep = (await api('POST', '/api/v1/interviews', { title: 'Keep me' })).body.id as string;
    const doomed = (await api('POST', '/api/v1/interviews', { title: 'Delete me' })).body.id as string;

    // Analysis model preference: saved on the server and shown again after a reload.
    await settingsNav(page).click();
    await page.getByLabel('AI model for feedback').selectOption('premium');
    await page.getByText('Model preference saved.', { exact: false }).waitFor();
    expect((await api('GET', '/api/v1/settings')).body.analysisModel).toBe('premium');

    // Email opt-out.
    await page.getByLabel('Email me when an analysis finishes or fails').uncheck();
    await page.getByText('Emails turned off.', { exact: false }).waitFor();
    expect((await api('GET', '/api/v1/notifications/preferences')).body.email).toBe(false);
    await page.reload();
    await expect(page.getByLabel('AI model for feedback').inputValue()).resolves.toBe('premium');
    expect(await page.getByLabel('Email me when an analysis finishes or fails').isChecked()).toBe(false);

    // Webhooks: the server's refusal is shown as-is; a good one shows its secret once.
    await page.getByLabel('Endpoint URL').fill('http://127.0.0.1:9/hook');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toMatch(/loopback address/);
    expect((await api('GET', '/api/v1/webhooks')).body.items).toEqual([]);
    const hookUrl = 'https://93.184.215.14/hooks/interview-buddy';
    await page.getByLabel('Endpoint URL').fill(hookUrl);
    await page.getByLabel(/^Description/).fill('CRM sync');
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = (await page.getByTestId('webhook-secret').locator('code').textContent())!;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const hooks = (await api('GET', '/api/v1/webhooks')).body.items as { id: string; url: string; events: string[]; secret?: string }[];
    expect(hooks.map((h) => [h.url, h.events, h.secret])).toEqual([[hookUrl, ['interview.completed', 'interview.failed'], undefined]]);
    await shot(page, 'settings-webhook');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Interviews' }).click();
    await settingsNav(page).click();
    await page.locator(`[data-webhook="${hooks[0]!.id}"]`).waitFor();
    expect(await page.getByTestId('webhook-secret').count()).toBe(0); // shown once only
    expect(await page.content()).not.toContain(secret);

    // Delete a webhook: Cancel keeps it, confirming removes it.
    await page.getByRole('button', { name: `Delete webhook ${hookUrl}` }).click();
    await page.getByRole('alertdialog', { name: 'Delete this webhook?' }).getByRole('button', { name: 'Cancel' }).click();
    expect((await api('GET', '/api/v1/webhooks')).body.items).toHaveLength(1);
    await page.getByRole('button', { name: `Delete webhook ${hookUrl}` }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete webhook' }).click();
    await page.getByText('No webhooks yet.').waitFor();
    expect((await api('GET', '/api/v1/webhooks')).body.items).toEqual([]);

    // Delete one interview from its page.
    await page.goto(`${run.base}/interviews/${doomed}`);
    await page.getByRole('heading', { name: 'Delete me' }).waitFor();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await shot(page, 'confirm-delete-interview', 'viewport');
    await page.keyboard.press('Escape');
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    expect((await api('GET', `/api/v1/interviews/${doomed}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Delete interview' }).click();
    await page.getByRole('heading', { name: 'Your interviews' }).waitFor();
    expect((await api('GET', `/api/v1/interviews/${doomed}`)).status).toBe(404);
    await page.locator(`[data-interview="${keep}"]`).waitFor();
    expect(await page.locator(`[data-interview="${doomed}"]`).count()).toBe(0);

    // Delete everything: the dialog wants the word typed; Cancel changes nothing.
    await api('POST', '/api/v1/webhooks', { url: hookUrl, events: ['interview.failed'] });
    await settingsNav(page).click();
    await page.getByRole('button', { name: 'Delete everything' }).click();
    const dialog = page.getByRole('alertdialog', { name: 'Delete all your data?' });
    expect(await dialog.getByRole('button', { name: 'Erase everything' }).isDisabled()).toBe(true);
    await dialog.getByLabel(/Type DELETE to confirm/).fill('delete');
    expect(await dialog.getByRole('button', { name: 'Erase everything' }).isDisabled()).toBe(true);
    await shot(page, 'confirm-delete-all', 'viewport');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect((await api('GET', '/api/v1/interviews')).body.items.map((i: { id: string }) => i.id)).toEqual([keep]);
    expect((await api('GET', '/api/v1/webhooks')).body.items).toHaveLength(1);
    await page.getByRole('button', { name: 'Delete everything' }).click();
    await dialog.getByLabel(/Type DELETE to confirm/).fill('DELETE');
    await dialog.getByRole('button', { name: 'Erase everything' }).click();
    await page.getByText('Erased 1 interview and all webhooks.').waitFor();
    expect((await api('GET', '/api/v1/interviews')).body.items).toEqual([]);
    expect((await api('GET', '/api/v1/webhooks')).body.items).toEqual([]);
    expect((await api('GET', '/api/v1/settings')).body.analysisModel ?? 'auto').toBe('auto');
    await expect(page.getByLabel('AI model for feedback').inputValue()).resolves.toBe('auto');
    await shot(page, 'settings-erased');
    await page.getByRole('link', { name: 'Go to your (empty) dashboard' }).click();
    await page.getByRole('heading', { name: 'No interviews yet' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
