/** JSON Pointers (RFC 6901) as templates and content problems use them; `*` stands for any index of an array. */

export function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '/').replaceAll('~0', '~');
}

/** The pointer of `name` under `parent`. */
export function childPointer(parent: string, name: string | number): string {
  return `${parent}/${typeof name === 'number' ? name : escapeSegment(name)}`;
}

/** The escaped segments of a pointer ('' has none), or null when it is not a pointer. */
export function segmentsOf(pointer: string): string[] | null {
  if (pointer === '') return [];
  if (!pointer.startsWith('/') || /~[^01]|~$/.test(pointer)) return null;
  return pointer.slice(1).split('/');
}

const INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * Whether `path` (a pointer into content) is `pattern` or lies below it; a `*` segment of the pattern matches any
 * array index.
 */
export function isAtOrBelow(path: string, pattern: string): boolean {
  const at = segmentsOf(path);
  const under = segmentsOf(pattern);
  if (!at || !under || under.length > at.length) return false;
  return under.every((segment, i) => segment === at[i] || (segment === '*' && INDEX.test(at[i])));
}

/** Document order: segment by segment, array indexes as numbers, a parent before its children. */
export function comparePointers(a: string, b: string): number {
  const left = a.split('/');
  const right = b.split('/');
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] === right[i]) continue;
    // Indexes compare as numbers: the shorter one is smaller, equal lengths compare as text.
    const indexes = INDEX.test(left[i]) && INDEX.test(right[i]);
    if (indexes && left[i].length !== right[i].length) return left[i].length - right[i].length;
    return left[i] < right[i] ? -1 : 1;
  }
  return left.length - right.length;
}
