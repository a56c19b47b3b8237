/** In-app notifications as the inbox actor stores them and the API / socket show them. */
export const NOTIFICATION_KINDS = ['interview.completed', 'interview.failed', 'webhook.disabled'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface Notification {
  /** Derived from the event that caused it, so a redelivered event adds nothing. */
  id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  interviewId?: string;
  webhookId?: string;
  createdAt: number;
  readAt?: number;
}

export const notificationView = (n: Notification) => ({
  id: n.id,
  kind: n.kind,
  title: n.title,
  body: n.body,
  ...(n.interviewId && { interviewId: n.interviewId }),
  ...(n.webhookId && { webhookId: n.webhookId }),
  createdAt: new Date(n.createdAt).toISOString(),
  read: n.readAt !== undefined,
  ...(n.readAt !== undefined && { readAt: new Date(n.readAt).toISOString() }),
});

export type NotificationView = ReturnType<typeof notificationView>;
