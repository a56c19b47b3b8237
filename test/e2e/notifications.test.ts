/**
 * People's notifications through the real app: a local SMTP server (smtp-server) receives the
 * email sent via the `smtp` binding (text + HTML), the in-app notification is listed and pushed to
 * the owner's socket room only, and the email opt-out is honoured.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SMTPServer } from 'smtp-server';
import { io as connect } from 'socket.io-client';
import type { NotificationView } from '../../services/notify/notification.types.js';
import { apiClient, type RunningApp, startTestApp, waitForStatus } from '../helpers/app.js';
import { signUp, withAuthEmulator } from '../helpers/firebase.js';
import { until } from '../helpers/until.js';

withAuthEmulator();

interface Mail {
  from: string;
  to: string[];
  raw: string;
}
const mails: Mail[] = [];
let smtp: SMTPServer;
let run: RunningApp;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        // Bodies are quoted-printable: undo soft line breaks so assertions read the text as sent.
        const raw = Buffer.concat(chunks).toString('utf8').replace(/=\r?\n/g, '');
        mails.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  run = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(port), SMTP_FROM: 'Interview Buddy <noreply@ib.test>', PUBLIC_BASE_URL: 'https://ib.test' }, fs.mkdtempSync(path.join(os.tmpdir(), 'ib-notify-')));
}, 60_000);
afterAll(async () => {
  await run?.stop();
  await new Promise<void>((resolve) => smtp?.close(() => resolve()));
});

const VTT = `WEBVTT

00:00:00.000 --> 00:00:05.000
<v Interviewer>Why this role?

00:00:05.500 --> 00:00:15.000
<v Candidate>I enjoy building reliable systems and I have led two migrations that cut costs.
`;

async function notificationSocket(token: string) {
  const socket = connect(run.base, { auth: { token }, transports: ['websocket'], reconnection: false });
  const got: NotificationView[] = [];
  socket.on('notification', (n: NotificationView) => got.push(n));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return { got, close: () => socket.close() };
}


async function completeInterview(api: ReturnType<typeof apiClient>, title: string): Promise<string> {
  const id = (await api('POST', '/api/v1/interviews', { title })).body.id as string;
  expect((await api('PUT', `/api/v1/interviews/${id}/transcript?filename=t.vtt`, VTT)).status).toBe(200);
  await waitForStatus(api, id, (s) => s === 'completed' || s === 'failed');
  return id;
}

describe('notifications', () => {
  it('a completed interview emails its owner (text + HTML) and pushes an in-app notification to their room only', async () => {
    const alice = await signUp();
    const bob = await signUp();
    const api = apiClient(run.base, alice.idToken);
    const aliceSock = await notificationSocket(alice.idToken);
    const bobSock = await notificationSocket(bob.idToken);
    try {
      const id = await completeInterview(api, 'Platform <engineer>');
      await until(() => mails.some((m) => m.to.includes(alice.email)));
      const mail = mails.find((m) => m.to.includes(alice.email))!;
      expect(mail.from).toBe('noreply@ib.test');
      expect(mail.raw).toMatch(/^Subject: Your feedback is ready: Platform <engineer>/m);
      expect(mail.raw).toMatch(/Content-Type: multipart\/alternative/);
      expect(mail.raw).toMatch(/Content-Type: text\/plain/);
      expect(mail.raw).toMatch(/Content-Type: text\/html/);
      expect(mail.raw).toContain('&lt;engineer&gt;');
      expect(mail.raw).toContain(`https://ib.test/interviews/${id}`);

      await until(() => aliceSock.got.length > 0);
      expect(aliceSock.got[0]).toMatchObject({ kind: 'interview.completed', interviewId: id, read: false });
      const list = await api('GET', '/api/v1/notifications');
      expect(list.body.unread).toBe(1);
      expect(list.body.items[0]).toEqual(aliceSock.got[0]);
      const nid = list.body.items[0].id as string;

      const bobApi = apiClient(run.base, bob.idToken);
      expect((await bobApi('GET', '/api/v1/notifications')).body).toEqual({ items: [], unread: 0 });
      expect((await bobApi('POST', `/api/v1/notifications/${encodeURIComponent(nid)}/read`)).status).toBe(404);
      expect(bobSock.got).toEqual([]);
      expect(mails.some((m) => m.to.includes(bob.email))).toBe(false);

      const read = await api('POST', `/api/v1/notifications/${encodeURIComponent(nid)}/read`);
      expect(read.body).toMatchObject({ id: nid, read: true });
      expect((await api('GET', '/api/v1/notifications')).body.unread).toBe(0);
      expect((await api('POST', '/api/v1/notifications/nope/read')).body.error.code).toBe('notification_not_found');
    } finally {
      aliceSock.close();
      bobSock.close();
    }
  });

  it('honours the email opt-out and still notifies in-app', async () => {
    const carol = await signUp();
    const api = apiClient(run.base, carol.idToken);
    expect((await api('GET', '/api/v1/notifications/preferences')).body).toEqual({ email: true });
    expect((await api('PUT', '/api/v1/notifications/preferences', { email: false })).body).toEqual({ email: false });
    expect((await api('PUT', '/api/v1/notifications/preferences', { email: 'no' })).body.error.code).toBe('invalid_request');
    const id = await completeInterview(api, 'Opted out');
    let items: { interviewId?: string }[] = [];
    const end = Date.now() + 20_000;
    while (!items.some((n) => n.interviewId === id) && Date.now() < end) {
      items = (await api('GET', '/api/v1/notifications')).body.items;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(items.some((n) => n.interviewId === id)).toBe(true);
    expect(mails.some((m) => m.to.includes(carol.email))).toBe(false);
  });
});
