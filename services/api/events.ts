/** Every socket.io event, typed once for the server and the web client. */
import type { InterviewError, Stage, Status } from '../../actors/interview.types.js';
import type { NotificationView } from '../notify/notification.types.js';
import type { LiveClientToServer, LiveServerToClient } from './live.contract.js';

export interface ProgressEvent {
  id: string;
  status: Status;
  stage: Stage;
  progress: number;
  error?: InterviewError;
}

/** Live practice (live.contract.ts): captions and nudges, only ever to the owner's room. */
export interface ServerToClientEvents extends LiveServerToClient {
  'interview.progress': (e: ProgressEvent) => void;
  /** A new in-app notification (the same shape as `GET /api/v1/notifications` items). */
  notification: (n: NotificationView) => void;
}

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents extends LiveClientToServer {}

export interface SocketData {
  user?: { uid: string; email?: string };
}

/** The room of one user's sockets: the only place their events go. */
export const userRoom = (uid: string) => `user:${uid}`;
