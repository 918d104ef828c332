/**
 * E-mail with nodemailer over SMTP (SMTP_URL, or SMTP_HOST/SMTP_PORT). Every mail: a subject
 * without personal details, plain text and HTML, Dutch first and English below (we do not know
 * which language the resident reads), the link to the page in Loket, and an unsubscribe link
 * (also as List-Unsubscribe with one-click, RFC 8058). The Message-ID is derived from the job,
 * so a mail sent again after a crash is the same message to the receiving side.
 */
import nodemailer from 'nodemailer';
import type { NotificationEventType } from '../../../domain/notification-events';
import { EMAIL_SUBJECT, EMAIL_VERIFY_SUBJECT, NOTIFICATION_TEXTS } from '../../../domain/notification-texts';
import { escapeHtml } from '../../escape-html';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  headers: Record<string, string>;
}

export interface MailSender {
  send(mail: Mail): Promise<void>;
  close(): void;
}

export function smtpSender(url: string, from: string): MailSender {
  // Timeouts well below the worker's lease: a hanging server must not outlive the claim.
  const transport = nodemailer.createTransport({
    url,
    connectionTimeout: 20_000,
    greetingTimeout: 20_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: mail.headers,
      });
    },
    close: () => transport.close(),
  };
}

function htmlPage(paragraphs: Array<{ text: string; link?: string }>, lang = 'nl'): string {
  const body = paragraphs
    .map(({ text, link }) =>
      link ? `<p><a href="${escapeHtml(link)}">${escapeHtml(text)}</a></p>` : `<p>${escapeHtml(text)}</p>`,
    )
    .join('\n');
  return `<!doctype html>\n<html lang="${lang}"><head><meta charset="utf-8"><title>Loket</title></head>\n<body style="font-family: sans-serif; line-height: 1.5">\n${body}\n</body></html>\n`;
}

const host = (publicUrl: string) => new URL(publicUrl).hostname;

export function eventMail(input: {
  to: string;
  type: NotificationEventType;
  link: string;
  publicUrl: string;
  unsubscribeToken: string;
  jobId: string;
}): Mail {
  const nl = NOTIFICATION_TEXTS.nl[input.type];
  const en = NOTIFICATION_TEXTS.en[input.type];
  const pageUrl = `${input.publicUrl}${input.link}`;
  const unsubscribeUrl = `${input.publicUrl}/api/notifications/email/unsubscribe?token=${encodeURIComponent(input.unsubscribeToken)}`;
  const text = [
    `${nl.title}`,
    nl.body,
    `Open Loket: ${pageUrl}`,
    '',
    '---',
    `${en.title}`,
    en.body,
    `Open Loket: ${pageUrl}`,
    '',
    '---',
    `Geen e-mail meer? / No more e-mail? ${unsubscribeUrl}`,
    '',
  ].join('\n');
  const html = htmlPage([
    { text: nl.title },
    { text: nl.body },
    { text: 'Open Loket', link: pageUrl },
    { text: en.title },
    { text: en.body },
    { text: 'Open Loket (English)', link: pageUrl },
    { text: 'Geen e-mail meer? / No more e-mail?', link: unsubscribeUrl },
  ]);
  return {
    to: input.to,
    subject: EMAIL_SUBJECT,
    text,
    html,
    messageId: `<${input.jobId}@${host(input.publicUrl)}>`,
    headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

export function verificationMail(input: { to: string; token: string; publicUrl: string; jobId: string }): Mail {
  const url = `${input.publicUrl}/api/notifications/email/verify?token=${encodeURIComponent(input.token)}`;
  const text = [
    'U wilt berichten van Loket per e-mail krijgen. Klik op deze link om uw e-mailadres te bevestigen:',
    url,
    'De link werkt 48 uur. Heeft u dit niet gevraagd? Dan hoeft u niets te doen.',
    '',
    '---',
    'You asked to get messages from Loket by e-mail. Open this link to confirm your e-mail address:',
    url,
    'The link works for 48 hours. Did you not ask for this? Then you need not do anything.',
    '',
  ].join('\n');
  const html = htmlPage([
    { text: 'U wilt berichten van Loket per e-mail krijgen.' },
    { text: 'Bevestig mijn e-mailadres', link: url },
    { text: 'De link werkt 48 uur. Heeft u dit niet gevraagd? Dan hoeft u niets te doen.' },
    { text: 'You asked to get messages from Loket by e-mail.' },
    { text: 'Confirm my e-mail address', link: url },
    { text: 'The link works for 48 hours. Did you not ask for this? Then you need not do anything.' },
  ]);
  return {
    to: input.to,
    subject: EMAIL_VERIFY_SUBJECT,
    text,
    html,
    messageId: `<${input.jobId}@${host(input.publicUrl)}>`,
    headers: {},
  };
}
