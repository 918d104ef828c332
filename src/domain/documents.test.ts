import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StoredDocumentRequestState } from './documents';
import { documentRequestState } from './deadlines';
import {
  acceptsDocuments,
  compareRequestsStable,
  isStillAskedFor,
  downloadFileName,
  exceedsDailyLimit,
  isDocumentContentType,
  MAX_DOCUMENT_BYTES,
  nextRequestState,
  polyglotSign,
  requestDaysLeft,
  sizeRefusal,
  sniffDocumentType,
  type RequestEvent,
} from './documents';

const bytes = (...parts: Array<string | number[]>) =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

describe('sniffDocumentType (magic bytes, not names)', () => {
  it.each<[string, Uint8Array, string | null]>([
    ['PDF', bytes('%PDF-1.7\n'), 'application/pdf'],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'image/jpeg'],
    ['PNG', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    ['HEIC (iPhone)', bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]), 'image/heic'],
    ['HEIF (mif1)', bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0]), 'image/heif'],
    ['MP4 video', bytes([0, 0, 0, 0x18], 'ftypisom', [0, 0, 0, 0]), null],
    ['AVIF', bytes([0, 0, 0, 0x18], 'ftypavif', [0, 0, 0, 0]), null],
    ['Windows executable', bytes('MZ', [0x90, 0, 3, 0, 0, 0]), null],
    ['ZIP / Office document', bytes('PK', [3, 4, 20, 0]), null],
    ['HTML', bytes('<!doctype html><script>'), null],
    ['GIF', bytes('GIF89a'), null],
    ['PDF header not at the start', bytes(' %PDF-1.4'), null],
    ['empty', bytes(), null],
  ])('%s', (_name, head, expected) => {
    expect(sniffDocumentType(head)).toBe(expected);
  });

  it('never accepts bytes that do not start with an allowed signature', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (head) => {
        const type = sniffDocumentType(head);
        if (type) expect(isDocumentContentType(type)).toBe(true);
        if (type === 'application/pdf') expect(String.fromCharCode(...head.subarray(0, 5))).toBe('%PDF-');
      }),
    );
  });
});

describe('size rules', () => {
  it.each<[number, string | null]>([
    [0, 'DOCUMENT_EMPTY'],
    [1, null],
    [MAX_DOCUMENT_BYTES, null],
    [MAX_DOCUMENT_BYTES + 1, 'DOCUMENT_TOO_LARGE'],
  ])('%d bytes → %s', (size, expected) => expect(sizeRefusal(size)).toBe(expected));

  it('counts the daily limit inclusively: exactly the limit is still allowed', () => {
    expect(exceedsDailyLimit(60, 40, 100)).toBe(false);
    expect(exceedsDailyLimit(60, 41, 100)).toBe(true);
  });
});

describe('polyglotSign', () => {
  const pdf = (tail: string) => bytes('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF', tail);

  it('accepts a plain PDF, also with trailing newlines', () => {
    expect(polyglotSign(pdf('\r\n\n'), 'application/pdf')).toBeNull();
  });

  it('refuses data appended after the last %%EOF', () => {
    expect(polyglotSign(pdf('\nPK-like payload appended by someone else'), 'application/pdf')).toBe(
      'pdf_trailing_data',
    );
  });

  it('refuses a ZIP directory at the end (PDF/ZIP and JPEG/JAR polyglots)', () => {
    const eocd = [0x50, 0x4b, 0x05, 0x06, ...new Array<number>(18).fill(0)];
    expect(polyglotSign(bytes([0xff, 0xd8, 0xff, 0xd9], eocd), 'image/jpeg')).toBe('zip');
  });

  it('refuses markup that a browser would sniff in the first bytes', () => {
    expect(polyglotSign(bytes([0xff, 0xd8, 0xff, 0xfe, 0, 20], '<script>alert(1)</script>'), 'image/jpeg')).toBe(
      'markup',
    );
  });
});

describe('downloadFileName', () => {
  it.each<[string | null, Parameters<typeof downloadFileName>[1], string]>([
    ['bankafschrift januari.pdf', 'application/pdf', 'bankafschrift januari.pdf'],
    ['C:\\Users\\jan\\huur.PDF', 'application/pdf', 'huur.pdf'],
    ['../../etc/passwd', 'image/png', 'passwd.png'],
    ['foto.heic', 'image/jpeg', 'foto.jpg'],
    ['evil\u202Egpj.exe', 'image/jpeg', 'evilgpj.jpg'],
    ['a"b;c\r\nd.pdf', 'application/pdf', 'abcd.pdf'],
    ['...', 'application/pdf', 'document.pdf'],
    [null, 'image/png', 'document.png'],
    ['Loonstrook één.pdf', 'application/pdf', 'Loonstrook één.pdf'],
  ])('%j → %s', (input, type, expected) => expect(downloadFileName(input, type)).toBe(expected));

  it('always yields a short name without path or control characters and the right extension', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (name) => {
        const result = downloadFileName(name, 'application/pdf');
        expect(result).toMatch(/\.pdf$/);
        expect(result).not.toMatch(/[\\/\p{Cc}\p{Cf}"]/u);
        expect([...result].length).toBeLessThanOrEqual(84);
      }),
    );
  });
});

describe('document request states', () => {
  const states: StoredDocumentRequestState[] = ['open', 'received', 'accepted', 'rejected'];
  const events: RequestEvent[] = ['document_received', 'accepted', 'rejected'];

  it('is judged only after something arrived', () => {
    expect(nextRequestState('open', 'accepted')).toBeNull();
    expect(nextRequestState('open', 'rejected')).toBeNull();
    expect(nextRequestState('open', 'document_received')).toBe('received');
    expect(nextRequestState('rejected', 'document_received')).toBe('received');
  });

  it('holds for every sequence of events (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...events), { maxLength: 30 }), (sequence) => {
        let state: StoredDocumentRequestState = 'open';
        let arrivedSinceJudgement = false;
        for (const event of sequence) {
          const next = nextRequestState(state, event);
          if (state === 'accepted') expect(next).toBeNull(); // accepted is final
          if (next === null) continue;
          if (event === 'accepted' || event === 'rejected') expect(arrivedSinceJudgement).toBe(true);
          arrivedSinceJudgement = event === 'document_received';
          if (event === 'document_received') expect(next).toBe('received');
          state = next;
        }
        expect(states).toContain(state);
        expect(acceptsDocuments(state)).toBe(state !== 'accepted');
      }),
    );
  });

  it('is overdue only while open and after the due date', () => {
    fc.assert(
      fc.property(fc.constantFrom(...states), fc.integer({ min: -30, max: 30 }), (stored, offset) => {
        const today = '2026-11-18';
        const due = new Date(Date.UTC(2026, 10, 18 + offset)).toISOString().slice(0, 10);
        const shown = documentRequestState(stored, due, today);
        expect(shown === 'overdue').toBe(stored === 'open' && requestDaysLeft(due, today) < 0);
      }),
    );
  });

  it('keeps one order whatever happens to a request: due date, then the day asked, then id', () => {
    const list = [
      { id: 'c', state: 'accepted' as const, dueDate: '2026-01-05', requestedOn: '2025-12-20' },
      { id: 'a', state: 'open' as const, dueDate: '2026-02-10', requestedOn: '2026-01-02' },
      { id: 'b', state: 'received' as const, dueDate: '2026-01-05', requestedOn: '2025-12-01' },
      { id: 'e', state: 'open' as const, dueDate: '2026-02-10', requestedOn: '2026-01-02' },
      { id: 'd', state: 'rejected' as const, dueDate: '2026-01-20', requestedOn: '2026-01-02' },
    ];
    const order = (rows: typeof list) => [...rows].sort(compareRequestsStable).map((r) => r.id);
    expect(order(list)).toEqual(['b', 'c', 'd', 'a', 'e']);
    // The first open request is answered: it becomes 'received' and stays where it was.
    const afterUpload = list.map((r) => (r.id === 'a' ? { ...r, state: 'received' as const } : r));
    expect(order(afterUpload)).toEqual(['b', 'c', 'd', 'a', 'e']);
  });

  it.each([
    ['open', true],
    ['overdue', true],
    ['rejected', true],
    ['received', false],
    ['accepted', false],
  ] as const)('a request that is %s is still asked for: %s', (state, asked) => {
    expect(isStillAskedFor(state)).toBe(asked);
  });
});
