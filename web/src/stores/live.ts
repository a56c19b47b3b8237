/** One socket.io connection per signed-in user, reconnecting, with a fresh token on every (re)connect. */
import { io, type Socket } from 'socket.io-client';
import { createSignal } from 'solid-js';
import { currentToken } from '../lib/api';
import type { LiveClientToServer, LiveServerToClient } from '../../../services/api/live.contract';
import type { ClientToServerEvents, ProgressEvent, ServerToClientEvents } from '../lib/types';
import { whenSignedOut } from './auth';

let socket: Socket<ServerToClientEvents, ClientToServerEvents> | undefined;
const listeners = new Set<(e: ProgressEvent) => void>();
const [connected, setConnected] = createSignal(false);
export const liveConnected = connected;

export function onProgress(fn: (e: ProgressEvent) => void): () => void {
  ensureSocket();
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** The same authenticated connection, for a live practice session's events (issue 17). */
export function liveSocket(): Socket<LiveServerToClient, LiveClientToServer> {
  ensureSocket();
  return socket as unknown as Socket<LiveServerToClient, LiveClientToServer>;
}

function ensureSocket() {
  if (socket) return;
  socket = io({
    auth: (cb) => void currentToken().then((token) => cb({ token })),
    transports: ['websocket', 'polling'],
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5000,
  });
  socket.on('connect', () => setConnected(true));
  socket.on('disconnect', () => setConnected(false));
  socket.on('interview.progress', (e) => listeners.forEach((fn) => fn(e)));
}

whenSignedOut(() => {
  socket?.close();
  socket = undefined;
  setConnected(false);
});
