/** Sends a rendered email through the `smtp` output binding (embedded nodemailer or Dapr's). */
import type { OutputBindings } from '../../dapr/ports/bindings.js';
import type { RenderedEmail } from './email.templates.js';
import { SMTP_BINDING } from './smtp.binding.js';

/** `id` names the notification: the email's Message-ID derives from it (see messageIdFor). */
export type EmailSender = (to: string, email: RenderedEmail, id?: string) => Promise<void>;

/**
 * Email is at-least-once (a crash after the SMTP server accepted it but before we recorded it
 * sends it again); a Message-ID stable per notification lets mail systems fold the copies into one.
 */
export const messageIdFor = (id: string): string => `<${id.replace(/[^A-Za-z0-9.-]/g, '.')}@interview-buddy>`;

export const bindingEmailSender =
  (bindings: OutputBindings): EmailSender =>
  async (to, email, id) => {
    await bindings.invoke(SMTP_BINDING, 'create', email.html, {
      emailTo: to, subject: email.subject, textBody: email.text, ...(id && { messageId: messageIdFor(id) }),
    });
  };
