/** Sends a rendered email through the `smtp` output binding (embedded nodemailer or Dapr's). */
import type { OutputBindings } from '../../dapr/ports/bindings.js';
import type { RenderedEmail } from './email.templates.js';
import { SMTP_BINDING } from './smtp.binding.js';

export type EmailSender = (to: string, email: RenderedEmail) => Promise<void>;

export const bindingEmailSender =
  (bindings: OutputBindings): EmailSender =>
  async (to, email) => {
    await bindings.invoke(SMTP_BINDING, 'create', email.html, { emailTo: to, subject: email.subject, textBody: email.text });
  };
