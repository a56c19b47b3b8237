/** Settings store: analysis model preference, email opt-out, webhooks, erase-everything. */
import { api } from '../lib/api';
import type { InterviewSummary, TrendSeries, Webhook } from '../lib/types';

export const getSettings = () => api<{ analysisModel?: string }>('GET', '/settings');
export const saveSettings = (analysisModel: string) => api<{ analysisModel?: string }>('PUT', '/settings', { analysisModel });
export const getEmailPrefs = () => api<{ email: boolean }>('GET', '/notifications/preferences');
export const saveEmailPrefs = (email: boolean) => api<{ email: boolean }>('PUT', '/notifications/preferences', { email });
export const listWebhooks = async () => (await api<{ items: Webhook[] }>('GET', '/webhooks')).items;
export const createWebhook = (body: { url: string; events: string[]; description?: string }) =>
  api<Webhook & { secret: string }>('POST', '/webhooks', body);
export const deleteWebhook = (id: string) => api('DELETE', `/webhooks/${id}`);
export const getTrends = async () => (await api<{ metrics: TrendSeries }>('GET', '/trends')).metrics;

/** Erases every interview (media, transcript, report) and every webhook of the caller. */
export async function eraseEverything(): Promise<number> {
  const { items } = await api<{ items: InterviewSummary[] }>('GET', '/interviews');
  for (const i of items) await api('DELETE', `/interviews/${i.id}`);
  for (const w of await listWebhooks()) await deleteWebhook(w.id);
  return items.length;
}
