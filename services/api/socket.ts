/** socket.io: the Firebase token is checked on the handshake; each socket joins only its user's room. */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { type AuthVerifier, socketAuth } from '../shared/auth.js';
import { type ClientToServerEvents, type ServerToClientEvents, type SocketData, userRoom } from './events.js';

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export function attachSocket(http: HttpServer, verifier: AuthVerifier): IoServer {
  const io: IoServer = new Server(http, { serveClient: false, cors: { origin: false } });
  io.use(socketAuth(verifier));
  io.on('connection', (socket) => {
    void socket.join(userRoom(socket.data.user!.uid));
  });
  return io;
}
