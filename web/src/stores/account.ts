/** Settings store: analysis model preference, email opt-out, webhooks, erase-everything. */
import { api } from '../lib/api';
import type { TrendSeries, Webhook } from '../lib/types';

export const getSettings = () => api<{ analysisModel?: string }>('GET', '/settings');
export const saveSettings = (analysisModel: string) => api<{ analysisModel?: string }>('PUT', '/settings', { analysisModel });
export const getEmailPrefs = () => api<{ email: boolean }>('GET', '/notifications/preferences');
export const saveEmailPrefs = (email: boolean) => api<{ email: boolean }>('PUT', '/notifications/preferences', { email });
export const listWebhooks = async () => (await api<{ items: Webhook[] }>('GET', '/webhooks')).items;
export const createWebhook = (body: { url: string; events: string[]; description?: string }) =>
  api<Webhook & { secret: string }>('POST', '/webhooks', body);
export const deleteWebhook = (id: string) => api('DELETE', `/webhooks/${id}`);
export const getTrends = async () => (await api<{ metrics: TrendSeries }>('GET', '/trends')).metrics;

/** Erases all of the caller's data on the server in one request (DELETE /api/v1/me). */
export async function eraseEverything(): Promise<number> {
  const { erased } = await api<{ erased: { interviews: number; webhooks: number } }>('DELETE', '/me');
  return erased.interviews;
}
