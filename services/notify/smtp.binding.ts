/**
 * The embedded adapter of Dapr's `bindings.smtp` output binding, on nodemailer. Same contract as
 * Dapr's: operation `create`, `data` is the HTML body, metadata `emailFrom`, `emailTo`, `emailCC`,
 * `emailBCC`, `subject`, `priority`. Extra metadata `textBody` adds the plain-text alternative and
 * `messageId` sets the Message-ID (Dapr's binding ignores unknown metadata and sends the HTML alone).
 */
import nodemailer from 'nodemailer';
import type { BindingResponse } from '../../dapr/ports/bindings.js';
import { NotConfiguredError } from '../../dapr/ports/errors.js';

export const SMTP_BINDING = 'smtp';

export interface SmtpOptions {
  host: string;
  port: number;
  from: string;
  user?: string;
  password?: string;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure?: boolean;
  skipTLSVerify?: boolean;
}

export type OutputBindingFn = (operation: string, data: unknown, metadata: Record<string, string>) => Promise<BindingResponse>;

export function smtpOutputBinding(o: SmtpOptions): OutputBindingFn {
  const transport = nodemailer.createTransport({
    host: o.host,
    port: o.port,
    secure: o.secure ?? false,
    ...(o.user && { auth: { user: o.user, pass: o.password ?? '' } }),
    tls: { rejectUnauthorized: !o.skipTLSVerify },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return async (operation, data, md) => {
    if (operation !== 'create') throw new NotConfiguredError(`smtp binding operation "${operation}"`);
    if (!md.emailTo) throw new NotConfiguredError('smtp binding metadata "emailTo"');
    const html = typeof data === 'string' ? data : Buffer.isBuffer(data) ? data.toString('utf8') : JSON.stringify(data ?? '');
    const priority = md.priority ? Number(md.priority) : 3;
    const info = await transport.sendMail({
      from: md.emailFrom ?? o.from,
      to: md.emailTo,
      ...(md.emailCC && { cc: md.emailCC }),
      ...(md.emailBCC && { bcc: md.emailBCC }),
      subject: md.subject ?? '',
      html,
      ...(md.textBody && { text: md.textBody }),
      ...(md.messageId && { messageId: md.messageId }),
      // X-Priority 1 is highest, 5 lowest (Dapr's scale).
      priority: priority <= 2 ? 'high' : priority >= 4 ? 'low' : 'normal',
    });
    return { data: { messageId: info.messageId }, metadata: {} };
  };
}
