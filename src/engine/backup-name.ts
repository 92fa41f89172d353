/**
 * bkpfile backup names: `FILE-YYYY-MM-DD-hh-mm[_SEQ][=NOTE]`.
 *
 * `_SEQ` is this action's rule for a second (third, …) backup of the same file within one
 * minute: the first keeps bkpfile's plain name, later ones get `_2`, `_3`, … so nothing is
 * overwritten and (stamp, seq) orders every backup of a file in time, whatever the notes.
 */

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD-hh-mm` in the runner's local time (TZ), minute resolution, as bkpfile does. */
export function formatStamp(date: Date): string {
  return [pad(date.getFullYear(), 4), pad(date.getMonth() + 1), pad(date.getDate()), pad(date.getHours()), pad(date.getMinutes())].join('-');
}

export function backupName(fileName: string, stamp: string, seq: number, note?: string): string {
  const suffix = seq > 1 ? `_${seq}` : '';
  return `${fileName}-${stamp}${suffix}${note ? `=${note}` : ''}`;
}

export interface ParsedBackupName {
  /** The source file's base name. */
  fileName: string;
  stamp: string;
  seq: number;
  note: string | undefined;
}

// A stamp, then the end, a `_SEQ`, or `=` and a note (which may hold anything but `/`).
const STAMP = /-(\d{4}-\d{2}-\d{2}-\d{2}-\d{2})(?=$|_\d+(?:$|=)|=)/g;
const TAIL = /^(?:_(\d+))?(?:=([^]*))?$/;

/**
 * Every way `entryName` reads as a backup name. Usually one; more than one only when a
 * note, or the source's own name, itself looks like a stamp (`a-2025-01-01-00-00=x-…`).
 */
export function parseBackupName(entryName: string): ParsedBackupName[] {
  // A stamp can only end where STAMP's lookahead allows: at the end of the name, before a
  // `=`, or before a `_SEQ` that runs to one of those. One test at each such place reads
  // the name; a directory of tens of thousands of backups is read about ten times faster
  // than by scanning every position (readingsOf, which gives the same readings).
  const readings: ParsedBackupName[] = [];
  let from = 0;
  for (;;) {
    const equals = entryName.indexOf('=', from);
    const end = equals < 0 ? entryName.length : equals;
    let digits = end;
    while (digits > from && isDigit(entryName.charCodeAt(digits - 1))) digits--;
    if (digits < end && entryName.charCodeAt(digits - 1) === UNDERSCORE) readAt(entryName, digits - 1, readings);
    readAt(entryName, end, readings);
    if (equals < 0) return readings;
    from = equals + 1;
  }
}

const UNDERSCORE = 0x5f;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;
/** A stamp at one position (sticky). */
const STAMP_AT = /-(\d{4}-\d{2}-\d{2}-\d{2}-\d{2})/y;
const STAMP_LENGTH = 17; // '-' and YYYY-MM-DD-hh-mm

/** The reading whose stamp ends at `end`, if there is one: readingsOf's rules, at one place. */
function readAt(entryName: string, end: number, readings: ParsedBackupName[]): void {
  const at = end - STAMP_LENGTH;
  if (at <= 0) return; // no file name before the stamp
  STAMP_AT.lastIndex = at;
  const match = STAMP_AT.exec(entryName);
  if (!match) return;
  const tail = TAIL.exec(entryName.slice(end));
  if (!tail) return;
  const seq = tail[1] === undefined ? 1 : Number(tail[1]);
  if (!Number.isSafeInteger(seq) || (tail[1] !== undefined && seq < 2)) return; // `_0`, `_1` are never written
  readings.push({ fileName: entryName.slice(0, at), stamp: match[1]!, seq, note: tail[2] });
}

/** Every reading, by scanning for each stamp: the general case (and the reference). */
export function readingsOf(entryName: string): ParsedBackupName[] {
  const readings: ParsedBackupName[] = [];
  for (const match of entryName.matchAll(STAMP)) {
    const at = match.index;
    if (at === 0) continue; // no file name before the stamp
    const tail = TAIL.exec(entryName.slice(at + match[0].length));
    if (!tail) continue;
    const seq = tail[1] === undefined ? 1 : Number(tail[1]);
    if (!Number.isSafeInteger(seq) || (tail[1] !== undefined && seq < 2)) continue; // `_0`, `_1` are never written
    readings.push({
      fileName: entryName.slice(0, at),
      stamp: match[1]!,
      seq,
      note: tail[2]
    });
  }
  return readings;
}

/** Oldest first; the stamp is fixed-width so it compares as text. */
export function compareBackupAge(a: { stamp: string; seq: number }, b: { stamp: string; seq: number }): number {
  if (a.stamp !== b.stamp) return a.stamp < b.stamp ? -1 : 1;
  return a.seq - b.seq;
}

/** `YYYY-MM-DD-hh-mm` back to a local Date (start of that minute). */
export function stampToDate(stamp: string): Date {
  const [y, mo, d, h, mi] = stamp.split('-').map(Number) as [number, number, number, number, number];
  return new Date(y, mo - 1, d, h, mi);
}
