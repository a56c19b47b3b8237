/** Lifecycle events → the owner's socket.io room (and nowhere else). */
import type { InterviewError, Stage, Status } from '../../actors/interview.types.js';
import type { EventHandler } from '../../dapr/ports/pubsub.js';
import { userRoom } from './events.js';
import type { IoServer } from './socket.js';
import type { NotificationView } from '../notify/notification.types.js';

interface LifecycleData {
  id: string;
  ownerUid: string;
  status: Status;
  stage: Stage;
  progress: number;
  error?: InterviewError;
}

export function socketNotifier(io: IoServer): EventHandler<LifecycleData> {
  return async ({ data }) => {
    const { id, ownerUid, status, stage, progress, error } = data;
    io.to(userRoom(ownerUid)).emit('interview.progress', { id, status, stage, progress, ...(error && { error }) });
    return 'SUCCESS';
  };
}

/** A new in-app notification → the owner's room only. */
export const notificationPusher =
  (io: IoServer) =>
  (uid: string, n: NotificationView): void => {
    io.to(userRoom(uid)).emit('notification', n);
  };
