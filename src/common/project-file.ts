import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** Resolves a path inside the project, from source (src/) or from the build (dist/src/) alike. */
export function projectFile(relative: string): string {
  if (!root) {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    while (!existsSync(path.join(dir, 'package.json'))) {
      const parent = path.dirname(dir);
      if (parent === dir) throw new Error('package.json not found above ' + fileURLToPath(import.meta.url));
      dir = parent;
    }
    root = dir;
  }
  return path.join(root, relative);
}
