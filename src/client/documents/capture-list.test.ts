import { describe, expect, it } from 'vitest';
import {
  fileNameFor,
  moveDown,
  moveUp,
  planOutgoing,
  removeFile,
  rotateFile,
  sendBlocker,
  type CapturedFile,
} from './capture-list';

const MB = 1024 * 1024;

function file(id: string, overrides: Partial<CapturedFile> = {}): CapturedFile {
  return {
    id,
    name: `${id}.jpg`,
    kind: 'photo',
    contentType: 'image/jpeg',
    size: 4 * MB,
    quarterTurns: 0,
    status: 'ready',
    problem: null,
    thumbnail: null,
    reducedSize: MB,
    ...overrides,
  };
}
const ids = (list: CapturedFile[]) => list.map((f) => f.id);

describe('the list of picked files', () => {
  const list = [file('a'), file('b'), file('c')];

  it('moves a file up or down one place; not past either end', () => {
    expect(ids(moveUp(list, 'b'))).toEqual(['b', 'a', 'c']);
    expect(ids(moveDown(list, 'b'))).toEqual(['a', 'c', 'b']);
    expect(ids(moveUp(list, 'a'))).toEqual(['a', 'b', 'c']);
    expect(ids(moveDown(list, 'c'))).toEqual(['a', 'b', 'c']);
    expect(ids(moveUp(list, 'unknown'))).toEqual(['a', 'b', 'c']);
    expect(ids(list)).toEqual(['a', 'b', 'c']); // never in place
  });

  it('removes a file; turns only photos, a quarter at a time, round to upright', () => {
    expect(ids(removeFile(list, 'b'))).toEqual(['a', 'c']);
    let turned = list;
    for (let i = 0; i < 5; i += 1) turned = rotateFile(turned, 'a');
    expect(turned.map((f) => f.quarterTurns)).toEqual([1, 0, 0]);
    const pdf = file('p', { kind: 'pdf', contentType: 'application/pdf' });
    expect(rotateFile([pdf], 'p')[0]!.quarterTurns).toBe(0);
  });

  it('says what keeps "Versturen" from working', () => {
    expect(sendBlocker([])).toBe('empty');
    expect(sendBlocker([file('a'), file('b', { status: 'preparing' })])).toBe('preparing');
    expect(
      sendBlocker([
        file('a', { status: 'problem', problem: 'DOCUMENT_TYPE_NOT_ALLOWED' }),
        file('b', { status: 'preparing' }),
      ]),
    ).toBe('problems');
    expect(sendBlocker(list)).toBeNull();
  });
});

describe('what will be sent', () => {
  it('photos together (one PDF), PDFs and HEIC photos as they are, in the order of the list', () => {
    const list = [
      file('p1'),
      file('pdf', { kind: 'pdf', contentType: 'application/pdf' }),
      file('p2'),
      file('heic', { kind: 'heic', contentType: 'image/heic' }),
      file('p3'),
    ];
    expect(planOutgoing(list)).toEqual([
      { type: 'photos', ids: ['p1', 'p2', 'p3'] },
      { type: 'as-is', id: 'pdf' },
      { type: 'as-is', id: 'heic' },
    ]);
  });

  it('splits the photos over more PDFs only where one would pass 20 MB', () => {
    const photos = Array.from({ length: 14 }, (_, i) => file(`p${i}`, { reducedSize: 1.5 * MB }));
    const plan = planOutgoing(photos);
    expect(plan.map((p) => (p.type === 'photos' ? p.ids.length : 0))).toEqual([13, 1]);
  });

  it('names files after the title, numbered when there are more', () => {
    expect(fileNameFor('Bankafschriften van de laatste 3 maanden', 'pdf')).toBe(
      'Bankafschriften van de laatste 3 maanden.pdf',
    );
    expect(fileNameFor('Loonstrook: oktober/november', 'jpg', { n: 2, of: 3 })).toBe(
      'Loonstrook oktober november-2.jpg',
    );
    expect(fileNameFor('   ', 'heic')).toBe('document.heic');
  });
});
