/**
 * Api role: socket.io on the HTTP server, and the topics that reach it (interview progress, in-app
 * notifications from a separate notify app). Without the api role progress still feeds notify.
 */
import type http from 'node:http';
import { attachSocket, type IoServer } from '../api/socket.js';
import { notificationPusher, socketNotifier } from '../api/socket.notifier.js';
import { NOTIFICATION_PUSH_TOPIC } from '../notify/notify.module.js';
import type { Core } from './core.js';

export function attachApiSocket(server: http.Server, { has, verifier, notify, lifecycle, sub }: Core): IoServer | undefined {
  if (!has('api')) {
    sub('interview.progress', lifecycle('interview.progress'));
    return undefined;
  }
  const io = attachSocket(server, verifier);
  sub('interview.progress', lifecycle('interview.progress', socketNotifier(io)));
  const push = notificationPusher(io);
  notify.attachPush(push);
  if (!has('notify')) {
    sub(NOTIFICATION_PUSH_TOPIC, async ({ data }) => {
      const { uid, notification } = data as { uid: string; notification: Parameters<typeof push>[1] };
      push(uid, notification);
      return 'SUCCESS';
    });
  }
  return io;
}
