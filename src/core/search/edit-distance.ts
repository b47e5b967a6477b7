/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transpositions), capped: returns `max + 1` as soon
 * as the distance must exceed `max`, so checking a candidate stays cheap.
 *
 * @example
 * editDistance('vicitms', 'victims') // 1
 */
export function editDistance(a: string, b: string, max = 3): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = a.length;
  const n = b.length;
  // three rows, reused between calls
  if (rows.length < 3 * (n + 1)) rows = new Int32Array(3 * (n + 1) * 2);
  let prev2 = 0;
  let prev = n + 1;
  let cur = 2 * (n + 1);
  for (let j = 0; j <= n; j++) {
    rows[prev2 + j] = 0;
    rows[prev + j] = j;
  }
  for (let i = 1; i <= m; i++) {
    rows[cur] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= n; j++) {
      const bj = b.charCodeAt(j - 1);
      const cost = ai === bj ? 0 : 1;
      let v = Math.min(
        (rows[prev + j] as number) + 1,
        (rows[cur + j - 1] as number) + 1,
        (rows[prev + j - 1] as number) + cost,
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj)
        v = Math.min(v, (rows[prev2 + j - 2] as number) + 1);
      rows[cur + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return rows[prev + n] as number;
}

let rows = new Int32Array(3 * 64);

/**
 * True when both strings hold the same digits in the same order: a name's number is typed as read, so "gamma-0043"
 * is another name than "gamma-0042", never a slip of it.
 */
export function sameDigits(a: string, b: string): boolean {
  return a.replace(/\D/g, '') === b.replace(/\D/g, '');
}
