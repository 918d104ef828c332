/**
 * Letters from the service (issue 4, point 6): rendered as PDF with pdf-lib and stored through
 * the blob store like any document, with origin 'service'. Residents list them with their case's
 * documents and download them under the same safe-download rules.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import type { IsoDate } from '../../../domain/dates';
import { newBlobKey, type BlobStore } from '../../blobs/index';
import type { CaseSystem } from '../../case-system/index';
import type { Database } from '../../db/schema';
import { recordNotificationEvent } from '../notifications/events';

export interface LetterContent {
  sender: { name: string; lines: string[] };
  recipient: { name: string; lines: string[] };
  date: IsoDate;
  reference: string;
  subject: string;
  paragraphs: string[];
  signature: string;
  /** Small print at the foot of the page, e.g. how to object */
  footer?: string;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 64;

/** The standard PDF fonts speak WinAnsi: keep Dutch letters, replace anything they cannot draw. */
const drawable = (text: string) => text.replace(/[^\x20-\x7e\u00a0-\u00ff€‘’“”–—…]/g, '?');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of drawable(text).split(/\s+/)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

/** '18 november 2026': how a date is written in a Dutch letter. */
export function dutchDate(date: IsoDate): string {
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T12:00:00Z`),
  );
}

class Writer {
  y = A4.height - MARGIN;
  constructor(
    readonly page: PDFPage,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {}
  line(text: string, options: { bold?: boolean; size?: number; gap?: number } = {}) {
    const size = options.size ?? 11;
    this.page.drawText(drawable(text), {
      x: MARGIN,
      y: this.y,
      size,
      font: options.bold ? this.bold : this.regular,
      color: rgb(0.1, 0.1, 0.1),
    });
    this.y -= size * 1.45 + (options.gap ?? 0);
  }
  paragraph(text: string) {
    for (const line of wrap(text, this.regular, 11, A4.width - 2 * MARGIN)) this.line(line);
    this.y -= 8;
  }
}

export async function renderLetter(content: LetterContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.setTitle(drawable(content.subject));
  pdf.setAuthor(drawable(content.sender.name));
  pdf.setLanguage('nl-NL');
  const page = pdf.addPage([A4.width, A4.height]);
  const w = new Writer(
    page,
    await pdf.embedFont(StandardFonts.Helvetica),
    await pdf.embedFont(StandardFonts.HelveticaBold),
  );
  w.line(content.sender.name, { bold: true, size: 14 });
  for (const line of content.sender.lines) w.line(line, { size: 9 });
  w.y -= 36;
  w.line(content.recipient.name);
  for (const line of content.recipient.lines) w.line(line);
  w.y -= 28;
  w.line(`Datum: ${dutchDate(content.date)}`, { size: 10 });
  w.line(`Ons kenmerk: ${content.reference}`, { size: 10, gap: 18 });
  w.line(content.subject, { bold: true, size: 12, gap: 10 });
  for (const paragraph of content.paragraphs) w.paragraph(paragraph);
  w.y -= 10;
  w.line('Met vriendelijke groet,');
  w.line(content.signature, { gap: 6 });
  if (content.footer) {
    w.y = MARGIN + 24;
    for (const line of wrap(content.footer, w.regular, 8, A4.width - 2 * MARGIN)) w.line(line, { size: 8 });
  }
  return pdf.save();
}

/** Stores a rendered letter and attaches it to the case; returns the document id. */
export async function storeLetter(
  db: Kysely<Database>,
  cases: CaseSystem,
  blobs: BlobStore,
  letter: {
    caseId: string;
    title: string;
    fileName: string;
    pdf: Uint8Array;
    sentAt: Date;
    kind: 'decision' | 'other';
  },
): Promise<string> {
  const bytes = Buffer.from(letter.pdf);
  const key = newBlobKey('letters');
  await blobs.put(key, bytes);
  const { id } = await db
    .insertInto('documents')
    .values({
      title: letter.title,
      file_name: letter.fileName,
      content_type: 'application/pdf',
      size_bytes: bytes.length,
      storage_key: key,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      origin: 'service',
      created_at: letter.sentAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await cases.registerDocument(letter.caseId, id, letter.sentAt);
  // Issue 8: the resident hears there is a letter (once per letter: the event is keyed on its id).
  const initiator = (await cases.initiatorsOf([letter.caseId])).get(letter.caseId);
  if (initiator) {
    await recordNotificationEvent(
      db,
      { now: () => letter.sentAt },
      {
        // A request for information must not say it holds our decision.
        type: letter.kind === 'decision' ? 'decision_letter_available' : 'letter_available',
        residentBsn: initiator,
        caseId: letter.caseId,
        objectId: id,
        link: `/aanvragen/${letter.caseId}/documenten`,
      },
    );
  }
  return id;
}
