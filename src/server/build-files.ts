/**
 * Files of the built client that the server reads while it runs. A new build may be deployed into
 * the same folder without a restart (static-client.ts), so what the server took from a file must
 * follow it; looking at the file's version costs a stat, reading and parsing it again much more.
 */
import { readFileSync, statSync } from 'node:fs';

/** What tells a changed file: its modification time and size. */
export function versionOf(file: string): string {
  try {
    const { mtimeMs, size } = statSync(file);
    return `${mtimeMs}:${size}`;
  } catch {
    return 'none';
  }
}

/** The file's content as `parse` makes it, read again only when the file has changed. */
export function followFile<T>(file: string, parse: (text: string) => T): () => T {
  let cached: { version: string; value: T } | undefined;
  return () => {
    const version = versionOf(file);
    if (cached?.version !== version) cached = { version, value: parse(readFileSync(file, 'utf8')) };
    return cached.value;
  };
}
