/** Email templates (text + HTML) as pure functions. Everything user-provided is HTML-escaped. */
export interface RenderedEmail {
  subject: string;
  text: string;
  html: string;
}

export type EmailModel =
  | { kind: 'interview.completed'; title: string; interviewUrl: string; durationSec?: number }
  | { kind: 'interview.failed'; title: string; interviewUrl: string; reason: string }
  | { kind: 'webhook.disabled'; url: string; failingSinceIso: string; settingsUrl: string };

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Subject lines must stay on one line whatever a title contains. */
const oneLine = (s: string, max = 120) => s.replace(/[\r\n\t]+/g, ' ').trim().slice(0, max);

const minutes = (sec: number) => `${Math.max(1, Math.round(sec / 60))} min`;

function layout(heading: string, paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p style="margin:0 0 12px">${p}</p>`).join('');
  return (
    '<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1f2933;max-width:560px">' +
    `<h1 style="font-size:20px">${heading}</h1>${body}` +
    `<p><a href="${escapeHtml(link.href)}" style="color:#2563eb">${escapeHtml(link.label)}</a></p>` +
    '<p style="color:#6b7280;font-size:12px">Interview Buddy · you can turn these emails off in your notification settings.</p>' +
    '</body></html>'
  );
}

const FOOTER = '\n\n--\nInterview Buddy · you can turn these emails off in your notification settings.\n';

export function renderEmail(m: EmailModel): RenderedEmail {
  switch (m.kind) {
    case 'interview.completed': {
      const length = m.durationSec !== undefined ? ` (${minutes(m.durationSec)})` : '';
      return {
        subject: oneLine(`Your feedback is ready: ${m.title}`),
        text: `Your interview "${m.title}"${length} has been analysed.\nRead your report: ${m.interviewUrl}${FOOTER}`,
        html: layout('Your feedback is ready', [`Your interview <strong>${escapeHtml(m.title)}</strong>${escapeHtml(length)} has been analysed.`], {
          href: m.interviewUrl,
          label: 'Read your report',
        }),
      };
    }
    case 'interview.failed':
      return {
        subject: oneLine(`We could not finish "${m.title}"`),
        text: `We could not finish analysing "${m.title}".\nReason: ${m.reason}\nYou can retry from the interview page: ${m.interviewUrl}${FOOTER}`,
        html: layout('We could not finish your interview', [
          `We could not finish analysing <strong>${escapeHtml(m.title)}</strong>.`,
          `Reason: ${escapeHtml(m.reason)}`,
        ], { href: m.interviewUrl, label: 'Open the interview to retry' }),
      };
    case 'webhook.disabled':
      return {
        subject: 'A webhook endpoint was disabled',
        text: `Deliveries to ${m.url} have failed since ${m.failingSinceIso}, so the endpoint was disabled.\nFix it and enable it again: ${m.settingsUrl}${FOOTER}`,
        html: layout('A webhook endpoint was disabled', [
          `Deliveries to <code>${escapeHtml(m.url)}</code> have failed since ${escapeHtml(m.failingSinceIso)}, so the endpoint was disabled.`,
        ], { href: m.settingsUrl, label: 'Review your webhooks' }),
      };
  }
}
