import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

/**
 * A directory of derived artifacts (parsed CRDs, generated validator code) addressed by content
 * hash, so that a cache entry can never be stale. Every failure to read or write is ignored: the
 * cache only saves time.
 */
export class DiskCache {
  /** The sha256 (hex) of `parts`, for use as a cache key. */
  public static key(...parts: string[]): string {
    const hash = createHash('sha256');
    for (const part of parts) hash.update(part).update('\u0000');
    return hash.digest('hex');
  }

  constructor(private readonly dir: string) {}

  /** The cached text for `name`, or undefined. */
  public read(name: string): string | undefined {
    try {
      return fs.readFileSync(path.join(this.dir, name), 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Stores `text` under `name` (atomically, so that parallel test workers never see partial files). */
  public write(name: string, text: string): void {
    const file = path.join(this.dir, name);
    const temp = `${file}.${process.pid}.${Date.now()}.tmp`;
    try {
      fs.mkdirSync(this.dir, { recursive: true });
      fs.writeFileSync(temp, text);
      fs.renameSync(temp, file);
    } catch {
      fs.rmSync(temp, { force: true });
    }
  }
}
