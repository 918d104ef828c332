/**
 * Content-line folding by octets (RFC 5545 3.1): "Lines of text SHOULD NOT be longer than 75
 * octets, excluding the line break", and a fold must not split a multi-octet UTF-8 character.
 * The `ics` package folds after 75 characters, so a Dutch text with an en dash or an accented
 * letter gives lines of 76 octets and more, which strict parsers reject or garble. We undo its
 * folding and fold again by octets, only between whole characters (code points).
 */

const MAX_OCTETS = 75;
const encoder = new TextEncoder();

function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    if (octets + size > MAX_OCTETS) {
      parts.push(current);
      // A continuation line starts with one space, which counts towards its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n');
}

/** The whole iCalendar text, unfolded and folded again so no line is longer than 75 octets. */
export function foldByOctets(ics: string): string {
  const unfolded = ics.replace(/\r\n[ \t]/g, '');
  return unfolded.split('\r\n').map(foldLine).join('\r\n');
}
