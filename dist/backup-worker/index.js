/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 12:
/***/ ((__unused_webpack___webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

"use strict";

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = require("node:worker_threads");
;// CONCATENATED MODULE: ./build/engine/status.js
/** What happened to one matched file. */
const status_BackupStatus = {
    Created: 'created',
    Identical: 'identical',
    WouldCreate: 'would-create',
    InvalidFileType: 'invalid-file-type',
    PermissionDenied: 'permission-denied',
    DiskFull: 'disk-full',
    OutsideWorkspace: 'outside-workspace',
    /** A path the walk found that vanished before it could be read. */
    NotFound: 'not-found',
    /** The file changed while it was copied, every time it was tried: no backup was kept. */
    KeptChanging: 'kept-changing',
    Cancelled: 'cancelled',
    Timeout: 'timeout',
    Error: 'error'
};
/** The messages the engines give the files a stop left: the log counts these instead of listing them. */
const status_StopMessage = {
    /** Under way, or next in line, when the run was stopped. */
    Unfinished: 'stopped before it finished',
    NotStarted: 'not started: the run was stopped'
};
/** Statuses that count as success: the file is safely backed up, or would be. */
const SUCCESS = new Set([status_BackupStatus.Created, status_BackupStatus.Identical, status_BackupStatus.WouldCreate]);
function isFailure(status) {
    return !SUCCESS.has(status);
}

;// CONCATENATED MODULE: ./build/engine/abort.js

/**
 * How the engines stop: one AbortSignal, aborted with a reason that says why (a timeout
 * or a cancellation), and the helpers that wait on work with it.
 */
/** The reason an AbortController was aborted with: a timeout or a cancellation. */
class AbortReason extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'AbortReason';
    }
}
function abort_abortStatus(signal) {
    const reason = signal.reason;
    return reason instanceof AbortReason ? reason.status : status_BackupStatus.Cancelled;
}
/**
 * Waits for `work`, or until `graceMs` after the signal aborts (how long workers get to
 * notice before a run reports them stopped), whichever comes first. Leaves no timer and
 * no listener behind either way.
 */
async function abort_untilDoneOrGraceAfterAbort(work, signal, graceMs) {
    let timer;
    let onAbort;
    const grace = new Promise(resolve => {
        onAbort = () => {
            timer = setTimeout(resolve, graceMs);
        };
        if (signal.aborted)
            onAbort();
        else
            signal.addEventListener('abort', onAbort, { once: true });
    });
    try {
        await Promise.race([work, grace]);
    }
    finally {
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
    }
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
var external_node_path_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_node_path_namespaceObject, 2);
;// CONCATENATED MODULE: ./build/action/constants.js
/** Input names, exactly as in action.yml. */
const Inputs = {
    Path: 'path',
    BackupDir: 'backup-dir',
    Note: 'note',
    DryRun: 'dry-run',
    Timeout: 'timeout',
    IfNoFilesFound: 'if-no-files-found',
    FollowSymbolicLinks: 'follow-symbolic-links',
    AllowOutsideWorkspace: 'allow-outside-workspace',
    Keep: 'keep',
    Config: 'config'
};
/** Inputs of the restore action (restore/action.yml) beyond the shared ones above. */
const RestoreInputs = {
    Before: 'before',
    Manifest: 'manifest'
};
/** Output names, exactly as in action.yml. */
const Outputs = {
    BackupDir: 'backup-dir',
    Created: 'created',
    Identical: 'identical',
    Failed: 'failed',
    Backups: 'backups',
    BackupsTruncated: 'backups-truncated',
    Manifest: 'manifest'
};
/** Outputs of the restore action (restore/action.yml). */
const RestoreOutputs = {
    Restored: 'restored',
    Identical: 'identical',
    Failed: 'failed',
    Files: 'files',
    FilesTruncated: 'files-truncated'
};
/** Outputs of the list action (list/action.yml). */
const ListOutputs = {
    BackupDir: 'backup-dir',
    Count: 'count',
    Text: 'text',
    Backups: 'backups',
    BackupsTruncated: 'backups-truncated'
};
/** Values the main step hands to the post step (see state-helper.ts). */
const State = {
    StagingDir: 'staging-dir',
    ExtraStagingDirs: 'extra-staging-dirs',
    RunId: 'run-id',
    Token: 'token',
    ManifestTemp: 'manifest-temp',
    RestoreJournal: 'restore-journal'
};
const DEFAULT_BACKUP_DIR = '.bkpfile';
const DEFAULT_CONFIG = '.bkpfile.yml';
const IF_NO_FILES_FOUND = (/* unused pure expression or super */ null && (['warn', 'error', 'ignore']));

;// CONCATENATED MODULE: ./build/engine/backup-name.js
/**
 * bkpfile backup names: `FILE-YYYY-MM-DD-hh-mm[_SEQ][=NOTE]`.
 *
 * `_SEQ` is this action's rule for a second (third, \u2026) backup of the same file within one
 * minute: the first keeps bkpfile's plain name, later ones get `_2`, `_3`, \u2026 so nothing is
 * overwritten and (stamp, seq) orders every backup of a file in time, whatever the notes.
 */
const pad = (n, width = 2) => String(n).padStart(width, '0');
/** `YYYY-MM-DD-hh-mm` in the runner's local time (TZ), minute resolution, as bkpfile does. */
function formatStamp(date) {
    return [pad(date.getFullYear(), 4), pad(date.getMonth() + 1), pad(date.getDate()), pad(date.getHours()), pad(date.getMinutes())].join('-');
}
function backupName(fileName, stamp, seq, note) {
    const suffix = seq > 1 ? `_${seq}` : '';
    return `${fileName}-${stamp}${suffix}${note ? `=${note}` : ''}`;
}
// A stamp, then the end, a `_SEQ`, or `=` and a note (which may hold anything but `/`).
const STAMP = /-(\d{4}-\d{2}-\d{2}-\d{2}-\d{2})(?=$|_\d+(?:$|=)|=)/g;
const TAIL = /^(?:_(\d+))?(?:=([^]*))?$/;
/**
 * Every way `entryName` reads as a backup name. Usually one; more than one only when a
 * note, or the source's own name, itself looks like a stamp (`a-2025-01-01-00-00=x-\u2026`).
 */
function parseBackupName(entryName) {
    // A stamp can only end where STAMP's lookahead allows: at the end of the name, before a
    // `=`, or before a `_SEQ` that runs to one of those. One test at each such place reads
    // the name; a directory of tens of thousands of backups is read about ten times faster
    // than by scanning every position (readingsOf, which gives the same readings).
    const readings = [];
    let from = 0;
    for (;;) {
        const equals = entryName.indexOf('=', from);
        const end = equals < 0 ? entryName.length : equals;
        let digits = end;
        while (digits > from && isDigit(entryName.charCodeAt(digits - 1)))
            digits--;
        if (digits < end && entryName.charCodeAt(digits - 1) === UNDERSCORE)
            readAt(entryName, digits - 1, readings);
        readAt(entryName, end, readings);
        if (equals < 0)
            return readings;
        from = equals + 1;
    }
}
const UNDERSCORE = 0x5f;
const isDigit = (code) => code >= 0x30 && code <= 0x39;
/** A stamp at one position (sticky). */
const STAMP_AT = /-(\d{4}-\d{2}-\d{2}-\d{2}-\d{2})/y;
const STAMP_LENGTH = 17; // '-' and YYYY-MM-DD-hh-mm
/** The reading whose stamp ends at `end`, if there is one: readingsOf's rules, at one place. */
function readAt(entryName, end, readings) {
    const at = end - STAMP_LENGTH;
    if (at <= 0)
        return; // no file name before the stamp
    STAMP_AT.lastIndex = at;
    const match = STAMP_AT.exec(entryName);
    if (!match)
        return;
    const tail = TAIL.exec(entryName.slice(end));
    if (!tail)
        return;
    const seq = tail[1] === undefined ? 1 : Number(tail[1]);
    if (!Number.isSafeInteger(seq) || (tail[1] !== undefined && seq < 2))
        return; // `_0`, `_1` are never written
    readings.push({ fileName: entryName.slice(0, at), stamp: match[1], seq, note: tail[2] });
}
/** Every reading, by scanning for each stamp: the general case (and the reference). */
function readingsOf(entryName) {
    const readings = [];
    for (const match of entryName.matchAll(STAMP)) {
        const at = match.index;
        if (at === 0)
            continue; // no file name before the stamp
        const tail = TAIL.exec(entryName.slice(at + match[0].length));
        if (!tail)
            continue;
        const seq = tail[1] === undefined ? 1 : Number(tail[1]);
        if (!Number.isSafeInteger(seq) || (tail[1] !== undefined && seq < 2))
            continue; // `_0`, `_1` are never written
        readings.push({
            fileName: entryName.slice(0, at),
            stamp: match[1],
            seq,
            note: tail[2]
        });
    }
    return readings;
}
/** Oldest first; the stamp is fixed-width so it compares as text. */
function compareBackupAge(a, b) {
    if (a.stamp !== b.stamp)
        return a.stamp < b.stamp ? -1 : 1;
    return a.seq - b.seq;
}
/** `YYYY-MM-DD-hh-mm` back to a local Date (start of that minute). */
function stampToDate(stamp) {
    const [y, mo, d, h, mi] = stamp.split('-').map(Number);
    return new Date(y, mo - 1, d, h, mi);
}

;// CONCATENATED MODULE: ./build/engine/fs-errors.js


function fs_errors_errnoCode(err) {
    if (typeof err === 'object' && err !== null && 'code' in err) {
        const code = err.code;
        if (typeof code === 'string')
            return code;
    }
    return undefined;
}
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT', 'EFBIG']);
const PERMISSION = new Set(['EACCES', 'EPERM', 'EROFS']);
/** Maps a failure while backing up (or restoring) one file to the status the SPEC names for it. */
function statusForError(err, signal) {
    if (signal?.aborted)
        return abort_abortStatus(signal);
    if (err instanceof AbortReason)
        return err.status;
    const code = fs_errors_errnoCode(err);
    if (code && DISK_FULL.has(code))
        return status_BackupStatus.DiskFull;
    if (code && PERMISSION.has(code))
        return status_BackupStatus.PermissionDenied;
    return status_BackupStatus.Error;
}
function fs_errors_errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}

;// CONCATENATED MODULE: ./build/engine/backup-index.js




/** The backups in one directory of the backup tree, from a single `readdir`. */
class DirectoryBackups {
    dir;
    exists;
    byFile = new Map();
    constructor(dir, 
    /** False when the directory does not exist yet. */
    exists) {
        this.dir = dir;
        this.exists = exists;
    }
    static fromNames(dir, exists, names) {
        const backups = new DirectoryBackups(dir, exists);
        // path.join(dir, name) for an entry name (never '.', '..' or holding a separator), with
        // dir normalized once rather than once per entry.
        const prefix = external_node_path_namespaceObject.join(dir, external_node_path_namespaceObject.sep);
        for (const name of names)
            backups.addName(name, prefix + name);
        return backups;
    }
    /**
     * The entry `name` (at `file`), under every file name it reads as a backup of, as a read
     * of the directory gives it: a backup this run makes is added the same way, so what is
     * held never differs from what the disk would say.
     */
    addName(name, file) {
        // No file is called `.` or `..`: an entry that would be a backup of one (put there by
        // hand) is nobody's, and its name must never be joined to a folder as a file's.
        const readings = parseBackupName(name).filter(r => r.fileName !== '.' && r.fileName !== '..');
        const ambiguous = readings.length > 1;
        for (const { fileName, stamp, seq, note } of readings)
            this.add({ path: file, fileName, stamp, seq, note, ambiguous });
    }
    /**
     * A backup this run has just made, `backupName(fileName, stamp, seq, note)` at `file`, as
     * addName would add it. Without a note and with no `=` in the file name, a stamp can end
     * only at the name's end (or before its `_SEQ`), so the name reads as this backup alone
     * and is not read again: in a first backup of 20,000 small files, those reads (regular
     * expressions and the readings they made) allocated 20 of the 151 MB the two threads
     * allocated, and took about 1% of their CPU time in profiles. Any other name is read as
     * a directory's entry is.
     */
    addMade(file, fileName, stamp, seq, note) {
        if (!note && !fileName.includes('=') && fileName !== '.' && fileName !== '..') {
            this.add({ path: file, fileName, stamp, seq, note: undefined, ambiguous: false });
        }
        else {
            this.addName(backupName(fileName, stamp, seq, note), file);
        }
    }
    add(entry) {
        const list = this.byFile.get(entry.fileName);
        if (list)
            list.push(entry);
        else
            this.byFile.set(entry.fileName, [entry]);
    }
    remove(entry) {
        const list = this.byFile.get(entry.fileName);
        const at = list?.indexOf(entry) ?? -1;
        if (list && at >= 0)
            list.splice(at, 1);
    }
    /**
     * The file names these are backups of. A name that reads as a backup of two file names
     * counts for one: a file name with other, unambiguous backups if there is one, else the
     * shorter (a note is more likely to hold a date than a file name is).
     */
    fileNames() {
        const names = new Set();
        const ambiguous = new Map();
        for (const [fileName, entries] of this.byFile) {
            for (const entry of entries) {
                if (!entry.ambiguous)
                    names.add(fileName);
                else
                    ambiguous.set(entry.path, [...(ambiguous.get(entry.path) ?? []), fileName]);
            }
        }
        for (const readings of ambiguous.values()) {
            if (!readings.some(name => names.has(name)))
                names.add(readings.reduce((a, b) => (b.length < a.length ? b : a)));
        }
        return [...names].sort();
    }
    /** Backups of `fileName`, newest first. */
    backupsOf(fileName) {
        return [...(this.byFile.get(fileName) ?? [])].sort((a, b) => compareBackupAge(b, a));
    }
    /**
     * The newest backup of `fileName`. A name that also reads as a backup of another file
     * (a source named like `app.yml-2099-12-31-23-59=x`) is used only when there is no other.
     */
    latestBackup(fileName) {
        let latest;
        for (const entry of this.byFile.get(fileName) ?? []) {
            if (!latest || (latest.ambiguous && !entry.ambiguous) || (latest.ambiguous === entry.ambiguous && compareBackupAge(entry, latest) > 0)) {
                latest = entry;
            }
        }
        return latest;
    }
    /** The next free sequence number for `fileName` at `stamp` (1 when the minute is unused). */
    nextSeq(fileName, stamp) {
        let seq = 0;
        for (const entry of this.byFile.get(fileName) ?? []) {
            if (entry.stamp === stamp && entry.seq > seq)
                seq = entry.seq;
        }
        return seq + 1;
    }
}
/**
 * Reads each backup directory once, however many files it serves, so cost grows with
 * files and backups, never with files \u00d7 backups.
 */
class BackupIndex {
    dirs = new Map();
    /** The backups in `dir`, read with one synchronous readdir the first time it is asked for. */
    forDirectory(dir) {
        let backups = this.dirs.get(dir);
        if (!backups) {
            backups = readBackupDirectory(dir);
            this.dirs.set(dir, backups);
        }
        return backups;
    }
    /** Lets the backups read for `dir` go (read again, should it be asked for again). */
    release(dir) {
        this.dirs.delete(dir);
    }
}
function readBackupDirectory(dir) {
    // On a first backup no mirror directory exists yet: found out without an exception, whose
    // making costs more than this lstat (the readdir below still decides for the others).
    let stat = null;
    try {
        stat = (0,external_node_fs_namespaceObject.lstatSync)(dir, { throwIfNoEntry: false });
    }
    catch {
        // ENOTDIR and the rest: the readdir below decides, as it always did
    }
    if (stat === undefined)
        return new DirectoryBackups(dir, false);
    try {
        const entries = (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true });
        return DirectoryBackups.fromNames(dir, true, entries.filter(e => e.isFile()).map(e => e.name));
    }
    catch (err) {
        const code = fs_errors_errnoCode(err);
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return new DirectoryBackups(dir, false);
        throw err;
    }
}

;// CONCATENATED MODULE: ./build/engine/compare.js

const CHUNK = 1024 * 1024;
/**
 * Large files (sameContent) are compared 4 MiB at a time. In the action, an identical re-run
 * of a 1 GiB file on tmpfs took 474-528 ms with 1 MiB reads, 401-443 ms with 4 MiB and
 * 381-417 ms with 8 MiB (`cmp`: 442-479 ms); 4 MiB keeps most of that for half the memory
 * of 8 (two buffers per file being compared, per thread), and a read in flight when the
 * step is cancelled is over sooner.
 */
const COMPARE_CHUNK = 4 * 1024 * 1024;
/**
 * True when the two files hold the same bytes. The caller has already compared sizes;
 * this streams both in chunks (never a whole file in memory) and observes `signal`
 * between chunks.
 */
async function sameContent(a, b, size, signal) {
    signal.throwIfAborted();
    const fa = await external_node_fs_namespaceObject.promises.open(a, 'r');
    try {
        const fb = await external_node_fs_namespaceObject.promises.open(b, 'r');
        try {
            const length = Math.max(1, Math.min(COMPARE_CHUNK, size));
            const bufA = Buffer.allocUnsafe(length);
            const bufB = Buffer.allocUnsafe(length);
            for (let position = 0;;) {
                signal.throwIfAborted();
                const [ra, rb] = await Promise.all([fa.read(bufA, 0, length, position), fb.read(bufB, 0, length, position)]);
                if (ra.bytesRead !== rb.bytesRead)
                    return false;
                if (ra.bytesRead === 0)
                    return true;
                if (bufA.compare(bufB, 0, rb.bytesRead, 0, ra.bytesRead) !== 0)
                    return false;
                position += ra.bytesRead;
            }
        }
        finally {
            await fb.close();
        }
    }
    finally {
        await fa.close();
    }
}
/** Shared by the synchronous compares: one file at a time on this thread. */
const syncBuffers = { a: Buffer.allocUnsafe(CHUNK), b: Buffer.allocUnsafe(CHUNK) };
/** O_NONBLOCK: should a FIFO be swapped in for a backup, opening it cannot hang. */
const OTHER_FLAGS = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
/**
 * `sameContent` for small files, with synchronous reads on this thread: whether the file
 * `other` holds the `size` bytes of the open `fd` (read at explicit positions, so its
 * offset is not moved). `other` is opened without waiting (a FIFO of size 0 that holds an
 * empty file's backup name would otherwise block the open for ever) and its size is taken
 * from the open file before any byte is read: not a regular file, or another size, means
 * different. A file that cannot be opened but can be stat'ed (no read permission) still
 * differs by its size alone, as when its size was looked at before opening it.
 */
function sameSizeAndContentSync(fd, size, other) {
    let fb;
    try {
        fb = (0,external_node_fs_namespaceObject.openSync)(other, OTHER_FLAGS);
    }
    catch (err) {
        if ((0,external_node_fs_namespaceObject.statSync)(other).size !== size)
            return false;
        throw err;
    }
    try {
        const stat = (0,external_node_fs_namespaceObject.fstatSync)(fb);
        if (!stat.isFile() || stat.size !== size)
            return false;
        return sameOpenContentSync(fd, fb, size);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fb);
    }
}
/** Whether two files already open, both `size` bytes by stat, hold the same bytes. */
function sameOpenContentSync(fd, fb, size) {
    const { a, b } = syncBuffers;
    // Both are `size` bytes by stat: read that much (no extra read to find the end).
    for (let position = 0; position < size;) {
        const want = Math.min(CHUNK, size - position);
        const ra = (0,external_node_fs_namespaceObject.readSync)(fd, a, 0, want, position);
        const rb = (0,external_node_fs_namespaceObject.readSync)(fb, b, 0, want, position);
        if (ra !== rb)
            return false;
        if (ra === 0)
            return false; // shorter than its stat said: not the same as far as we can tell
        if (a.compare(b, 0, rb, 0, ra) !== 0)
            return false;
        position += ra;
    }
    return true;
}

;// CONCATENATED MODULE: ./build/engine/paths.js


/**
 * The part of the backup directory where files outside the workspace are mirrored under
 * their absolute path. No workspace file maps here (a workspace folder of this name at the
 * top is refused, see `isReservedSource`), so a workspace file `etc/app.conf` and the
 * system's `/etc/app.conf` never share backups, identical checks or retention.
 */
const OUTSIDE_DIR = '.bkpfile-outside';
const DOT_DOT = /(^|[\\/])\.\.([\\/]|$)/;
/**
 * path.join(dir, name) where `dir` is already normalized (made by path.join or
 * path.resolve, or a real path; not a search path of @actions/glob, which need not be)
 * and `name` is one directory entry: no separator, never '' or '.' or '..'. Without join's
 * pass over the whole path: the walk and the copy of every file join names, and join's pass
 * made a fifth of what the main thread allocated per file.
 *
 * Made by Array#join, which writes one flat string. A `+` keeps the result as a pair of its
 * parts (a cons string) until something reads its characters, as every system call on the
 * path does; then V8 makes a flat copy and keeps the pair too. Node's heap after a full GC,
 * 100,000 paths of 70 characters held in a list: 96-100 bytes each when joined so, 46-53
 * when concatenated but 131-132 once each had been passed to a system call (Node 20, 24). In
 * the step, where the walk's list of paths is read again by the engine, the dry run of
 * 100,000 files: its heap after the full GC during the walk 12.5-13.6 MB instead of 15.1-15.5.
 */
function joinName(dir, name) {
    return dir.endsWith(external_node_path_namespaceObject.sep) ? [dir, name].join('') : [dir, name].join(external_node_path_namespaceObject.sep);
}
/**
 * `text` starts with `prefix`. String#startsWith took about twice as long (100,000 paths of
 * 70 characters against a 49-character workspace: 11.5-14.7 ms, this 5.8-8.8, Node 24 and
 * 20), and displayPath and isInside run once or twice per file.
 */
function hasPrefix(text, prefix) {
    return text.lastIndexOf(prefix, 0) === 0;
}
/** Whether `p` has a `..` segment, which normalizing would remove; most paths have no `..` at all. */
function hasDotDot(p) {
    return p.includes('..') && DOT_DOT.test(p);
}
/**
 * True when `file` is an entry of the folder `dir` (both normalized, POSIX): what
 * path.dirname(file) === dir says, without making a new string for every file (and its hash,
 * when it is looked up in a map).
 */
function isDirectlyIn(dir, file) {
    return (external_node_path_namespaceObject.sep === '/' &&
        file.length > dir.length + 1 &&
        file.charCodeAt(dir.length) === 0x2f &&
        dir.charCodeAt(dir.length - 1) !== 0x2f &&
        file.indexOf('/', dir.length + 1) === -1 &&
        hasPrefix(file, dir));
}
/** path.basename of a normalized path (no separator at its end). */
function fileNameOf(file) {
    return external_node_path_namespaceObject.sep === '/' ? file.slice(file.lastIndexOf('/') + 1) : external_node_path_namespaceObject.basename(file);
}
/** True when `child` is `parent` or lies below it (both absolute and normalized). */
function isInside(parent, child, p = external_node_path_namespaceObject_0) {
    // Without path.relative() (a hot path: once or twice per file) where plain text decides:
    // POSIX, and no `..` segment that normalizing would remove.
    if (p.sep === '/' && external_node_path_namespaceObject.sep === '/' && !hasDotDot(child) && !hasDotDot(parent)) {
        if (child === parent)
            return true;
        // The `/` that ends `parent` in `child`, or follows it there.
        const slash = parent.endsWith('/') ? parent.length - 1 : parent.length;
        return child.charCodeAt(slash) === 0x2f && hasPrefix(child, parent);
    }
    const rel = p.relative(parent, child);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${p.sep}`) && !p.isAbsolute(rel));
}
/**
 * Where the backups of `source` live: its directory relative to the workspace, below
 * `backupDir`; a file outside the workspace under its absolute path below `OUTSIDE_DIR`.
 */
function mirrorDir(backupDir, workspace, source, p = external_node_path_namespaceObject_0) {
    const dir = p.dirname(source);
    if (isInside(workspace, dir, p))
        return p.join(backupDir, p.relative(workspace, dir));
    const { root } = p.parse(dir);
    // `/etc/nginx` -> `<backup-dir>/.bkpfile-outside/etc/nginx`; `C:\x` -> `\u2026\C\x`;
    // `\\server\share\x` -> `\u2026\server\share\x`.
    const drive = root
        .split(/[\\/]+/)
        .map(part => part.replace(/:$/, ''))
        .filter(Boolean);
    return p.join(backupDir, OUTSIDE_DIR, ...drive, dir.slice(root.length));
}
/**
 * The inverse of `mirrorDir`: the directory whose files have their backups in `dir` (a
 * directory inside `backupDir`). `OUTSIDE_DIR` itself holds the backups of files in `/`;
 * on Windows, where every path outside has a drive or a share, no one's (undefined).
 */
function sourceDirOf(backupDir, workspace, dir, p = path) {
    const rel = p.relative(backupDir, dir);
    if (rel !== '' && (rel === '..' || rel.startsWith(`..${p.sep}`) || p.isAbsolute(rel)))
        return undefined;
    const parts = rel === '' ? [] : rel.split(p.sep);
    if (parts[0] !== OUTSIDE_DIR)
        return p.join(workspace, ...parts);
    const rest = parts.slice(1);
    if (p.sep === '/')
        return `/${rest.join('/')}`;
    if (rest.length === 0)
        return undefined;
    // Windows: a drive letter, else a UNC server and share.
    if (/^[A-Za-z]$/.test(rest[0]))
        return p.join(`${rest[0]}:\\`, ...rest.slice(1));
    if (rest.length < 2)
        return undefined;
    return p.join(`\\\\${rest[0]}\\${rest[1]}\\`, ...rest.slice(2));
}
/** A workspace file whose backups would land in the outside-the-workspace area: refused. */
function isReservedSource(workspace, source, p = external_node_path_namespaceObject_0) {
    if (!source.includes(OUTSIDE_DIR))
        return false;
    if (!isInside(workspace, source, p))
        return false;
    return p.relative(workspace, source).split(p.sep)[0] === OUTSIDE_DIR;
}
/**
 * Removes `dir` and then its parents up to `top` (a directory this run created, at or above
 * it) while they are empty; stops at the first that is not (rmdir never removes content).
 */
function paths_removeEmptyDirs(dir, top) {
    for (let d = dir; isInside(top, d); d = external_node_path_namespaceObject.dirname(d)) {
        try {
            (0,external_node_fs_namespaceObject.rmdirSync)(d);
        }
        catch {
            return;
        }
        if (d === top)
            return;
    }
}
/** How a path is shown in outputs: relative to the workspace when inside it. */
function displayPath(workspace, target) {
    if (path.sep === '/' && target.charCodeAt(workspace.length) === 0x2f && hasPrefix(target, workspace)) {
        const rest = target.slice(workspace.length + 1);
        if (!hasDotDot(rest))
            return rest;
    }
    if (!isInside(workspace, target))
        return target;
    return path.relative(workspace, target).split(path.sep).join('/') || '.';
}
/**
 * Whether the file system holding `dir` (or its nearest existing parent, where it would be
 * made) ignores case, as macOS and Windows file systems do by default: an entry is found
 * under its name with its letters' case swapped. Looked up inside that directory, among its
 * first entries (so a mount point is judged by its own file system, also before the backup
 * directory is made on it), else by the names above it in their parents. Only names whose
 * case swaps letter for letter (ASCII) are asked, and only answers that tell (the entry
 * read, the other name found or not there) count.
 */
function paths_ignoresCase(dir) {
    let at = external_node_path_namespaceObject.resolve(dir);
    while (!(0,external_node_fs_namespaceObject.existsSync)(at) && external_node_path_namespaceObject.dirname(at) !== at)
        at = external_node_path_namespaceObject.dirname(at);
    try {
        const entries = (0,external_node_fs_namespaceObject.opendirSync)(at);
        try {
            for (let n = 0, entry = entries.readSync(); entry !== null && n < PROBE_ENTRIES; n++, entry = entries.readSync()) {
                const answer = foundInOtherCase(at, entry.name);
                if (answer !== undefined)
                    return answer;
            }
        }
        finally {
            entries.closeSync();
        }
    }
    catch {
        // not a directory, or not readable: judge by the names above
    }
    for (;; at = external_node_path_namespaceObject.dirname(at)) {
        if (external_node_path_namespaceObject.dirname(at) === at)
            return false;
        const answer = foundInOtherCase(external_node_path_namespaceObject.dirname(at), external_node_path_namespaceObject.basename(at));
        if (answer !== undefined)
            return answer;
    }
}
/** Entries of a directory ignoresCase asks at most. */
const PROBE_ENTRIES = 64;
/**
 * Whether `name` in `dir` is found under its letters' case swapped: undefined when that
 * does not tell (no ASCII letter, or letters beyond ASCII whose case may not swap one for
 * one; the entry cannot be read or is gone).
 */
function foundInOtherCase(dir, name) {
    if (!/^[\x20-\x7e]*$/.test(name) || !/[A-Za-z]/.test(name))
        return undefined;
    const entry = (n) => (0,external_node_fs_namespaceObject.lstatSync)(external_node_path_namespaceObject.join(dir, n), { bigint: true, throwIfNoEntry: false });
    try {
        const one = entry(name);
        if (one === undefined)
            return undefined;
        const other = entry(swapCase(name));
        // Not there in the other case: unless the entry itself is gone meanwhile (a run removing
        // its staging directory beside this one), case counts. Inodes as bigints: as numbers,
        // those above 2^53 (NTFS) lose their last bits.
        if (other === undefined)
            return entry(name) === undefined ? undefined : false;
        return one.ino === other.ino && one.dev === other.dev;
    }
    catch {
        return undefined;
    }
}
/** Why a file is not backed up where the backup directory ignores case: another file of the run has its name in another case. */
function nameCaseClash(other) {
    return `its name differs only in case from ${other}, and the backup directory's file system ignores case: their backups would be one file there. Rename one of them, or use a backup-dir on a case-sensitive file system`;
}
/** As nameCaseClash, for a file in a folder whose path differs only in case from another folder of the run. */
function folderCaseClash(otherFolder) {
    return `its folder differs only in case from ${otherFolder}, and the backup directory's file system ignores case: the backups of both folders would be in one folder there. Rename one of them, or use a backup-dir on a case-sensitive file system`;
}
const swapCase = (name) => [...name].map(ch => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');

;// CONCATENATED MODULE: ./build/engine/kernel-copy.js

/**
 * Where `cat` may be, by absolute path (never looked up in PATH, which a workflow can
 * change); the first that is GNU cat 9.1 or later is used.
 */
const CAT_PATHS = ['/usr/bin/cat', '/bin/cat'];
/** Where util-linux's `setpriv` may be, by absolute path too. */
const SETPRIV_PATHS = ['/usr/bin/setpriv', '/bin/setpriv'];
let tool;
/**
 * The command (a program and its first arguments) that copies large files inside the
 * kernel, or undefined where there is none to use. Linux only, and GNU cat of coreutils 9.1
 * or later only: it copies a file to a file with copy_file_range, as `cp` does. Older GNU
 * cat (coreutils 8.32 on Ubuntu 22.04) and busybox's read and write through user space, as
 * the chunked copy does, so they would gain nothing. Run under parentDeathWrapper() where
 * that works. Found once per process, by running `\u2026 cat --version` (a few ms), when the
 * first large file is met.
 */
function kernelCopyTool() {
    if (tool === undefined)
        tool = process.platform === 'linux' ? findTool() : null;
    return tool ?? undefined;
}
/**
 * `setpriv --pdeathsig KILL --` (util-linux 2.33 and later; Ubuntu 22.04 has 2.37), by which
 * a program is sent SIGKILL when the thread that started it ends: a copy's child then ends
 * with the step, even when the step itself is killed with SIGKILL, rather than write on to
 * the end of its source into a temporary the post step has already removed. Empty where
 * there is no setpriv.
 */
function parentDeathWrapper() {
    const setpriv = SETPRIV_PATHS.find(file => (0,external_node_fs_namespaceObject.existsSync)(file));
    return setpriv === undefined ? [] : [setpriv, '--pdeathsig', 'KILL', '--'];
}
function findTool() {
    const wrapper = parentDeathWrapper();
    for (const cat of CAT_PATHS) {
        if (wrapper.length > 0) {
            // Ran: setpriv works, and the version says whether this cat will do. Did not run (a
            // setpriv without --pdeathsig, or no such cat): the cat alone is tried.
            const text = versionOf([...wrapper, cat]);
            if (text !== undefined) {
                if (isKernelCopyingCat(text))
                    return [...wrapper, cat];
                continue;
            }
        }
        const text = versionOf([cat]);
        if (text !== undefined && isKernelCopyingCat(text))
            return [cat];
    }
    return null;
}
/** Where util-linux's `fallocate` may be, by absolute path too. */
const FALLOCATE_PATHS = ['/usr/bin/fallocate', '/bin/fallocate'];
/** statfs's f_type of ext4 (and of ext2 and ext3, which share it). */
const EXT4_SUPER_MAGIC = 0xef53;
/** `fallocate`'s path, where it and /bin/sh (which runs it before the copy) are there; looked for once. */
let fallocate;
/**
 * The command that copies `size` bytes with `tool` into the file open for it in `dir`. On
 * ext4, with util-linux's `fallocate` there, it first reserves the copy's blocks (`fallocate
 * --keep-size`, through `/proc/self/fd/1`, so the file's size stays what the copy writes)
 * and then runs `tool`'s program in the same process, under `tool`'s wrapper: ext4 then
 * writes 1 GiB into blocks already allocated in about 230 ms, where the same copy_file_range
 * that allocates them as it goes, as `cp` does, takes about 290 ms. Elsewhere `tool`
 * itself: tmpfs gained nothing, and XFS and Btrfs share the source's blocks in
 * copy_file_range, which a reservation would only waste. Where the reservation fails (no
 * space for all of it, a file the child may not open again) the copy runs without it.
 */
async function kernelCopyCommand(tool, size, dir) {
    const command = typeof tool === 'string' ? [tool] : tool;
    fallocate ??= (0,external_node_fs_namespaceObject.existsSync)('/bin/sh') ? (FALLOCATE_PATHS.find(file => (0,external_node_fs_namespaceObject.existsSync)(file)) ?? null) : null;
    if (fallocate === null)
        return command;
    const type = await external_node_fs_namespaceObject.promises.statfs(dir).then(s => s.type, () => undefined);
    if (type !== EXT4_SUPER_MAGIC)
        return command;
    const script = '"$1" --keep-size --length "$2" /proc/self/fd/1; exec "$3"';
    return [...command.slice(0, -1), '/bin/sh', '-c', script, 'sh', fallocate, String(size), command.at(-1)];
}
/** `cat --version` of GNU coreutils 9.1 or later (9.1 was seen calling copy_file_range; 9.0 was not tried). */
function isKernelCopyingCat(versionText) {
    const version = /^cat \(GNU coreutils\) (\d+)\.(\d+)/.exec(versionText);
    if (version === null)
        return false;
    const [major, minor] = [Number(version[1]), Number(version[2])];
    return major > 9 || (major === 9 && minor >= 1);
}
/** What `<command> --version` prints, or undefined when it does not run and exit 0. */
function versionOf(command) {
    const { execFileSync } = process.getBuiltinModule('node:child_process');
    try {
        return execFileSync(command[0], [...command.slice(1), '--version'], {
            env: {},
            cwd: '/',
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
            timeout: 5000
        });
    }
    catch {
        return undefined; // not there, not runnable, or no such option (busybox, an old setpriv)
    }
}
/**
 * How long after its SIGKILL a child may take to exit before the copy rejects anyway. A
 * process in an uninterruptible wait (a hung network file system) dies only when the call
 * returns; it writes only through the descriptor it was given, never to a name, so it is
 * left to end alone rather than hold the step past its stop.
 */
const KILL_GRACE_MS = 500;
/**
 * Copies the open file `src`, from its offset, to the open file `dst`, from its offset, with
 * `tool` (a `cat`, or a command that runs one) as a child process whose standard input and
 * output are the two files.
 *
 * Why a child process: the kernel's copy (copy_file_range) takes a third less time than
 * reading and writing the bytes from Node, but Node offers it only as one copyFile call per
 * file, which cannot be stopped, and a process cannot exit while one is still running in
 * libuv's threads. A child process can be killed at any moment: on `signal`, the child is
 * sent SIGKILL, and the copy rejects with the signal's reason once it has exited (the
 * kernel stops a copy_file_range at a fatal signal, within a millisecond here), or after
 * KILL_GRACE_MS if it has not.
 *
 * True when the child exited with status 0 (the caller checks the copy's size). False when
 * it could not be started or did not succeed (a read or write error, disk full, killed by
 * someone else): the caller copies the file again itself, and so meets any error with its
 * errno, which the child's exit status does not carry.
 */
function copyWithChild(tool, src, dst, signal) {
    if (signal.aborted)
        return Promise.reject(signal.reason);
    const { spawn } = process.getBuiltinModule('node:child_process');
    const [file, ...args] = typeof tool === 'string' ? [tool] : tool;
    return new Promise((resolve, reject) => {
        let child;
        try {
            // In `/`: the main thread's working directory may be a source folder meanwhile (see FolderOpener).
            child = spawn(file, args, { stdio: [src, dst, 'ignore'], env: {}, cwd: '/' });
        }
        catch {
            resolve(false); // refused at once (EPERM, ENOMEM, ENOEXEC, \u2026): copied in chunks
            return;
        }
        let settled = false;
        let grace;
        const settle = (copied) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(grace);
            signal.removeEventListener('abort', kill);
            if (signal.aborted)
                reject(signal.reason);
            else
                resolve(copied);
        };
        const kill = () => {
            if (child.pid === undefined)
                return; // never started: its 'error' settles
            child.kill('SIGKILL');
            grace = setTimeout(() => {
                child.unref();
                settle(false);
            }, KILL_GRACE_MS);
        };
        signal.addEventListener('abort', kill, { once: true });
        // 'error' without a pid: the child never started. With one (a failed kill), the child
        // is still there until its 'exit'.
        child.once('error', () => {
            if (child.pid === undefined)
                settle(false);
        });
        child.once('exit', code => settle(code === 0));
    });
}

;// CONCATENATED MODULE: ./build/engine/copy-file.js





/**
 * Files up to this size are small: copied and compared with synchronous calls by the backup
 * and restore engines (copyOpenFileSync); larger ones by copyToTemp.
 */
const SMALL_FILE_MAX = 8 * 1024 * 1024;
const copy_file_CHUNK = 1024 * 1024;
/**
 * Files of at least this size (and not sparse) are handed to the kernel's copy in a child
 * process; below it, the chunks took as long.
 */
const CHILD_COPY_MIN = 256 * 1024 * 1024;
/**
 * Copies the large file `source` (over SMALL_FILE_MAX) to the new file `temp` with the
 * source's permission bits and times, stopping at `signal`: a copyFile cannot be
 * interrupted, and at exit libuv joins its threads, so one in-flight copy of a big file
 * would hold the process long after a cancel.
 *
 * A file of CHILD_COPY_MIN bytes or more is copied by the kernel in a child process where
 * there is one to use (see kernel-copy.ts); others, and any the child does not copy whole,
 * in chunks. A sparse file always goes in chunks, which keep its holes; the kernel's copy,
 * on most file systems, writes them out as zeros.
 */
async function copyToTemp(source, temp, stat, signal, 
/** The kernel copy's command instead of kernelCopyTool()'s (for tests). */
tool) {
    const mode = stat.mode & 0o7777;
    const child = stat.size >= CHILD_COPY_MIN && !isSparse(stat) ? (tool ?? kernelCopyTool()) : undefined;
    const src = await external_node_fs_namespaceObject.promises.open(source, 'r');
    try {
        // Owner only until the copy is whole (the chmod below gives the source's mode): so the
        // child may open it again to reserve its blocks, even when the source is read-only.
        const dst = await external_node_fs_namespaceObject.promises.open(temp, 'wx', 0o600);
        try {
            const command = child !== undefined ? await kernelCopyCommand(child, stat.size, external_node_path_namespaceObject.dirname(temp)) : undefined;
            // A child's copy counts when it exited with 0 and is as long as the source: a copy cut
            // short without an error (a file system whose copy_file_range stops early) is redone.
            const copied = command !== undefined && (await copyWithChild(command, src.fd, dst.fd, signal)) && (await copiedWhole(src, dst, stat.size));
            if (!copied) {
                if (child !== undefined)
                    await dst.truncate(0); // what the child wrote
                await copyInChunks(src, dst, stat, signal);
            }
            await dst.chmod(mode).catch(unlessModeRefused);
        }
        finally {
            await dst.close();
        }
    }
    finally {
        await src.close();
    }
    await external_node_fs_namespaceObject.promises.utimes(temp, stat.atimeMs / 1000, stat.mtimeMs / 1000);
}
/**
 * Whether the copy `dst` is as long as its source `src` now is. A copy shorter than the
 * `reserved` bytes (a source that shrank meanwhile) is truncated at its end, which gives
 * ext4 back the blocks reserved past it.
 */
async function copiedWhole(src, dst, reserved) {
    const [s, d] = await Promise.all([src.stat(), dst.stat()]);
    if (s.size !== d.size)
        return false;
    if (d.size < reserved)
        await dst.truncate(d.size);
    return true;
}
/**
 * Chunks copied at once by copyInChunks. Each is a read and then a write through libuv's
 * thread pool (four threads); with one chunk at a time a thread waits for the JavaScript
 * between them, and the copy of 1 GiB took twice as long as `cp` (copy_file_range).
 */
const LANES = 8;
/**
 * Copies the open file `src` into the open, empty file `dst`, LANES chunks at a time, by
 * position (the files' offsets are neither used nor moved). Exported for its tests.
 */
async function copyInChunks(src, dst, stat, signal) {
    const holes = isSparse(stat);
    // Each lane takes the next chunk's offset, reads it and writes it, until a read finds
    // the end. A file that changes meanwhile is caught by the caller's check afterwards.
    let next = 0;
    let end = Infinity; // the first offset a read found nothing at
    let length = 0; // the copy's length: the end of the furthest chunk written
    let failed = false;
    const lane = async () => {
        const buffer = Buffer.allocUnsafe(copy_file_CHUNK);
        while (!failed && next < end) {
            signal.throwIfAborted();
            const position = next;
            next += copy_file_CHUNK;
            const bytesRead = await readChunk(src, buffer, position);
            if (bytesRead === 0) {
                end = Math.min(end, position);
                return;
            }
            await (holes ? writeDataRuns(dst, buffer, bytesRead, position) : writeAll(dst, buffer, bytesRead, position));
            length = Math.max(length, position + bytesRead);
        }
    };
    const lanes = await Promise.allSettled(Array.from({ length: LANES }, () => lane().catch((err) => {
        failed = true; // the other lanes stop at their next chunk
        throw err;
    })));
    // Every lane has settled, so no read or write is pending when the files close.
    const failure = lanes.find(l => l.status === 'rejected');
    if (failure)
        throw failure.reason;
    if (holes)
        await dst.truncate(length); // a hole at the end has no write to make it
}
/**
 * Reads the chunk at `position` whole, or up to the file's end; the bytes read. A read may
 * come back short before the end (FUSE, network file systems), and the lane after this one
 * has already taken the next chunk: a short chunk would leave a gap in the copy.
 */
async function readChunk(file, buffer, position) {
    let filled = 0;
    while (filled < copy_file_CHUNK) {
        const { bytesRead } = await file.read(buffer, filled, copy_file_CHUNK - filled, position + filled);
        if (bytesRead === 0)
            break;
        filled += bytesRead;
    }
    return filled;
}
async function writeAll(file, buffer, length, position) {
    for (let offset = 0; offset < length;) {
        const { bytesWritten } = await file.write(buffer, offset, length - offset, position + offset);
        offset += bytesWritten;
    }
}
/**
 * A file with fewer blocks than its size has holes (a sparse disk image, a core dump): its
 * copy keeps them, as `cp` does, by not writing blocks that are all zeros. Only such files
 * pay for the check.
 */
function isSparse(stat) {
    return Number.isFinite(stat.blocks) && stat.blocks * 512 < stat.size;
}
const BLOCK = 4096;
const ZEROS = Buffer.alloc(BLOCK);
/** The runs of `buffer[0, length)` that are not all zeros, block by block, as [offset, length]. */
function dataRuns(buffer, length) {
    const runs = [];
    let start = -1;
    for (let offset = 0; offset < length; offset += BLOCK) {
        const end = Math.min(offset + BLOCK, length);
        const zero = ZEROS.compare(buffer, offset, end, 0, end - offset) === 0;
        if (!zero && start < 0)
            start = offset;
        else if (zero && start >= 0) {
            runs.push([start, offset - start]);
            start = -1;
        }
    }
    if (start >= 0)
        runs.push([start, length - start]);
    return runs;
}
async function writeDataRuns(file, buffer, length, position) {
    for (const [offset, runLength] of dataRuns(buffer, length)) {
        await writeAll(file, buffer.subarray(offset), runLength, position + offset);
    }
}
const syncBuffer = Buffer.allocUnsafe(copy_file_CHUNK);
/**
 * Copies the open file `fd` into the new file `temp` with synchronous calls on this thread,
 * for small files (at most SMALL_FILE_MAX): no round trip through libuv's thread pool per
 * call. Returns the bytes written.
 */
function copyOpenFileSync(fd, temp, stat) {
    const mode = stat.mode & 0o7777;
    const out = (0,external_node_fs_namespaceObject.openSync)(temp, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_EXCL, mode);
    try {
        const holes = isSparse(stat);
        // A file whose size and blocks say it holds data is read up to its size; one whose size
        // says 0, or that has no blocks (procfs, sysfs), is read until a read gives nothing. A
        // file that grows meanwhile is caught by the caller's check of its size afterwards.
        const knownSize = stat.size > 0 && stat.blocks > 0 ? stat.size : -1;
        let position = 0;
        while (position !== knownSize) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, syncBuffer, 0, copy_file_CHUNK, position);
            if (n === 0)
                break;
            if (holes) {
                for (const [start, length] of dataRuns(syncBuffer, n))
                    writeAllSync(out, syncBuffer, start, length, position);
            }
            else {
                writeAllSync(out, syncBuffer, 0, n, position);
            }
            position += n;
        }
        if (holes)
            (0,external_node_fs_namespaceObject.ftruncateSync)(out, position); // a hole at the end has no write to make it
        if (!createdWithMode(out, temp, mode)) {
            try {
                (0,external_node_fs_namespaceObject.fchmodSync)(out, mode);
            }
            catch (err) {
                unlessModeRefused(err);
            }
        }
        (0,external_node_fs_namespaceObject.futimesSync)(out, stat.atimeMs / 1000, stat.mtimeMs / 1000);
        return position;
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(out);
    }
}
/**
 * For a chmod of a file this run has just created: EPERM on one's own new file means the
 * file system cannot hold that mode (FAT and exFAT, whose modes come from the mount), and
 * the copy, whole, keeps the mode the file system gives rather than failing. Anything
 * else is rethrown.
 */
function unlessModeRefused(err) {
    if (fs_errors_errnoCode(err) !== 'EPERM')
        throw err;
}
function writeAllSync(out, buffer, start, length, position) {
    for (let offset = start; offset < start + length;)
        offset += (0,external_node_fs_namespaceObject.writeSync)(out, buffer, offset, start + length - offset, position + offset);
}
/**
 * By directory, the modes that open(O_CREAT, mode) is known to give exactly (true) or not
 * (false). The umask, a default ACL, or a set-group-ID bit the kernel drops can change what
 * open() gives, so each mode is checked once per directory with fstat, and then a file of
 * that mode needs no fchmod.
 */
const modesCreatedExactly = new Map();
/**
 * The directory looked up last, and its modes: a thread's temporaries all lie in one, so
 * most files need no path.dirname of their own, nor its hash.
 */
let lastLookedUp;
function createdWithMode(out, temp, mode) {
    // Writing clears set-user-ID and set-group-ID bits: a mode with them is always set again.
    if (mode & 0o7000)
        return false;
    let modes;
    if (lastLookedUp !== undefined && isDirectlyIn(lastLookedUp.dir, temp)) {
        modes = lastLookedUp.modes;
    }
    else {
        const dir = external_node_path_namespaceObject.dirname(temp);
        let known = modesCreatedExactly.get(dir);
        if (!known)
            modesCreatedExactly.set(dir, (known = new Map()));
        lastLookedUp = { dir, modes: known };
        modes = known;
    }
    let exact = modes.get(mode);
    if (exact === undefined) {
        exact = ((0,external_node_fs_namespaceObject.fstatSync)(out).mode & 0o7777) === mode;
        modes.set(mode, exact);
    }
    return exact;
}

;// CONCATENATED MODULE: ./build/engine/open-source.js

/** Where a process's open descriptors are paths (Linux). */
const PROC_FD = '/proc/self/fd';
let procFdWorks;
/** A file's or folder's path as read from its descriptor: an unlinked one reads as "<path> (deleted)". */
const DELETED = / \(deleted\)$/;
/** How a source is opened: read only, and O_NONBLOCK, so that a FIFO swapped in after the type check cannot hang the open. */
const SOURCE_FLAGS = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
function openSourceSync(source, followSymbolicLinks) {
    const flags = SOURCE_FLAGS | (followSymbolicLinks ? 0 : (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0));
    const fd = (0,external_node_fs_namespaceObject.openSync)(source, flags);
    try {
        const stat = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        const fdPath = `${PROC_FD}/${fd}`; // /proc exists only where the separator is /
        if (procFdWorks === undefined) {
            try {
                (0,external_node_fs_namespaceObject.readlinkSync)(fdPath);
                procFdWorks = true;
            }
            catch {
                procFdWorks = false;
            }
        }
        // An unlinked file reads as "<path> (deleted)": it was opened at <path>.
        if (procFdWorks)
            return { fd, stat, readPath: fdPath, realPath: () => (0,external_node_fs_namespaceObject.readlinkSync)(fdPath).replace(DELETED, '') };
        // Elsewhere: resolve the name, then prove it is still the file held open.
        return {
            fd,
            stat,
            readPath: source,
            realPath: () => {
                const real = (0,external_node_fs_namespaceObject.realpathSync)(source);
                const now = (0,external_node_fs_namespaceObject.statSync)(real);
                if (now.dev !== stat.dev || now.ino !== stat.ino)
                    throw Object.assign(new Error(`${source} changed while it was being backed up`), { code: 'ECHANGED' });
                return real;
            }
        };
    }
    catch (err) {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        throw err;
    }
}
/**
 * Which FolderOpener (its `id`) has moved the process's working directory into the folder it
 * holds, if one has: only one may at a time (see FolderOpener's `workingDirectory`).
 */
let workingDirectoryHolder;
let openers = 0;
/**
 * Opens regular files a folder at a time, each by its name in the folder held open, as
 * openat(2) does: `/proc/self/fd/D/NAME`, where D is the folder's descriptor, never following
 * a link in NAME. The folder's real path is read once, from D, rather than each file's from
 * its own descriptor. Measured on 20,000 files of 4 KiB on tmpfs: a readlink costs about
 * 4 \u00b5s, the open through /proc about 2 \u00b5s more than one by the path, and the backup took
 * 2-8% less time on two CPUs (three rounds of ten alternating pairs: 0.98\u00d7, 0.92\u00d7, 0.97\u00d7).
 *
 * A file is opened in the very folder whose real path was read. A folder swapped for a
 * symbolic link before it is opened is opened through the link, and its real path says where
 * it leads; one swapped after is not followed, and its files are read from the folder that
 * was opened. Unlike a file's own real path, read after its open, the folder's does not see
 * the folder moved elsewhere once it is held: its files are still read from it, the files
 * that were in it when its real path was checked.
 *
 * Where a folder cannot be opened (no read permission, only search) or /proc is missing, its
 * files are opened by their paths (openSourceSync). One folder is held at a time; `release`
 * lets it go.
 */
class FolderOpener {
    options;
    /** The folder last asked for: the part of a source before its last slash. */
    dir;
    /** Its descriptor, or -1 when it could not be opened. */
    fd = -1;
    /** Its real path, read from `fd`, with a slash after it. */
    realPrefix = '';
    /** The working directory the process had, held open while the folder held is the working directory. */
    home = -1;
    /** Its path, to go back by should going back by its descriptor fail. */
    homePath;
    /** Going back failed once: this opener never moves the working directory again (its "home" would be a source folder). */
    stayHome = false;
    id = ++openers;
    /**
     * `workingDirectory`: the folder held is also made the process's working directory (by
     * `chdir` to `/proc/self/fd/D`, which is the folder opened, whatever its path says now),
     * and each file is opened by its bare name, relative to it: an open that does not go
     * through /proc, about 2 \u00b5s less a file. Only where the working directory can be changed
     * (the main thread; a worker thread cannot), and only by one FolderOpener at a time (the
     * others use /proc). The working directory is the process's own again whenever no folder
     * is held (`release`) and whenever the caller is about to wait (`stepOut`), so that no
     * other code ever sees it moved: nothing else runs on the thread in between.
     */
    constructor(options = {}) {
        this.options = options;
    }
    /** A regular file, opened as openSourceSync(source, false) opens it. */
    openRegular(source) {
        const cut = source.lastIndexOf('/');
        // A relative source goes by its path, from the process's own working directory: its
        // folder would otherwise be opened in the folder held, not where the caller means.
        if (cut <= 0 || procFdWorks === false || source.charCodeAt(0) !== 0x2f) {
            this.stepOut();
            return openSourceSync(source, false);
        }
        const dir = source.slice(0, cut);
        if (dir !== this.dir)
            this.hold(dir);
        else if (this.fd >= 0 && this.home < 0)
            this.moveIn(this.fd); // stepped out since its last file
        if (this.fd < 0)
            return openSourceSync(source, false);
        const name = source.slice(cut + 1);
        const inFolder = this.home >= 0 ? name : `${PROC_FD}/${this.fd}/${name}`;
        let fd;
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(inFolder, SOURCE_FLAGS | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0));
        }
        catch (err) {
            throw namingSource(err, inFolder, source);
        }
        try {
            const real = this.realPrefix + name;
            return { fd, stat: (0,external_node_fs_namespaceObject.fstatSync)(fd), readPath: `${PROC_FD}/${fd}`, realPath: () => real };
        }
        catch (err) {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
            throw err;
        }
    }
    /** Lets go of the folder held, or only of `dir` when given and held. */
    release(dir) {
        if (dir !== undefined && dir !== this.dir)
            return;
        this.stepOut();
        this.letGo();
    }
    /** Closes the folder held; the working directory stays where it is (the next folder's hold moves it). */
    letGo() {
        if (this.fd >= 0)
            (0,external_node_fs_namespaceObject.closeSync)(this.fd);
        this.fd = -1;
        this.dir = undefined;
    }
    /** Makes the folder held (`fd`) the working directory, when this opener may. */
    moveIn(fd) {
        if (!this.options.workingDirectory || this.stayHome || (workingDirectoryHolder !== undefined && workingDirectoryHolder !== this.id))
            return;
        let home = this.home;
        try {
            if (home < 0) {
                this.homePath ??= process.cwd();
                home = (0,external_node_fs_namespaceObject.openSync)('.', external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_DIRECTORY ?? 0));
            }
            process.chdir(`${PROC_FD}/${fd}`);
        }
        catch {
            // It is not moved (a worker thread, a working directory that cannot be opened), or
            // moved back from the folder held before: the files are opened through /proc.
            if (home >= 0 && home !== this.home)
                (0,external_node_fs_namespaceObject.closeSync)(home);
            this.stepOut();
            return;
        }
        this.home = home;
        workingDirectoryHolder = this.id;
    }
    /**
     * Puts the process's working directory back where it was (the very directory), if this
     * opener moved it, and keeps the folder held: for a caller about to wait (for a timer, a
     * promise), while which other code runs. The folder's next file moves it again.
     */
    stepOut() {
        if (this.home < 0)
            return;
        let back = true;
        try {
            process.chdir(`${PROC_FD}/${this.home}`);
        }
        catch {
            // Refused (its permissions changed meanwhile): by its path, else the process stays in
            // the folder, where nothing of the step's looks (every path it uses is absolute).
            try {
                process.chdir(this.homePath);
            }
            catch {
                back = false;
            }
        }
        (0,external_node_fs_namespaceObject.closeSync)(this.home);
        this.home = -1;
        workingDirectoryHolder = undefined;
        if (!back)
            this.stayHome = true;
    }
    hold(dir) {
        this.letGo();
        this.dir = dir;
        let fd;
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(dir, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_DIRECTORY ?? 0));
        }
        catch {
            this.stepOut();
            return; // its files are opened by their paths, and fail there with their own reasons
        }
        try {
            const real = (0,external_node_fs_namespaceObject.readlinkSync)(`${PROC_FD}/${fd}`).replace(DELETED, '');
            procFdWorks = true;
            this.realPrefix = real.endsWith('/') ? real : `${real}/`;
            this.fd = fd;
        }
        catch {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
            procFdWorks = false;
            this.stepOut();
            return;
        }
        this.moveIn(fd);
    }
}
/** A failure to open `source` by its name in its folder, told with the source's path (not /proc's, nor the bare name). */
function namingSource(err, opened, source) {
    // Not `instanceof Error`: an error of Node's own may come from another realm (a test's VM).
    if (typeof err === 'object' && err !== null) {
        const e = err;
        // Node's message quotes the path: only that is replaced (a bare name may be a word of it).
        if (typeof e.message === 'string')
            e.message = e.message.split(`'${opened}'`).join(`'${source}'`);
        if (e.path === opened)
            e.path = source;
    }
    return err;
}

;// CONCATENATED MODULE: ./build/engine/random.js

/** The kernel's random number generator, as a device (Linux, macOS and the BSDs). */
const URANDOM = '/dev/urandom';
/** Bytes read from the device at a time, and handed out in turn (each byte once). */
const POOL_BYTES = 256;
let pool = Buffer.alloc(0);
let used = 0;
/**
 * `size` random bytes for names and secrets (a run's identity, an output's delimiter, the
 * log's stop token): read from /dev/urandom, the kernel's generator, which node:crypto's
 * own is seeded from, POOL_BYTES at a time (as node:crypto's randomUUID keeps a pool too);
 * from node:crypto where there is no such device (Windows, a sandbox without /dev).
 * Loading node:crypto took 3-4 ms of every step's start, and its first randomBytes 1.2 ms
 * more (OpenSSL starting its generator), where a step needs a few hundred bytes.
 */
function randomBytesSync(size, device = URANDOM) {
    if (device === URANDOM && size <= POOL_BYTES) {
        if (used + size > pool.length) {
            pool = readRandom(POOL_BYTES, device);
            used = 0;
        }
        used += size;
        return Buffer.from(pool.subarray(used - size, used));
    }
    return readRandom(size, device);
}
function readRandom(size, device) {
    if (process.platform !== 'win32') {
        const bytes = readDevice(device, size);
        if (bytes)
            return bytes;
    }
    const { randomBytes } = process.getBuiltinModule('node:crypto');
    return randomBytes(size);
}
/** `size` random bytes as lower-case hex (2 \u00d7 size characters). */
function random_randomHex(size) {
    return randomBytesSync(size).toString('hex');
}
/** A version 4 UUID (RFC 9562), as node:crypto's randomUUID gives: 122 random bits. */
function randomUUID() {
    const b = randomBytesSync(16);
    b[6] = (b[6] & 0x0f) | 0x40; // version 4
    b[8] = (b[8] & 0x3f) | 0x80; // variant 10
    const hex = b.toString('hex');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
/** The bytes, or undefined when `device` cannot be read whole or is not a character device. */
function readDevice(device, size) {
    let fd;
    try {
        fd = openSync(device, 'r');
    }
    catch {
        return undefined;
    }
    try {
        if (!fstatSync(fd).isCharacterDevice())
            return undefined;
        const bytes = Buffer.alloc(size);
        for (let n = 0; n < size;) {
            const read = readSync(fd, bytes, n, size - n, null);
            if (read === 0)
                return undefined;
            n += read;
        }
        return bytes;
    }
    catch {
        return undefined;
    }
    finally {
        closeSync(fd);
    }
}

;// CONCATENATED MODULE: ./build/engine/staging.js







/** The staging directories' name prefix (a directory, so never read as a backup). */
const STAGING_PREFIX = '.bkpfile-staging-';
/** The journal of backup names taken without hard links, inside a staging directory. */
const RESERVATIONS = '.bkpfile-reservations';
/** A journal longer than this is not ours (one line per backup). */
const MAX_RESERVATIONS_BYTES = 64 * 1024 * 1024;
/** The file inside a staging directory that proves which run made it. */
const STAGING_MARKER = '.bkpfile-owner';
const TEMP_NAME = /^\d+\.tmp$/;
/**
 * A new mirror folder being filled here, to be renamed into the backup directory whole (see
 * StagingDir.folderPath): it holds only backups under their final names.
 */
const FOLDER_NAME = /^\d+\.dir$/;
/** A worker thread's own directory inside a staging directory (see StagingDir.forThread). */
const THREAD_DIR = /^t[1-9]\d{0,2}$/;
const RUN_ID = /^[0-9a-f]{16}$/;
const TOKEN = /^[0-9a-f]{32}$/;
/** A new run's identity, from the kernel's random generator (see randomBytesSync). */
function newRunIdentity() {
    return { runId: randomHex(8), token: randomHex(16) };
}
function stagingPath(backupDir, runId) {
    return external_node_path_namespaceObject.join(backupDir, `${STAGING_PREFIX}${runId}`);
}
const markerText = (token) => `bkpfile-action staging ${token}\n`;
/**
 * A per-run directory at the top of the backup directory, so every temporary is on the
 * backup directory's filesystem (a hard link or rename into place never crosses one), and
 * so the post step can find and prove the temporaries of a run that was killed.
 */
class staging_StagingDir {
    dir;
    createdBackupDir;
    counter = 0;
    constructor(dir, 
    /** The topmost directory that creating the backup directory made, if it did not exist. */
    createdBackupDir) {
        this.dir = dir;
        this.createdBackupDir = createdBackupDir;
    }
    /**
     * The staging directory a worker thread `slot` (1, 2, \u2026) uses: its own directory inside
     * this one, made if missing, so that threads never create and remove temporaries in one
     * directory (each such change locks the directory) nor pick one name.
     */
    forThread(slot) {
        const dir = external_node_path_namespaceObject.join(this.dir, `t${slot}`);
        const thread = new staging_StagingDir(dir, undefined);
        try {
            (0,external_node_fs_namespaceObject.mkdirSync)(dir, { mode: 0o700 });
        }
        catch (err) {
            if (fs_errors_errnoCode(err) !== 'EEXIST')
                throw err;
            // A worker of an earlier segment was here: its names are not taken again, in case one
            // of its temporaries could not be removed (Windows may refuse for a while).
            for (const name of (0,external_node_fs_namespaceObject.readdirSync)(dir)) {
                if (TEMP_NAME.test(name) || FOLDER_NAME.test(name))
                    thread.counter = Math.max(thread.counter, Number.parseInt(name, 10));
            }
        }
        return thread;
    }
    /** A staging directory another thread made (its StagingDir is not shared between threads). */
    static attach(dir) {
        return new staging_StagingDir(dir, undefined);
    }
    /**
     * After worker threads `slots` were stopped before their work was done (and have
     * exited): what they left in their folders here goes, by the post step's rules for after
     * a kill: their temporaries, and the backup names they had taken without hard links and
     * not yet filled (their journals say which). A later worker in the same folder then
     * starts afresh. Gives how many went, and what could not be done.
     */
    async removeThreadLeftovers(slots) {
        const report = { removed: 0, problems: [] };
        for (const slot of slots) {
            const sub = external_node_path_namespaceObject.join(this.dir, `t${slot}`);
            try {
                if (await isOwnDirectory(sub))
                    await removeTemporaries(sub, await external_node_fs_namespaceObject.promises.readdir(sub), external_node_path_namespaceObject.dirname(this.dir), report);
            }
            catch (err) {
                if (fs_errors_errnoCode(err) !== 'ENOENT')
                    report.problems.push(`${sub}: ${fs_errors_errorMessage(err)}`);
            }
        }
        return report;
    }
    /** After cleanup: a backup directory this run created and left empty goes again. */
    removeBackupDirIfEmpty() {
        if (this.createdBackupDir)
            paths_removeEmptyDirs(external_node_path_namespaceObject.dirname(this.dir), this.createdBackupDir);
    }
    /**
     * Creates the directory and its marker; registered with `resources` before it exists.
     * Synchronous calls, as the engine makes its others: the step no longer waits on three
     * round trips through libuv's thread pool between its walk and its first file. A promise
     * still, as its callers take one (oncePerDirectory, and worker threads' requests).
     */
    static async create(backupDir, identity, resources) {
        const dir = stagingPath(backupDir, identity.runId);
        const created = (0,external_node_fs_namespaceObject.mkdirSync)(backupDir, { recursive: true });
        resources.addTempDir(dir);
        (0,external_node_fs_namespaceObject.mkdirSync)(dir, { mode: 0o700 });
        try {
            (0,external_node_fs_namespaceObject.writeFileSync)(external_node_path_namespaceObject.join(dir, STAGING_MARKER), markerText(identity.token), { flag: 'wx', mode: 0o600 });
        }
        catch (err) {
            // Gone at once (ENOSPC, say), not at the end of the run: the step then tells the post
            // step there is no staging directory, which a kill before the end must not make untrue.
            (0,external_node_fs_namespaceObject.rmSync)(dir, { recursive: true, force: true });
            resources.removeTempDir(dir);
            if (created)
                paths_removeEmptyDirs(backupDir, created);
            throw err;
        }
        return new staging_StagingDir(dir, created);
    }
    /**
     * Records a backup name just taken with O_EXCL on a file system without hard links (see
     * the backup engine), with the inode of the empty file that holds it: until the temporary
     * is renamed over it (which gives the name another inode), the post step removes it after
     * a SIGKILL.
     */
    journalReservation(target, ino) {
        (0,external_node_fs_namespaceObject.appendFileSync)(external_node_path_namespaceObject.join(this.dir, RESERVATIONS), `${JSON.stringify({ target, ino })}\n`, { mode: 0o600 });
    }
    /** A fresh temporary name inside the staging directory. */
    tempPath() {
        this.counter += 1;
        return joinName(this.dir, `${this.counter}.tmp`);
    }
    /**
     * A fresh name inside the staging directory for a folder that a new mirror folder's
     * backups are written into under their final names, and that is then renamed into the
     * backup directory whole (see the backup engine). Until then it is a temporary like the
     * others: the post step removes it after a SIGKILL.
     */
    folderPath() {
        this.counter += 1;
        return joinName(this.dir, `${this.counter}.dir`);
    }
}
/**
 * `create` made once per directory, however often it is asked for (a failure is forgotten,
 * so the next file tries again): for the staging directories on mounts inside the backup
 * directory, which every segment of a run and every thread share.
 */
function staging_oncePerDirectory(create) {
    const made = new Map();
    return dir => {
        let staging = made.get(dir);
        if (!staging) {
            staging = create(dir);
            staging.catch(() => made.delete(dir));
            made.set(dir, staging);
        }
        return staging;
    };
}
/**
 * The post step's cleanup after a main step that could not clean up (a SIGKILL). Trusts
 * nothing it is given: removes only a directory named like a staging directory, that is a
 * real directory (not a symlink), that holds the marker with this run's secret token, and
 * inside it only temporaries by their name.
 */
async function removeStagingDir(dir, identity, 
/**
 * `dir` is where this run's staging directory must be (worked out from the step's inputs,
 * not from state): there, one killed before its marker was complete is removed too.
 */
atExpectedPath = false) {
    const report = { removed: 0, problems: [] };
    const refuse = (why) => ({ ...report, refused: why });
    if (!RUN_ID.test(identity.runId) || !TOKEN.test(identity.token))
        return refuse('the run identity in state is malformed');
    // resolve() also drops a trailing slash, which would make lstat() follow a symlink.
    if (!path.isAbsolute(dir) || path.resolve(dir) !== dir)
        return refuse('the staging path in state is not a normalized absolute path');
    if (path.basename(dir) !== `${STAGING_PREFIX}${identity.runId}`)
        return refuse('the staging path in state is not this run\u2019s staging directory');
    let stat;
    try {
        stat = await fs.lstat(dir);
    }
    catch (err) {
        if (errnoCode(err) === 'ENOENT')
            return report; // main cleaned up, or never got that far
        return refuse(`cannot inspect it: ${errorMessage(err)}`);
    }
    if (!stat.isDirectory())
        return refuse('it is not a directory');
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid())
        return refuse('it belongs to another user');
    const marker = path.join(dir, STAGING_MARKER);
    const expected = markerText(identity.token);
    const entries = await fs.readdir(dir);
    try {
        const markerStat = await fs.lstat(marker);
        if (!markerStat.isFile() || markerStat.size > 256)
            return refuse('its marker is not a small regular file');
        const text = await fs.readFile(marker, 'utf8');
        if (text !== expected) {
            // Killed while creating it: nothing but a partly written marker of this run.
            if (atExpectedPath && entries.length === 1 && text.length < expected.length && expected.startsWith(text)) {
                await fs.unlink(marker);
                await fs.rmdir(dir);
                return report;
            }
            return refuse('its marker does not match this run');
        }
    }
    catch (err) {
        // Killed between creating the directory and its marker: an empty directory holds nothing.
        if (atExpectedPath && errnoCode(err) === 'ENOENT' && entries.length === 0) {
            await fs.rmdir(dir).catch((e) => report.problems.push(`${dir}: ${errorMessage(e)}`));
            return report;
        }
        return refuse(`its marker cannot be read: ${errorMessage(err)}`);
    }
    await removeTemporaries(dir, entries, path.dirname(dir), report);
    for (const name of entries) {
        if (!THREAD_DIR.test(name))
            continue;
        const sub = path.join(dir, name);
        try {
            if (!(await isOwnDirectory(sub)))
                continue;
            await removeTemporaries(sub, await fs.readdir(sub), path.dirname(dir), report);
            await fs.rmdir(sub);
        }
        catch (err) {
            if (errnoCode(err) !== 'ENOENT')
                report.problems.push(`${sub}: ${errorMessage(err)}`);
        }
    }
    try {
        await fs.unlink(marker);
        await fs.rmdir(dir);
    }
    catch (err) {
        report.problems.push(`${dir}: ${errorMessage(err)}`);
    }
    return report;
}
/** Whether `stat` is of a directory of this user. */
function isOwnDirectoryStat(stat) {
    return stat.isDirectory() && (typeof process.getuid !== 'function' || stat.uid === process.getuid());
}
/** Whether `dir` is a real directory (not a symlink) of this user; false if it is not there. */
async function isOwnDirectory(dir) {
    try {
        return isOwnDirectoryStat(await external_node_fs_namespaceObject.promises.lstat(dir));
    }
    catch {
        return false;
    }
}
/**
 * Inside the staging directory, or a thread's directory in it, whose `entries` are given:
 * the reservations its journal lists (see below) and the temporaries, by their name.
 * `top` is the directory that holds the staging directory.
 */
async function removeTemporaries(dir, entries, top, report) {
    if (entries.includes(RESERVATIONS))
        await removeEmptyReservations(dir, top, report);
    for (const name of entries) {
        if (FOLDER_NAME.test(name)) {
            await removeStagedFolder(external_node_path_namespaceObject.join(dir, name), report);
            continue;
        }
        if (TEMP_NAME.test(name))
            await removeRegularFile(external_node_path_namespaceObject.join(dir, name), report);
    }
}
/** Removes `file` if it is a regular file (a symbolic link is not followed), counting it. */
async function removeRegularFile(file, report) {
    try {
        if (!(await external_node_fs_namespaceObject.promises.lstat(file)).isFile())
            return;
        await external_node_fs_namespaceObject.promises.unlink(file);
        report.removed += 1;
    }
    catch (err) {
        if (fs_errors_errnoCode(err) !== 'ENOENT')
            report.problems.push(`${file}: ${fs_errors_errorMessage(err)}`);
    }
}
/**
 * A folder of backups a killed run was filling (see StagingDir.folderPath): its files named
 * like backups (nothing else is ever made there) that are regular files, then the folder.
 * Only a real directory of this user. It is opened without following a symbolic link and,
 * where /proc is, read and emptied through that descriptor: a folder swapped for a link
 * after it was opened leads nowhere else.
 */
async function removeStagedFolder(folder, report) {
    let handle;
    try {
        handle = await external_node_fs_namespaceObject.promises.open(folder, external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_DIRECTORY ?? 0) | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0));
    }
    catch (err) {
        // A symbolic link (ELOOP), not a folder, or gone: not one of ours.
        const code = fs_errors_errnoCode(err);
        if (code !== 'ENOENT' && code !== 'ELOOP' && code !== 'ENOTDIR')
            report.problems.push(`${folder}: ${fs_errors_errorMessage(err)}`);
        return;
    }
    try {
        if (!isOwnDirectoryStat(await handle.stat()))
            return;
        const inside = (0,external_node_fs_namespaceObject.existsSync)(PROC_FD) ? `${PROC_FD}/${handle.fd}` : folder;
        for (const name of await external_node_fs_namespaceObject.promises.readdir(inside)) {
            if (parseBackupName(name).length > 0)
                await removeRegularFile(external_node_path_namespaceObject.join(inside, name), report);
        }
    }
    catch (err) {
        if (fs_errors_errnoCode(err) !== 'ENOENT')
            report.problems.push(`${folder}: ${fs_errors_errorMessage(err)}`);
    }
    finally {
        await handle.close();
    }
    try {
        await external_node_fs_namespaceObject.promises.rmdir(folder);
    }
    catch (err) {
        if (fs_errors_errnoCode(err) !== 'ENOENT')
            report.problems.push(`${folder}: ${fs_errors_errorMessage(err)}`);
    }
}
/**
 * After a SIGKILL on a file system without hard links: the backup names the run had taken
 * but not yet filled. Only what the journal lists, inside the directory that holds this
 * staging directory, named like a backup, and still the very empty file the run created
 * (same inode: a finished backup, or a name another run holds, is another file).
 */
async function removeEmptyReservations(dir, top, report) {
    const journal = external_node_path_namespaceObject.join(dir, RESERVATIONS);
    try {
        const stat = await external_node_fs_namespaceObject.promises.lstat(journal);
        if (!stat.isFile() || stat.size > MAX_RESERVATIONS_BYTES)
            return void report.problems.push(`${journal}: not a journal of this run`);
        for (const line of (await external_node_fs_namespaceObject.promises.readFile(journal, 'utf8')).split('\n')) {
            let entry;
            try {
                entry = JSON.parse(line);
            }
            catch {
                continue; // a line cut short by the kill
            }
            const { target, ino } = (entry ?? {});
            if (typeof target !== 'string' || typeof ino !== 'number' || external_node_path_namespaceObject.resolve(target) !== target || !isInside(top, target) || target === top)
                continue;
            if (parseBackupName(external_node_path_namespaceObject.basename(target)).length === 0)
                continue;
            try {
                const file = await external_node_fs_namespaceObject.promises.lstat(target);
                if (!file.isFile() || file.ino !== ino || file.size !== 0 || (typeof process.getuid === 'function' && file.uid !== process.getuid()))
                    continue;
                await external_node_fs_namespaceObject.promises.unlink(target);
                report.removed += 1;
            }
            catch (err) {
                if (fs_errors_errnoCode(err) !== 'ENOENT')
                    report.problems.push(`${target}: ${fs_errors_errorMessage(err)}`);
            }
        }
        await external_node_fs_namespaceObject.promises.unlink(journal);
    }
    catch (err) {
        if (fs_errors_errnoCode(err) !== 'ENOENT')
            report.problems.push(`${journal}: ${fs_errors_errorMessage(err)}`);
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
;// CONCATENATED MODULE: ./build/engine/work-queue.js

/** WorkQueue.next: not yet; the results in order are too far behind. */
const WAIT = -2;
/**
 * How far ahead of the last result put in order a thread may start a chunk. A file that
 * takes long (a large one) holds back the results of every later file: the others stop
 * after this many, so the results waiting to be put in order never grow with the number
 * of files, and the log never falls far behind.
 */
const AHEAD_LIMIT = 4096;
/** 0, 1, \u2026, count - 1: one thread doing all the work. */
function work_queue_sequentialQueue(count) {
    let i = 0;
    return { next: () => (i < count ? i++ : -1) };
}
/** Sources per chunk: enough that claiming one costs nothing, few enough that threads end together. */
const CHUNK_FILES = 64;
/** A chunk inside one big directory ends here. */
const MAX_CHUNK_FILES = 4 * CHUNK_FILES;
/** Threads that can share one run's chunks, the main one included. */
const MAX_THREADS = 16;
/**
 * Cuts the sources into chunks of about CHUNK_FILES. Where names that differ only in case are one name
 * (`byDirectory`), every file of a directory goes into one chunk, so that the one thread
 * that backs them up sees every name its backups could clash with. Otherwise chunks are
 * runs of consecutive sources: threads may share a backup directory, because each file's
 * backup names are its own and every name is taken without replacing one.
 */
function work_queue_planChunks(sources, byDirectory) {
    const order = new Int32Array(new SharedArrayBuffer(sources.length * 4));
    const bounds = [0];
    if (byDirectory) {
        const byDir = new Map();
        sources.forEach((source, i) => {
            const dir = path.dirname(source);
            let list = byDir.get(dir);
            if (!list)
                byDir.set(dir, (list = []));
            list.push(i);
        });
        let at = 0;
        for (const list of byDir.values()) {
            order.set(list, at);
            at += list.length;
            bounds.push(at);
        }
    }
    else {
        // Cut where a directory ends once a chunk is big enough: threads then seldom put
        // backups into one directory at once (each new name locks the directory).
        let start = 0;
        sources.forEach((source, i) => {
            order[i] = i;
            if (i - start >= MAX_CHUNK_FILES || (i - start >= CHUNK_FILES && !inOneDirectory(sources[i - 1], source)))
                bounds.push((start = i));
        });
        if (sources.length > 0)
            bounds.push(sources.length);
    }
    const shared = new Int32Array(new SharedArrayBuffer(bounds.length * 4));
    shared.set(bounds);
    return {
        claimed: new Int32Array(new SharedArrayBuffer(4)),
        order,
        bounds: shared,
        inOrder: new Int32Array(new SharedArrayBuffer(4)),
        current: new Int32Array(new SharedArrayBuffer(4 * MAX_THREADS))
    };
}
/**
 * Whether `a` and `b` have one path.dirname, found without making either: the directories
 * are compared only where a chunk may end, by where each path's last `/` is. planChunks runs
 * on the main thread before it copies anything: for the bench's 20,000 paths of 77
 * characters, in a fresh process with the optimizing compiler off (as a long backup has
 * it), six runs each, it took 2.7-3.7 ms so, and 10-16 ms with a path.dirname of each source.
 */
function inOneDirectory(a, b) {
    if (path.sep !== '/')
        return path.dirname(a) === path.dirname(b);
    const cut = b.lastIndexOf('/');
    return cut === a.lastIndexOf('/') && a.startsWith(b.slice(0, cut));
}
/** The source indices of the chunk thread `slot` is on (or was on when it stopped). */
function work_queue_currentChunk({ order, bounds, current }, slot) {
    const chunk = Atomics.load(current, slot) - 1;
    return chunk < 0 ? new Int32Array(0) : order.subarray(bounds[chunk], bounds[chunk + 1]);
}
/**
 * Thread `slot`'s view of the shared chunks: it takes a chunk at a time (and says which),
 * but none that starts more than `aheadLimit` files past the results put in order so far.
 * `beforeClaim` is called before each new chunk is taken, to send what the thread holds of
 * the last one: a thread that stops is answered for by the chunk it says it is on
 * (currentChunk), so nothing of an earlier chunk may be held by then. When it says false
 * (something is held that must wait), no chunk is taken: WAIT.
 */
function work_queue_chunkQueue({ claimed, order, bounds, inOrder, current }, { slot = 0, aheadLimit = AHEAD_LIMIT, beforeClaim } = {}) {
    let at = 0;
    let end = 0;
    return {
        next() {
            while (at === end) {
                // False: the thread still holds something of the last chunk it cannot send yet.
                if (beforeClaim?.() === false)
                    return WAIT;
                const chunk = Atomics.load(claimed, 0);
                if (chunk >= bounds.length - 1)
                    return -1;
                if (order[bounds[chunk]] - Atomics.load(inOrder, 0) > aheadLimit)
                    return WAIT;
                // Said before it is taken, so that no moment has it taken and not said; put back
                // when another thread took it first.
                const was = Atomics.exchange(current, slot, chunk + 1);
                if (Atomics.compareExchange(claimed, 0, chunk, chunk + 1) !== chunk) {
                    Atomics.store(current, slot, was);
                    continue;
                }
                at = bounds[chunk];
                end = bounds[chunk + 1];
            }
            return order[at++];
        }
    };
}
/**
 * Takes results by source index in any order and gives them on in index order, holding
 * those that come early. `close` gives every index still missing the result `missing`
 * makes, and ignores whatever comes later (a thread that did not stop in time).
 */
class work_queue_InOrder {
    count;
    emit;
    progress;
    next = 0;
    held = new Map();
    closed = false;
    constructor(count, emit, 
    /** Where to publish how many results are in order (see SharedChunks.inOrder). */
    progress) {
        this.count = count;
        this.emit = emit;
        this.progress = progress;
    }
    /** Publishes, from now on, how many results are in order to `progress`. */
    publishTo(progress) {
        this.progress = progress;
        Atomics.store(progress, 0, this.next);
    }
    /** Takes `result` for `index` unless one has come for it already. */
    addIfMissing(index, result) {
        if (index >= this.next && !this.held.has(index))
            this.add(index, result);
    }
    add(index, result) {
        if (this.closed || index < this.next)
            return;
        if (index !== this.next) {
            this.held.set(index, result);
            return;
        }
        this.emit(result);
        this.next += 1;
        // Most results come in order (always on one thread): no lookup for them.
        for (let early = this.held.size ? this.held.get(this.next) : undefined; early !== undefined; early = this.held.get(this.next)) {
            this.held.delete(this.next);
            this.emit(early);
            this.next += 1;
        }
        if (this.progress)
            Atomics.store(this.progress, 0, this.next);
    }
    close(missing) {
        if (this.closed)
            return;
        this.closed = true;
        for (; this.next < this.count; this.next++) {
            const result = this.held.get(this.next);
            this.emit(result ?? missing(this.next));
        }
        this.held.clear();
    }
}

;// CONCATENATED MODULE: ./build/engine/backup-threads.js






/** At most this many workers: more than three gained nothing measured, and each costs memory. */
const MAX_WORKERS = Math.min(3, MAX_THREADS - 1);
/**
 * Worker threads to start besides the main one: one fewer than the CPUs Node may use (the
 * main thread copies too, and writes the log), none on one CPU.
 */
function defaultWorkerCount() {
    return Math.max(0, Math.min(availableParallelism() - 1, MAX_WORKERS));
}
/** A worker's young generation, in MiB: as the main thread's is capped. */
const WORKER_YOUNG_GENERATION_MIB = 8;
/** How long after an abort a worker gets to report before it is terminated: its own grace, and time to post. */
const WORKER_GRACE_MS = 400;
/**
 * The backup's worker threads. Starting one takes tens of milliseconds (a new V8 isolate
 * loading the bundled worker), so the step starts them as soon as the walk has found
 * enough files, and they load while the walk goes on; each then waits for its work (a
 * `start` message). Disposing terminates every one: nothing of theirs outlives the step.
 */
class WorkerPool {
    script;
    size;
    workers = [];
    started = false;
    constructor(
    /** The bundled worker script (dist/backup-worker/index.js). */
    script, 
    /** How many to start. */
    size) {
        this.script = script;
        this.size = size;
    }
    /** Starts the workers (once); one that cannot be created leaves its share to the others. */
    start() {
        if (this.started)
            return;
        this.started = true;
        // Loaded only now: a step that backs up few files never pays for loading it.
        const { Worker } = process.getBuiltinModule('node:worker_threads');
        for (let i = 0; i < this.size; i++) {
            let worker;
            try {
                // A young generation no larger than the main thread's (see capYoungGeneration).
                // `stdin: true`, though nothing is ever written to it: without it, Node ends the
                // worker's stdin as the worker loads, which makes all three of its stdio streams and
                // loads the stream modules there (compiled without their cached code once the step
                // has changed a V8 flag). A bare worker came online in 58 ms instead of 71 so.
                worker = new Worker(this.script, {
                    stdin: true,
                    stdout: false,
                    stderr: false,
                    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MIB }
                });
            }
            catch {
                break;
            }
            const pooled = { worker, exited: new Promise(resolve => worker.once('exit', () => resolve())) };
            worker.on('error', err => {
                pooled.failure ??= fs_errors_errorMessage(err);
            });
            this.workers.push(pooled);
        }
    }
    /** The workers started, each with how it ended. */
    get threads() {
        return this.workers;
    }
    async terminate() {
        await Promise.all(this.workers.map(({ worker }) => worker.terminate()));
    }
    async [Symbol.asyncDispose]() {
        await this.terminate();
    }
}
/**
 * Backs up with this thread and the pool's workers taking chunks of the sources from one
 * shared counter. Results come back by index (the caller puts them in order). Returns,
 * when a worker failed, why: its unfinished files are the caller's to report. A worker
 * that cannot start leaves its share to the others. Every worker has exited on return.
 */
async function backup_threads_backupInThreads(sources, options, ctx, staging, run) {
    const { signal } = ctx;
    const chunks = planChunks(sources, ctx.ignoresCase);
    run.inOrder.publishTo(chunks.inOrder);
    // Stopped already (during the walk or while the staging directory was made): no worker
    // is given work, for no abort would ever reach it; this thread reports the files.
    if (!signal.aborted)
        run.pool.start();
    const workers = signal.aborted ? [] : run.pool.threads;
    // Staging directories in mounts inside the backup directory, made once for every thread
    // (one that could not be made is tried again for the next file, as on one thread); `made`
    // keeps them for the clean-up after the threads.
    const made = [];
    const createStaging = oncePerDirectory(dir => {
        if (!ctx.createStaging)
            return Promise.reject(new Error(`${dir} is on another file system than the staging directory`));
        const staging = ctx.createStaging(dir);
        made.push(staging);
        return staging;
    });
    const onAbort = () => {
        const reason = signal.reason;
        const message = reason instanceof Error ? reason.message : 'the run was stopped';
        for (const { worker } of workers)
            post(worker, { type: 'abort', status: abortStatus(signal), message });
    };
    signal.addEventListener('abort', onAbort, { once: true });
    let lost;
    let byWorkers = 0;
    /** The slots of workers that exited before their work was done. */
    const unfinished = [];
    /** Per worker, settled once its exit has been handled. */
    const exitsHandled = [];
    const finished = workers.map((pooled, i) => {
        const { worker } = pooled;
        const slot = i + 1;
        const start = { sources, walked: ctx.walked, options, chunks, ignoresCase: ctx.ignoresCase, stagingDir: staging.dir, slot };
        let finishedWork = false;
        const done = new Promise(resolve => {
            worker.on('message', (message) => {
                switch (message.type) {
                    case 'results':
                        forEachResult(message.results, sources, (index, result) => run.inOrder.add(index, result));
                        for (const warning of message.warnings)
                            ctx.reporter.warning(warning);
                        for (const [dir, top] of message.createdDirs)
                            keepTopmost(run.createdDirs, dir, top);
                        break;
                    case 'staging':
                        createStaging(message.dir).then(made => post(worker, { type: 'staging', id: message.id, dir: made.dir }), (err) => post(worker, { type: 'staging', id: message.id, error: { message: errorMessage(err), code: errnoCode(err) } }));
                        break;
                    case 'done':
                        // The worker then waits to be terminated: its port keeps it alive for messages.
                        finishedWork = true;
                        byWorkers += message.files;
                        resolve();
                        break;
                }
            });
        });
        post(worker, { type: 'start', start });
        const exited = pooled.exited.then(() => {
            if (finishedWork)
                return;
            unfinished.push(slot);
            if (signal.aborted)
                return; // the stop reports what is missing
            const why = `a backup thread ${pooled.failure ? `failed: ${pooled.failure}` : 'stopped before it finished'}`;
            lost ??= why;
            // The files of the chunk it was on fail now (their results will never come), so the
            // results in order move on and no other thread waits for them. It may have backed up
            // some of them before it stopped (those backups stay): the message says so.
            for (const index of currentChunk(chunks, slot))
                run.inOrder.addIfMissing(index, run.lostResult(index, `not backed up, or its result was lost: ${why}`));
        });
        exitsHandled.push(exited);
        return Promise.race([done, exited]);
    });
    try {
        const own = run.engine(staging, createStaging);
        const mine = own
            // A staged folder's backups go into place before the next chunk: the results in order need them.
            .run(sources, chunkQueue(chunks, { slot: 0, beforeClaim: () => own.publishStaged() }), (index, result) => run.inOrder.add(index, result))
            .finally(() => {
            for (const [dir, top] of own.takeCreatedDirectories())
                keepTopmost(run.createdDirs, dir, top);
        });
        await untilDoneOrGraceAfterAbort(Promise.all([mine, ...finished]).then(() => undefined), signal, WORKER_GRACE_MS);
    }
    finally {
        signal.removeEventListener('abort', onAbort);
        // Done, or late after an abort: nothing of theirs may still be writing when the caller
        // cleans up the staging directories.
        await run.pool.terminate();
        await Promise.all(exitsHandled);
        // A worker stopped part way may have left temporaries in its folder, and (on a file
        // system without hard links) an empty file under a backup name it had taken: its journal
        // says which. They go now, before the staging directory and the journal with it, and a
        // worker of a later segment in that folder starts afresh. Only for workers that did not
        // finish: one that did has removed its temporaries and filled or given back every name.
        if (unfinished.length > 0) {
            for (const dir of [staging, ...(await settledStagings(made))]) {
                const { problems } = await dir.removeThreadLeftovers(unfinished);
                for (const problem of problems) {
                    ctx.reporter.warning(`A backup thread stopped before it finished, and what it left could not all be cleaned up: ${problem}`);
                }
            }
        }
    }
    ctx.reporter.debug?.(`${workers.length} worker thread${workers.length === 1 ? '' : 's'} started; they backed up ${byWorkers} of ${sources.length} files`);
    return lost === undefined ? {} : { lost };
}
/** The staging directories made on mounts, whichever could be made. */
async function settledStagings(made) {
    const settled = await Promise.allSettled(made);
    return settled.flatMap(result => (result.status === 'fulfilled' ? [result.value] : []));
}
/**
 * Records that a thread created `dir`, up to `top`. Two threads may both make sure of one
 * directory: the one that created more of it (the higher top) is kept, so that all of it
 * goes again if it is left empty.
 */
function keepTopmost(createdDirs, dir, top) {
    const known = createdDirs.get(dir);
    if (known === undefined || top.length < known.length)
        createdDirs.set(dir, top);
}
function post(worker, message) {
    try {
        worker.postMessage(message);
    }
    catch {
        // it has exited; nothing to tell it
    }
}

;// CONCATENATED MODULE: ./build/engine/time-slice.js
/**
 * For a loop of synchronous system calls, which must let timers, signals and messages run
 * now and then (or a cancel would wait for the whole loop): `due` once the loop has worked
 * for `ms` since they last ran, `pause()` to let them run and start a new slice.
 */
class TimeSlice {
    ms;
    start = Date.now();
    constructor(ms) {
        this.ms = ms;
    }
    get due() {
        return Date.now() - this.start > this.ms;
    }
    /** Lets what waits in the event loop run, then starts a new slice. */
    async pause() {
        await new Promise(resolve => setImmediate(resolve));
        this.restart();
    }
    /** Starts a new slice (after the loop waited some other way). */
    restart() {
        this.start = Date.now();
    }
}

;// CONCATENATED MODULE: ./build/engine/backup-engine.js


// The names of the inputs the engine's messages mention (a module without imports of its own).














/** What the walk learned of a source from its directory entries, as bits. */
const WalkedAs = {
    /** Its entry said regular file (not a link): no lstat is needed before opening it. */
    Regular: 1,
    /** And it was reached through real directories inside the workspace (by the walk's real paths). */
    InWorkspace: 2,
    /**
     * No later source lies in its directory: once it is done, the backups read for that
     * directory are let go, so the index holds only the directories still to come back to
     * (the walk goes depth first: a directory's files may come between its subdirectories).
     */
    LastInDirectory: 4
};
/**
 * Backs up `sources` (absolute paths) and gives `ctx.reporter` one result per source, in
 * the same order, as each is done: nothing of a file is kept once it is reported, so memory
 * does not grow with the number of files. Never throws for a file's failure: that becomes
 * the file's status. Stops starting work when `ctx.signal` aborts; unfinished files get the
 * abort's status. With `ctx.threads`, and enough files, worker threads share the work.
 */
async function backupFiles(sources, options, ctx) {
    const { signal, reporter } = ctx;
    const inOrder = new InOrder(sources.length, result => reporter.fileDone(result));
    const createdDirs = new Map();
    let lost;
    try {
        const pool = ctx.threads;
        if (pool && pool.size > 0 && !options.dryRun && sources.length >= THREADS_MIN_FILES && ctx.staging instanceof StagingDir) {
            const ignoresCaseHere = ctx.ignoresCase ?? ignoresCase(options.backupDir);
            const outcome = await backupInThreads(sources, options, { ...ctx, ignoresCase: ignoresCaseHere }, ctx.staging, {
                pool,
                inOrder,
                lostResult: (index, message) => failed(sources[index], BackupStatus.Error, message),
                createdDirs,
                engine: (staging, createStaging) => new BackupEngine(options, { ...ctx, ignoresCase: ignoresCaseHere, staging, createStaging })
            });
            lost = outcome.lost;
        }
        else {
            const engine = new BackupEngine(options, ctx);
            await engine.run(sources, sequentialQueue(sources.length), (index, result) => inOrder.add(index, result));
            for (const [dir, top] of engine.takeCreatedDirectories())
                createdDirs.set(dir, top);
        }
    }
    finally {
        // Directories this run created and left empty (every file under them failed) go again:
        // only now, when no thread can still be about to put a backup into one.
        for (const [dir, top] of createdDirs)
            removeEmptyDirs(dir, top);
        inOrder.close(index => signal.aborted || lost === undefined
            ? failed(sources[index], abortStatus(signal), StopMessage.Unfinished)
            : failed(sources[index], BackupStatus.Error, `not backed up: ${lost}`));
    }
}
/** How long the engine works on this thread before it lets timers and signals run. */
const SLICE_MS = 10;
/** How long a thread waits before it asks its queue again after WAIT. */
const WAIT_MS = 2;
/** The engine of one thread: it backs up the sources its queue gives it. */
class BackupEngine {
    options;
    ctx;
    index = new BackupIndex();
    /** The folder of the sources being opened, held open while its files are. */
    folders;
    stamp;
    realWorkspace;
    constructor(options, ctx) {
        this.options = options;
        this.ctx = ctx;
        this.stamp = formatStamp(options.time);
        this.folders = new FolderOpener({ workingDirectory: ctx.workingDirectory === true });
        this.ignoresCase = ctx.ignoresCase ?? paths_ignoresCase(options.backupDir);
        if (!options.dryRun && !ctx.staging)
            throw new Error('backupFiles needs a staging directory unless dryRun');
    }
    /**
     * One file at a time, as `queue` gives them, each result to `report` with its index. A
     * small file is decided and copied with synchronous system calls on this thread, which
     * costs far less than a round trip through libuv's thread pool per call, and without a
     * promise (see MaybeAsync); every SLICE_MS
     * the loop lets timers, signals and messages run, so a cancel is seen at once. A large
     * file is compared and copied asynchronously in chunks that observe the signal. One at a
     * time also means one file's temporary never holds the space another needs. A file the
     * run was stopped in is not reported: the caller reports what is missing. The backups
     * of a new mirror folder are reported once the folder is in place (see stagedFolderFor),
     * which is before the thread takes another chunk, waits for the others, or ends.
     */
    async run(sources, queue, report, 
    /** Called before the thread waits for the others' results (it may hold results to send). */
    onWait) {
        const { signal } = this.ctx;
        let settled = false;
        this.report = report;
        const all = (async () => {
            const slice = new TimeSlice(SLICE_MS);
            try {
                while (!signal.aborted) {
                    // Folders whose rename into place crossed a mount: their backups go in one by one.
                    if (this.crossing.length > 0) {
                        this.folders.stepOut();
                        await this.placeCrossing();
                    }
                    // Before each wait, the working directory goes back (see FolderOpener): other code runs.
                    if (slice.due) {
                        this.folders.stepOut();
                        await slice.pause();
                        if (signal.aborted)
                            break;
                    }
                    const i = queue.next();
                    if (i === WAIT) {
                        // The others' results must catch up first: what this thread holds goes out now.
                        this.publishStaged();
                        onWait?.();
                        this.folders.stepOut();
                        await new Promise(resolve => setTimeout(resolve, WAIT_MS));
                        slice.restart();
                        continue;
                    }
                    if (i < 0)
                        break;
                    const walked = this.ctx.walked?.[i] ?? 0;
                    const outcome = this.decideAtOnce(sources[i], walked) ?? this.backupOne(sources[i], walked);
                    let result;
                    if (outcome instanceof Promise) {
                        this.folders.stepOut();
                        result = await outcome;
                    }
                    else {
                        result = outcome;
                    }
                    if (settled)
                        return; // reported as stopped already
                    const held = this.staged?.files.at(-1);
                    // A backup in a staged folder is reported once the folder is in place.
                    if (held !== undefined && held.result === result && held.index < 0)
                        held.index = i;
                    else
                        report(i, result);
                }
                // Stopped or done: the backups complete so far go into place.
                if (!settled) {
                    this.publishStaged();
                    this.folders.stepOut();
                    if (this.crossing.length > 0)
                        await this.placeCrossing();
                }
            }
            finally {
                this.folders.release();
            }
        })();
        await abort_untilDoneOrGraceAfterAbort(all, signal, ABORT_GRACE_MS);
        settled = true;
        // Stopped and not done within the grace: its loop waits (and opens nothing more), and
        // the folder it held goes now, with the working directory's way back.
        this.folders.release();
    }
    /**
     * The result of a file that is decided without waiting for anything, or undefined when it
     * is to be backed up (backupOne): a file refused by its name, and a dry run's regular file
     * inside the workspace with no backup yet, decided by one lstat (for its size). Such a file
     * gets no promise: a dry run decides up to millions of them, and an await or two for each
     * took the 100,000-file dry run 0.65-0.68 s instead of 0.61-0.63 s (five alternating runs).
     */
    decideAtOnce(source, walked) {
        let result;
        try {
            result = this.refusal(source);
            if (!result && this.options.dryRun && (walked & (WalkedAs.Regular | WalkedAs.InWorkspace)) === (WalkedAs.Regular | WalkedAs.InWorkspace)) {
                result = this.wouldCreateQuickly(source);
            }
        }
        catch (err) {
            result = this.failedBy(source, err);
        }
        if (result)
            this.doneWith(source, walked);
        return result;
    }
    /** Why the file's name keeps it from a backup: a reserved folder, or a case clash. */
    refusal(source) {
        if (isReservedSource(this.options.workspace, source)) {
            return failed(source, status_BackupStatus.Error, `the top-level folder ${OUTSIDE_DIR} is reserved: the backup directory keeps backups of files outside the workspace under that name`);
        }
        const clash = this.ignoresCase ? this.caseClash(source) : undefined;
        if (clash !== undefined)
            return failed(source, status_BackupStatus.Error, nameCaseClash(clash));
        return undefined;
    }
    backupOne(source, walked = 0) {
        const { signal } = this.ctx;
        if (signal.aborted)
            return failed(source, abort_abortStatus(signal), status_StopMessage.NotStarted);
        let outcome;
        try {
            outcome = this.backupSource(source, walked);
            if (!(outcome instanceof Promise))
                return outcome;
            return outcome.catch((err) => this.failedBy(source, err)).finally(() => this.doneWith(source, walked));
        }
        catch (err) {
            return this.failedBy(source, err);
        }
        finally {
            // A promise's own finally says when its file is done.
            if (!(outcome instanceof Promise))
                this.doneWith(source, walked);
        }
    }
    /** The result of a file whose backup threw `err`: its status says why (or the stop's). */
    failedBy(source, err) {
        const status = statusForError(err, this.ctx.signal);
        return failed(source, status, describeFailure(status, err));
    }
    /** After a file's result. */
    doneWith(source, walked) {
        // This thread never comes back to the directory (its later sources all lie after this
        // one): its backups need not be held. Should another file need them, they are read
        // again, from the disk, which holds every backup made in it.
        if (walked & WalkedAs.LastInDirectory)
            this.forgetDirectoryOf(source);
    }
    /** Backs up a file decideAtOnce did not decide. */
    backupSource(source, walked) {
        const { options } = this;
        if (walked & WalkedAs.Regular) {
            // Known regular from the walk: open it at once, never following a link. Swapped for a
            // symlink since (ELOOP), it takes the careful way below.
            let opened;
            try {
                opened = this.folders.openRegular(source);
            }
            catch (err) {
                if (fs_errors_errnoCode(err) !== 'ELOOP')
                    throw err;
            }
            if (opened)
                return this.backupOpenedChecked(source, opened);
        }
        const linkStat = (0,external_node_fs_namespaceObject.lstatSync)(source);
        if (linkStat.isSymbolicLink() && !options.followSymbolicLinks) {
            return failed(source, status_BackupStatus.InvalidFileType, `is a symbolic link and ${Inputs.FollowSymbolicLinks} is false`);
        }
        // Never open a device or FIFO: opening one can block or have side effects.
        const target = linkStat.isSymbolicLink() ? (0,external_node_fs_namespaceObject.statSync)(source) : linkStat;
        if (!target.isFile())
            return failed(source, status_BackupStatus.InvalidFileType, `is ${describeType(target)}, not a regular file`);
        // Check what was opened, not the path: a path checked first can be swapped for a
        // symlink to somewhere else before it is read.
        return this.backupOpenedChecked(source, openSourceSync(source, options.followSymbolicLinks));
    }
    /** A dry run's file without any backup: would-create, from its lstat; undefined to look closer. */
    wouldCreateQuickly(source) {
        const dir = this.mirrorOf(source);
        const fileName = fileNameOf(source);
        const backups = this.index.forDirectory(dir);
        if (backups.latestBackup(fileName))
            return undefined;
        const stat = (0,external_node_fs_namespaceObject.lstatSync)(source);
        if (!stat.isFile())
            return undefined;
        return this.wouldCreate(source, backups, fileName, stat.size);
    }
    /** A dry run's result for a file that needs a backup: the name it would get. */
    wouldCreate(source, backups, fileName, size) {
        const name = backupName(fileName, this.stamp, backups.nextSeq(fileName, this.stamp), this.options.note);
        return { source, backup: joinName(backups.dir, name), status: status_BackupStatus.WouldCreate, bytes: size };
    }
    /** Checks the opened file (type, real path), backs it up, and closes it. */
    backupOpenedChecked(source, opened) {
        const { options } = this;
        let outcome;
        try {
            if (!opened.stat.isFile()) {
                outcome = failed(source, status_BackupStatus.InvalidFileType, `is ${describeType(opened.stat)}, not a regular file`);
            }
            else {
                const real = options.allowOutsideWorkspace ? undefined : opened.realPath();
                outcome =
                    real !== undefined && !isInside(this.workspaceReal(), real)
                        ? failed(source, status_BackupStatus.OutsideWorkspace, `resolves to ${real}, outside the workspace (${Inputs.AllowOutsideWorkspace} is false)`)
                        : this.backupOpened(source, opened);
            }
        }
        catch (err) {
            (0,external_node_fs_namespaceObject.closeSync)(opened.fd);
            throw err;
        }
        if (outcome instanceof Promise)
            return outcome.finally(() => (0,external_node_fs_namespaceObject.closeSync)(opened.fd));
        (0,external_node_fs_namespaceObject.closeSync)(opened.fd);
        return outcome;
    }
    backupOpened(source, opened) {
        const dir = this.mirrorOf(source);
        const fileName = fileNameOf(source);
        const backups = this.index.forDirectory(dir);
        const latest = backups.latestBackup(fileName);
        if (!latest)
            return this.backupAnew(source, opened, backups, fileName);
        const identical = () => {
            const removed = this.applyRetention(backups, fileName, latest.path);
            return { source, backup: latest.path, status: status_BackupStatus.Identical, bytes: 0, ...removed };
        };
        const same = this.isIdentical(opened, latest.path);
        if (same instanceof Promise)
            return same.then(yes => (yes ? identical() : this.backupAnew(source, opened, backups, fileName)));
        return same ? identical() : this.backupAnew(source, opened, backups, fileName);
    }
    /** A file that differs from its latest backup, or has none: a new backup (or, in a dry run, the name it would get). */
    backupAnew(source, opened, backups, fileName) {
        if (this.options.dryRun)
            return this.wouldCreate(source, backups, fileName, opened.stat.size);
        const seq = backups.nextSeq(fileName, this.stamp);
        this.ctx.signal.throwIfAborted();
        const staging = this.stagingFor(backups);
        if (!(staging instanceof staging_StagingDir))
            return failed(source, staging.status, staging.message);
        const folder = this.stagedFolderFor(backups, staging, opened.stat.size);
        if (folder)
            return this.copyIntoFolder(folder, source, opened, fileName, seq);
        return this.copyIntoPlace(staging, false, source, opened, backups, fileName, seq);
    }
    /** The folder of new backups being filled in the staging directory (see stagedFolderFor). */
    staged;
    /** Folders that could not be renamed into place across a mount: their backups wait to go in one by one. */
    crossing = [];
    /** The run's report, for the backups of a staged folder once it is in place. */
    report;
    /**
     * Where a new small backup into `backups.dir` is written: a folder in the staging
     * directory, when that mirror folder does not exist yet (its first backup). The backups
     * are written there under their final names, and the folder is then renamed into the
     * backup directory whole (publishStaged): one rename for the folder instead of a link
     * and an unlink for every file, which cost about 8 \u00b5s of kernel time a file (tmpfs,
     * 10,000 files of 4 KiB, Node 24). No reader sees a partial backup under its final name
     * in the backup directory: a folder appears there only with complete backups in it.
     * Undefined where the folder exists (its backups go in one by one, never replacing a
     * name), for a large file, where the folder would get another group than one made in its
     * parent (a set-group-ID parent), and on Windows. A folder holds at most
     * STAGED_FOLDER_FILES backups: then it goes into place, and the rest of its files go in
     * one by one.
     */
    stagedFolderFor(backups, staging, size) {
        if (size > SMALL_FILE_MAX || !STAGE_FOLDERS || staging !== this.ctx.staging)
            return undefined;
        const open = this.staged;
        if (open?.backups.dir === backups.dir) {
            if (open.files.length < STAGED_FOLDER_FILES)
                return open;
            this.publishStaged();
            return undefined;
        }
        if (backups.exists || this.createdDirs.has(backups.dir))
            return undefined;
        this.publishStaged(); // the last one is done: this thread's next file is elsewhere
        // Its parent is made now, while there is room (only the rename is left for later), and
        // must give a folder made in it what the staging directory gives one.
        const parent = external_node_path_namespaceObject.dirname(backups.dir);
        let madeAbove;
        if (this.parentChecked?.parent !== parent) {
            try {
                const first = (0,external_node_fs_namespaceObject.mkdirSync)(parent, { recursive: true });
                if (first !== undefined)
                    madeAbove = [parent, first];
                this.parentChecked = { parent, same: this.sameGroupAsStaging(parent, staging) };
            }
            catch {
                return undefined; // this file goes in the usual way, and fails there if it must
            }
        }
        if (!this.parentChecked.same) {
            if (madeAbove)
                this.recordCreated(...madeAbove);
            return undefined;
        }
        const dir = staging.folderPath();
        const { resources } = this.ctx;
        resources.addTempDir(dir);
        try {
            (0,external_node_fs_namespaceObject.mkdirSync)(dir);
        }
        catch {
            resources.removeTempDir(dir);
            if (madeAbove)
                this.recordCreated(...madeAbove);
            return undefined;
        }
        return (this.staged = { dir, backups, staging, files: [], spoiled: false, madeAbove });
    }
    /** The parent of the last new folder staged, and whether a folder made there gets the group a staged one gets. */
    parentChecked;
    /** The staging directory's own status, for its group and set-group-ID bit. */
    stagingStat;
    /**
     * Whether a folder made in `parent` gets the group and set-group-ID bit that one made in
     * the staging directory gets: the same bit, and where it is set, the same group (a
     * folder's group comes from its parent's then, and from the process's otherwise).
     */
    sameGroupAsStaging(parent, staging) {
        const there = (0,external_node_fs_namespaceObject.statSync)(parent);
        const here = (this.stagingStat ??= (0,external_node_fs_namespaceObject.statSync)(staging.dir));
        const setgid = (there.mode & SET_GROUP_ID) !== 0;
        return setgid === ((here.mode & SET_GROUP_ID) !== 0) && (!setgid || there.gid === here.gid);
    }
    /** Copies the file into the staged `folder` under its final name (the first free one from `firstSeq`). */
    copyIntoFolder(folder, source, opened, fileName, firstSeq) {
        for (let seq = firstSeq;; seq++) {
            const name = backupName(fileName, this.stamp, seq, this.options.note);
            const file = joinName(folder.dir, name);
            let bytes;
            try {
                bytes = this.copyOneVersion(opened, file);
            }
            catch (err) {
                // Another file of the folder has that name (names can read two ways): the next one.
                if (fs_errors_errnoCode(err) === 'EEXIST')
                    continue;
                this.unstage(folder, file);
                throw err;
            }
            if (!(bytes instanceof Promise))
                return this.keepStaged(folder, file, source, bytes, fileName, seq);
            return bytes.then(done => this.keepStaged(folder, file, source, done, fileName, seq), (err) => {
                if (fs_errors_errnoCode(err) !== 'EEXIST')
                    this.unstage(folder, file); // another file's name is not this copy's
                throw err;
            });
        }
    }
    /** A copy into a staged folder done: its result, held until the folder is in place. */
    keepStaged(folder, file, source, bytes, fileName, seq) {
        if (bytes === undefined) {
            this.unstage(folder, file);
            return failed(source, status_BackupStatus.KeptChanging, `changed while it was being copied, ${COPY_ATTEMPTS} times in a row; no backup was kept`);
        }
        const result = { source, backup: joinName(folder.backups.dir, fileNameOf(file)), status: status_BackupStatus.Created, bytes };
        folder.files.push({ result, file, fileName, seq, index: -1 });
        return result;
    }
    /** A staged copy that failed goes; if it cannot, the folder is never renamed into place whole (its other backups go in one by one). */
    unstage(folder, file) {
        try {
            (0,external_node_fs_namespaceObject.rmSync)(file, { force: true });
        }
        catch {
            folder.spoiled = true;
        }
    }
    /**
     * Puts the staged folder's backups into place and reports them: the folder renamed to
     * its mirror folder, which must still not exist; else (someone made it meanwhile) each
     * backup linked in as any other, never replacing a name. Called whenever this thread is
     * about to take a new chunk, wait, or end, and when its next new backup is for another
     * folder: never while a copy into the folder is under way. False while backups of it
     * wait to be copied across a mount (placeCrossing): the thread must not take a new chunk
     * before they are reported.
     */
    publishStaged() {
        this.placeStaged();
        return this.crossing.length === 0;
    }
    /** publishStaged's work: the staged folder in place, or its backups linked in one by one, or queued to cross a mount. */
    placeStaged() {
        const folder = this.staged;
        if (!folder)
            return;
        this.staged = undefined;
        const report = this.report;
        const { resources } = this.ctx;
        // A copy whose file then failed (its result is another, already reported) is not put in place.
        for (const staged of folder.files)
            if (staged.index < 0)
                this.unstage(folder, staged.file);
        folder.files = folder.files.filter(staged => staged.index >= 0);
        if (folder.files.length === 0) {
            if (folder.madeAbove)
                this.recordCreated(...folder.madeAbove);
            this.dropFolder(folder);
            return;
        }
        const placed = this.renameFolder(folder);
        if (placed === true) {
            resources.removeTempDir(folder.dir);
            // Read again from the disk should another file of it come: it exists now.
            this.index.release(folder.backups.dir);
            for (const { index, result } of folder.files)
                report(index, result);
            return;
        }
        // Not in place whole: the folders made above it for it are this run's to remove if left empty.
        if (folder.madeAbove)
            this.recordCreated(...folder.madeAbove);
        if (placed === 'EXDEV') {
            // A mount inside the backup directory: each backup is copied there (placeCrossing).
            this.crossing.push(folder);
            return;
        }
        // Linked in one by one; from the first that crosses a mount on, copied there (placeCrossing).
        const across = [];
        for (const staged of folder.files) {
            const result = across.length === 0 ? this.linkStaged(folder, staged) : undefined;
            if (result)
                report(staged.index, result);
            else
                across.push(staged);
        }
        if (across.length > 0)
            this.crossing.push({ ...folder, files: across });
        else
            this.dropFolder(folder);
    }
    /** Renames the staged folder to its mirror folder, if that still does not exist: true, 'EXDEV' across a mount, else false. */
    renameFolder(folder) {
        if (folder.spoiled)
            return false;
        const mirror = folder.backups.dir;
        try {
            // rename(2) would replace an empty folder someone has just made there.
            if ((0,external_node_fs_namespaceObject.lstatSync)(mirror, { throwIfNoEntry: false }) !== undefined)
                return false;
            (0,external_node_fs_namespaceObject.renameSync)(folder.dir, mirror);
            return true;
        }
        catch (err) {
            return fs_errors_errnoCode(err) === 'EXDEV' ? 'EXDEV' : false;
        }
    }
    /** One staged backup linked into its mirror folder as any other is (linkIntoPlace): its result, undefined where the link would cross a mount. */
    linkStaged(folder, { result, file, fileName, seq }) {
        try {
            this.ensureDir(folder.backups);
            // A complete copy: it goes into place after a stop too, as the folder's rename would have.
            return this.linkIntoPlace(file, folder.staging, result.source, result.bytes, folder.backups, fileName, seq, true);
        }
        catch (err) {
            if (fs_errors_errnoCode(err) === 'EXDEV')
                return undefined;
            this.unstage(folder, file);
            return this.failedBy(result.source, err);
        }
    }
    /**
     * The folders whose rename crossed a mount (a file system mounted inside the backup
     * directory): each backup is copied into a staging directory made on that mount, and
     * linked into place from there, as copyIntoPlace does after a link fails with EXDEV.
     */
    async placeCrossing() {
        const report = this.report;
        for (let folder = this.crossing.shift(); folder; folder = this.crossing.shift()) {
            for (const staged of folder.files) {
                let result;
                try {
                    const there = await this.stagingIn(folder.backups.dir);
                    const opened = openSourceSync(staged.file, false);
                    try {
                        result = await this.copyIntoPlace(there, true, staged.result.source, opened, folder.backups, staged.fileName, staged.seq);
                    }
                    finally {
                        (0,external_node_fs_namespaceObject.closeSync)(opened.fd);
                    }
                }
                catch (err) {
                    result = this.failedBy(staged.result.source, err);
                }
                this.unstage(folder, staged.file);
                report(staged.index, result);
            }
            this.dropFolder(folder);
        }
    }
    /** Removes a staged folder whose backups went in one by one (or none came). */
    dropFolder(folder) {
        try {
            (0,external_node_fs_namespaceObject.rmSync)(folder.dir, { recursive: true, force: true });
            this.ctx.resources.removeTempDir(folder.dir);
        }
        catch {
            // left registered: cleanup() retries and warns
        }
    }
    /**
     * Copies the file to a temporary in `staging`, then links it to a name no one holds. The
     * temporary is gone afterwards, whatever the outcome. `crossed`: `staging` is the one made
     * on the mount of the mirror directory after a link from the main one failed with EXDEV.
     */
    copyIntoPlace(staging, crossed, source, opened, backups, fileName, seq) {
        const { resources } = this.ctx;
        const temp = staging.tempPath();
        resources.addTempFile(temp);
        const place = (bytes) => {
            if (bytes === undefined) {
                resources.discardTempFile(temp);
                return failed(source, status_BackupStatus.KeptChanging, `changed while it was being copied, ${COPY_ATTEMPTS} times in a row; no backup was kept`);
            }
            this.ensureDir(backups);
            const result = this.linkIntoPlace(temp, staging, source, bytes, backups, fileName, seq);
            resources.removeTempFile(temp);
            return result;
        };
        const otherwise = (err) => {
            resources.discardTempFile(temp);
            // The mirror directory is on another file system (a mount inside the backup
            // directory): a link never crosses one. Copy again through a staging directory there.
            if (fs_errors_errnoCode(err) !== 'EXDEV' || crossed)
                throw err;
            return this.stagingIn(backups.dir).then(there => this.copyIntoPlace(there, true, source, opened, backups, fileName, seq));
        };
        try {
            const bytes = this.copyOneVersion(opened, temp);
            return bytes instanceof Promise ? bytes.then(place).catch(otherwise) : place(bytes);
        }
        catch (err) {
            return otherwise(err);
        }
    }
    /** The staging directory for backups into `backups.dir` (the main one unless a mount was met). */
    stagingFor(backups) {
        return this.stagingByDir.get(backups.dir) ?? this.ctx.staging;
    }
    /**
     * Staging directories made in mirror directories that are on another mount than the main
     * one (their links failed with EXDEV), by mirror directory. By directory, not by device:
     * a bind mount has its source's device, and a link across it still fails.
     */
    stagingByDir = new Map();
    /** Creates (once) a staging directory in `dir` itself, which is on the mount its backups go to. */
    async stagingIn(dir) {
        const known = this.stagingByDir.get(dir);
        if (known)
            return known;
        if (!this.ctx.createStaging)
            throw new Error(`${dir} is on another file system than the staging directory`);
        const staging = await this.ctx.createStaging(dir);
        this.stagingByDir.set(dir, staging);
        return staging;
    }
    /**
     * Copies the open file into `temp` until one copy is of a single version: its size,
     * modification and change times the same after the copy as before (a file rewritten or
     * appended to meanwhile is copied again). Returns the bytes of that copy, or undefined
     * when the file changed during every attempt. Reads to the end, so a file whose size
     * says 0 (procfs, sysfs) is copied whole. A small file is copied synchronously, a large
     * one (an attempt that finds it large) in chunks or by the kernel.
     */
    copyOneVersion(opened, temp, attempt = 1) {
        for (; attempt <= COPY_ATTEMPTS; attempt++) {
            let before = opened.stat;
            if (attempt > 1) {
                (0,external_node_fs_namespaceObject.unlinkSync)(temp);
                before = (0,external_node_fs_namespaceObject.fstatSync)(opened.fd);
            }
            if (before.size > SMALL_FILE_MAX)
                return this.copyLargeVersion(opened, temp, attempt, before);
            const bytes = copyOpenFileSync(opened.fd, temp, before);
            if (isOneVersion(opened.fd, before, bytes))
                return bytes;
        }
        return undefined;
    }
    /** copyOneVersion's attempt `attempt` for a file that is large (`before`), and the attempts after it. */
    async copyLargeVersion(opened, temp, attempt, before) {
        await copyToTemp(opened.readPath, temp, before, this.ctx.signal);
        const bytes = (0,external_node_fs_namespaceObject.statSync)(temp).size;
        return isOneVersion(opened.fd, before, bytes) ? bytes : this.copyOneVersion(opened, temp, attempt + 1);
    }
    /** Same size first (no byte is read otherwise), then the same bytes. */
    isIdentical(opened, backup) {
        const size = opened.stat.size;
        if (size <= SMALL_FILE_MAX)
            return sameSizeAndContentSync(opened.fd, size, backup);
        if ((0,external_node_fs_namespaceObject.statSync)(backup).size !== size)
            return false;
        return sameContent(opened.readPath, backup, size, this.ctx.signal);
    }
    /**
     * Gives the complete temporary the first free backup name from `firstSeq` on, never
     * replacing one; the temporary is gone afterwards, whatever the outcome.
     */
    linkIntoPlace(temp, staging, source, size, backups, fileName, firstSeq, 
    /** `temp` is a staged copy already complete when the run was stopped: it still goes into place. */
    complete = false) {
        for (let seq = firstSeq;; seq++) {
            if (!complete)
                this.ctx.signal.throwIfAborted();
            const name = backupName(fileName, this.stamp, seq, this.options.note);
            const target = joinName(backups.dir, name);
            try {
                this.placeNoReplace(temp, target, staging);
            }
            catch (err) {
                if (fs_errors_errnoCode(err) !== 'EEXIST')
                    throw err;
                // Another run took this name in the same minute: same content is our backup too.
                if (sameFileContentSync(temp, target, size)) {
                    (0,external_node_fs_namespaceObject.unlinkSync)(temp);
                    return { source, backup: target, status: status_BackupStatus.Identical, bytes: 0 };
                }
                continue;
            }
            this.filled(backups.dir);
            backups.addMade(target, fileName, this.stamp, seq, this.options.note);
            const removed = this.applyRetention(backups, fileName, target);
            return { source, backup: target, status: status_BackupStatus.Created, bytes: size, ...removed };
        }
    }
    /** Staging directories on file systems that have no hard links (FAT, exFAT). */
    withoutLinks = new Set();
    /**
     * Gives the complete temporary the name `target` without ever replacing a name someone
     * holds (EEXIST when it is taken, and `temp` stays). With link() and then removing `temp`;
     * on a file system without hard links, by taking the name with O_EXCL and renaming the
     * temporary over that reservation of our own. The reservation is
     * journaled with its inode once it is ours, so after a SIGKILL the post step removes it
     * only while it is still that empty file (a rename over it gives the name another inode).
     */
    placeNoReplace(temp, target, staging) {
        if (!this.withoutLinks.has(staging)) {
            try {
                (0,external_node_fs_namespaceObject.linkSync)(temp, target);
                (0,external_node_fs_namespaceObject.unlinkSync)(temp);
                return;
            }
            catch (err) {
                if (!NO_HARD_LINKS.has(fs_errors_errnoCode(err) ?? '') || linksWorkIn(staging, temp))
                    throw err;
                this.withoutLinks.add(staging);
            }
        }
        const fd = (0,external_node_fs_namespaceObject.openSync)(target, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_CREAT | external_node_fs_namespaceObject.constants.O_EXCL, 0o600);
        try {
            staging.journalReservation(target, (0,external_node_fs_namespaceObject.fstatSync)(fd).ino);
        }
        catch (err) {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
            (0,external_node_fs_namespaceObject.rmSync)(target, { force: true }); // our empty reservation, never a backup
            throw err;
        }
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        try {
            (0,external_node_fs_namespaceObject.renameSync)(temp, target);
        }
        catch (err) {
            (0,external_node_fs_namespaceObject.rmSync)(target, { force: true });
            throw err;
        }
    }
    /**
     * Keeps `current` (the backup just made or matched) and the newest keep-1 others, and
     * gives the paths it deleted. Only
     * unambiguous names count and are deleted: a name that also reads as another file's
     * backup, or one stamped in the future, can never push out the backup this run relies on.
     */
    applyRetention(backups, fileName, current) {
        const { keep, dryRun } = this.options;
        if (keep <= 0 || dryRun)
            return {};
        const others = backups.backupsOf(fileName).filter(entry => !entry.ambiguous && entry.path !== current);
        const removed = [];
        for (const entry of others.slice(keep - 1)) {
            try {
                (0,external_node_fs_namespaceObject.unlinkSync)(entry.path);
                backups.remove(entry);
                removed.push(entry.path);
            }
            catch (err) {
                if (fs_errors_errnoCode(err) === 'ENOENT')
                    backups.remove(entry);
                else
                    this.ctx.reporter.warning(`keep: could not delete old backup ${entry.path}: ${fs_errors_errorMessage(err)}`);
            }
        }
        return removed.length ? { removed } : {};
    }
    /** Creates the mirror directory the first time a backup goes into it. */
    ensureDir(backups) {
        if (backups.exists || this.createdDirs.has(backups.dir))
            return;
        const first = (0,external_node_fs_namespaceObject.mkdirSync)(backups.dir, { recursive: true });
        this.recordCreated(backups.dir, first ?? backups.dir);
    }
    /** `dir` was made by this engine, `top` the topmost folder its mkdir made (for removal at the end if left empty). */
    recordCreated(dir, top) {
        this.createdDirs.set(dir, top);
        this.createdSinceTaken.push([dir, top]);
    }
    /**
     * A backup now lies in `dir`: if this engine created it for that backup and has not yet
     * handed it on (takeCreatedDirectories), it is no longer one to remove if left empty. It
     * and the directories its mkdir created above it hold this run's backup to the end (no
     * backup made in a run is deleted in it), so the rmdir of each at the end would only fail:
     * 400 of them, each throwing, took 3-5 ms of a 20,000-file backup's end, when the main
     * thread works alone.
     */
    filled(dir) {
        if (this.createdSinceTaken.at(-1)?.[0] === dir)
            this.createdSinceTaken.pop();
    }
    /** Mirror directories this run created, each with the topmost one its mkdir created. */
    createdDirs = new Map();
    /**
     * The mirror directories this engine created since it was last asked, each with the
     * topmost one its mkdir created (for removal at the end if left empty); not those it put
     * a backup in straight after (see filled).
     */
    takeCreatedDirectories() {
        const taken = this.createdSinceTaken;
        this.createdSinceTaken = [];
        return taken;
    }
    createdSinceTaken = [];
    /** Whether names in the backup directory that differ only in case are one name there. */
    ignoresCase;
    /** By mirror directory: the file names this run has backed up there, by their lower case. */
    namesByCase = new Map();
    /**
     * The other file name of this run whose backups would share this source's names on a
     * file system that ignores case (`README.md` beside `readme.md`, both stamped with this
     * run's minute), if there is one; otherwise the name is claimed. Older backups of a
     * name in another case (a file renamed from `readme.md`) carry other stamps, so they
     * never share a name with this run's.
     */
    caseClash(source) {
        const dir = this.mirrorOf(source);
        let names = this.namesByCase.get(dir);
        if (!names)
            this.namesByCase.set(dir, (names = new Map()));
        const fileName = fileNameOf(source);
        const other = names.get(fileName.toLowerCase());
        if (other !== undefined && other !== fileName)
            return other;
        names.set(fileName.toLowerCase(), fileName);
        return undefined;
    }
    /** By source directory: its mirror directory in the backup directory. */
    mirrors = new Map();
    /**
     * Lets go what this thread holds for the directory of `source`: the folder held open, its
     * backups, its mirror's path, and the names claimed in it where case is ignored (there
     * every file of a directory is in one chunk, so no other file of this run can clash with
     * them any more).
     */
    forgetDirectoryOf(source) {
        const parent = external_node_path_namespaceObject.dirname(source);
        this.folders.release(parent);
        const dir = this.mirrors.get(parent);
        if (dir === undefined)
            return; // never looked at
        this.mirrors.delete(parent);
        if (this.lastFolder?.parent === parent)
            this.lastFolder = undefined;
        this.index.release(dir);
        this.namesByCase.delete(dir);
    }
    /**
     * The last source's folder and its mirror: the walk gives a folder's files one after
     * another, and a prefix compare costs less than a new dirname string hashed for the map.
     * With fileNameOf for path.basename, the dry run's engine alone (its lstat left out, the
     * 100,000 files' run once) took 74-87 ms instead of 94-99 ms.
     */
    lastFolder;
    /** mirrorDir, worked out once per source directory. */
    mirrorOf(source) {
        const last = this.lastFolder;
        if (last !== undefined && isDirectlyIn(last.parent, source))
            return last.dir;
        const parent = external_node_path_namespaceObject.dirname(source);
        let dir = this.mirrors.get(parent);
        if (dir === undefined) {
            dir = mirrorDir(this.options.backupDir, this.options.workspace, source);
            this.mirrors.set(parent, dir);
        }
        this.lastFolder = { parent, dir };
        return dir;
    }
    workspaceReal() {
        this.realWorkspace ??= (0,external_node_fs_namespaceObject.realpathSync)(this.options.workspace);
        return this.realWorkspace;
    }
}
/**
 * Whether the copy just made (`bytes` long) is of one version of the open file: its size,
 * modification and change times the same now as before the copy (`before`), and the copy
 * as long as the file (or the file's size says 0: procfs, sysfs).
 */
function isOneVersion(fd, before, bytes) {
    const after = (0,external_node_fs_namespaceObject.fstatSync)(fd);
    const sameVersion = after.size === before.size && after.mtimeMs === before.mtimeMs && after.ctimeMs === before.ctimeMs;
    return sameVersion && (bytes === after.size || after.size === 0);
}
/** Two files of `size` bytes with the same content (both small, or read in chunks). */
function sameFileContentSync(a, b, size) {
    const fd = (0,external_node_fs_namespaceObject.openSync)(a, 'r');
    try {
        return sameSizeAndContentSync(fd, size, b);
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}
/** What link() says on a file system without hard links (FAT and exFAT say EPERM). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS']);
/**
 * Whether a hard link can be made inside the staging directory: when it can, a link into
 * place that failed with EPERM was refused for another reason (an immutable directory, a
 * security policy), and the file fails with it rather than the run changing its method.
 */
function linksWorkIn(staging, temp) {
    const probe = staging.tempPath();
    try {
        (0,external_node_fs_namespaceObject.linkSync)(temp, probe);
    }
    catch (err) {
        if (NO_HARD_LINKS.has(fs_errors_errnoCode(err) ?? ''))
            return false;
        throw err;
    }
    (0,external_node_fs_namespaceObject.rmSync)(probe, { force: true });
    return true;
}
/** How many times a file that changes while it is copied is copied before it gets kept-changing. */
const COPY_ATTEMPTS = 3;
/** How long workers get to notice an abort before the run reports them as stopped. */
const ABORT_GRACE_MS = 250;
/** Fewer files than this are backed up on one thread: starting a worker costs tens of milliseconds. */
const THREADS_MIN_FILES = 1000;
/**
 * Folders of new backups staged (see BackupEngine.stagedFolderFor): where rename(2) moves a
 * folder atomically and fails on one that is not empty. Windows renames otherwise.
 */
const STAGE_FOLDERS = process.platform !== 'win32';
/** A folder's set-group-ID bit: the folders and files made in it get its group. */
const SET_GROUP_ID = 0o2000;
/**
 * Backups a staged folder holds at most before it goes into place: what a thread holds
 * unreported stays bounded (a thread's chunk is at most 256 files, but one thread takes all of
 * a run below THREADS_MIN_FILES, and all of a folder where the backup directory ignores
 * case), and so does the work of putting them in one by one should the folder appear meanwhile.
 */
const STAGED_FOLDER_FILES = 1000;
function failed(source, status, message) {
    return { source, backup: null, status, bytes: 0, message };
}
function describeType(stat) {
    if (stat.isDirectory())
        return 'a directory';
    if (stat.isFIFO())
        return 'a FIFO';
    if (stat.isSocket())
        return 'a socket';
    if (stat.isCharacterDevice())
        return 'a character device';
    if (stat.isBlockDevice())
        return 'a block device';
    return 'not a regular file';
}
function describeFailure(status, err) {
    switch (status) {
        case status_BackupStatus.Cancelled:
            return 'stopped: the run was cancelled';
        case status_BackupStatus.Timeout:
            return 'stopped: the run timed out';
        case status_BackupStatus.DiskFull:
            return `no space left for the backup (${fs_errors_errnoCode(err) ?? 'disk full'}); its temporary was removed`;
        case status_BackupStatus.PermissionDenied:
            return `permission denied: ${fs_errors_errorMessage(err)}`;
        default:
            return fs_errors_errorMessage(err);
    }
}

;// CONCATENATED MODULE: ./build/engine/resource-manager.js


/**
 * Tracks temporary files and directories and removes whatever is still registered when
 * `cleanup()` runs (bkpfile's ResourceManager). Register a path before creating it and
 * unregister it once it has been renamed into place. `cleanup()` carries on past failures,
 * reports them through `warn`, and never throws; it is safe to call concurrently and
 * again later. `await using rm = new ResourceManager(...)` runs it on every exit path.
 */
class ResourceManager {
    warn;
    files = new Set();
    dirs = new Set();
    constructor(warn = () => undefined) {
        this.warn = warn;
    }
    addTempFile(file) {
        this.files.add(file);
    }
    addTempDir(dir) {
        this.dirs.add(dir);
    }
    removeTempFile(file) {
        this.files.delete(file);
    }
    removeTempDir(dir) {
        this.dirs.delete(dir);
    }
    /**
     * Removes a temporary now, synchronously, and unregisters it: on a full disk the next
     * file needs the space, and after an abort libuv's threads may be busy with copies that
     * cannot be interrupted. If it cannot be removed it stays registered for cleanup().
     */
    discardTempFile(file) {
        try {
            (0,external_node_fs_namespaceObject.rmSync)(file, { force: true });
            this.files.delete(file);
        }
        catch {
            // left registered: cleanup() retries and warns
        }
    }
    get size() {
        return this.files.size + this.dirs.size;
    }
    /** Removes everything still registered: files first, then directories. */
    async cleanup() {
        // Whatever is registered while this runs is picked up by the next pass.
        while (this.size > 0) {
            const files = [...this.files];
            const dirs = [...this.dirs];
            this.files.clear();
            this.dirs.clear();
            for (const file of files)
                this.removePath(file, false);
            for (const dir of dirs)
                this.removePath(dir, true);
        }
        await Promise.resolve();
    }
    async [Symbol.asyncDispose]() {
        await this.cleanup();
    }
    // Synchronous on purpose: after a cancel, libuv's thread pool may be busy with copies
    // that cannot be interrupted, and cleanup must not queue behind them.
    removePath(target, recursive) {
        try {
            (0,external_node_fs_namespaceObject.rmSync)(target, { force: true, recursive, maxRetries: recursive ? 3 : 0 });
        }
        catch (err) {
            try {
                this.warn(`Could not remove temporary ${recursive ? 'directory' : 'file'} ${target}: ${fs_errors_errorMessage(err)}`);
            }
            catch {
                // A failing warn must not make cleanup throw.
            }
        }
    }
}

;// CONCATENATED MODULE: ./build/engine/thread-messages.js
/** A worker's results as they come, to post as one ResultBatch. */
class ResultBatcher {
    plain = [];
    full = [];
    held = 0;
    /** How many results it holds. */
    get size() {
        return this.held;
    }
    add(index, result) {
        if (result.message === undefined && result.removed === undefined) {
            this.plain.push(index, result.status, result.bytes, result.backup);
        }
        else {
            this.plain.push(index, this.full.length, 0, null);
            this.full.push(result);
        }
        this.held += 1;
    }
    /** The results held, which it then lets go of. */
    take() {
        const batch = { plain: this.plain, full: this.full };
        this.plain = [];
        this.full = [];
        this.held = 0;
        return batch;
    }
}
/** Each result of `batch` with its index, in the order they were done; a plain one's source from `sources`. */
function thread_messages_forEachResult(batch, sources, each) {
    const { plain, full } = batch;
    for (let k = 0; k < plain.length; k += 4) {
        const index = plain[k];
        const status = plain[k + 1];
        if (typeof status === 'number')
            each(index, full[status]);
        else
            each(index, { source: sources[index], backup: plain[k + 3], status: status, bytes: plain[k + 2] });
    }
}

;// CONCATENATED MODULE: ./build/engine/backup-worker.js






/** Results a worker holds before it posts them, at most (and for at most BATCH_MS). */
const BATCH_RESULTS = 256;
const BATCH_MS = 20;
/**
 * A backup worker thread: backs up the chunks of sources it takes from the shared counter
 * and posts the results to the main thread, which puts them in order, writes the log, and
 * owns every resource that outlives the thread (staging directories, the step's state).
 * Stops when the main thread says the run was cancelled or timed out.
 */
async function serveBackupThread(port, start) {
    const controller = new AbortController();
    const stagingRequests = new Map();
    let nextRequest = 0;
    port.on('message', (message) => {
        if (message.type === 'start')
            return;
        if (message.type === 'abort') {
            controller.abort(new AbortReason(message.status, message.message));
        }
        else {
            const request = stagingRequests.get(message.id);
            stagingRequests.delete(message.id);
            if (!request)
                return;
            if (message.dir === undefined) {
                request.reject(Object.assign(new Error(message.error?.message ?? 'no staging directory'), { code: message.error?.code }));
                return;
            }
            try {
                request.resolve(staging_StagingDir.attach(message.dir).forThread(start.slot));
            }
            catch (err) {
                request.reject(err); // making this thread's folder there failed (ENOSPC): that file's failure
            }
        }
    });
    const post = (message) => port.postMessage(message);
    const results = new ResultBatcher();
    let warnings = [];
    let posted = Date.now();
    const flush = () => {
        const createdDirs = engine.takeCreatedDirectories();
        if (results.size > 0 || warnings.length > 0 || createdDirs.length > 0)
            post({ type: 'results', results: results.take(), warnings, createdDirs });
        warnings = [];
        posted = Date.now();
    };
    const resources = new ResourceManager(message => warnings.push(message));
    const engine = new BackupEngine(start.options, {
        signal: controller.signal,
        walked: start.walked,
        resources,
        staging: staging_StagingDir.attach(start.stagingDir).forThread(start.slot),
        reporter: {
            fileDone: () => undefined, // results go by index, through `report` below
            warning: message => warnings.push(message)
        },
        ignoresCase: start.ignoresCase,
        createStaging: dir => new Promise((resolve, reject) => {
            const id = nextRequest++;
            stagingRequests.set(id, { resolve, reject });
            post({ type: 'staging', id, dir });
        })
    });
    let files = 0;
    try {
        await engine.run(start.sources, 
        // What it holds goes out before each new chunk (a staged folder's backups put into place
        // first): the results in order need it, and a thread that stops is answered for by its
        // chunk alone.
        work_queue_chunkQueue(start.chunks, {
            slot: start.slot,
            beforeClaim: () => {
                const clear = engine.publishStaged();
                flush();
                return clear;
            }
        }), (index, result) => {
            files += 1;
            results.add(index, result);
            if (results.size >= BATCH_RESULTS || Date.now() - posted > BATCH_MS)
                flush();
        }, flush);
    }
    finally {
        await resources.cleanup();
        flush();
    }
    // Only when the run ended as it should: a worker whose run threw exits without it, and
    // the main thread then fails the files it had taken.
    post({ type: 'done', files });
}

;// CONCATENATED MODULE: ./build/entrypoints/backup-worker.js


// A worker thread of the backup step (see src/engine/backup-threads.ts); never a step
// itself. It loads while the walk goes on, then waits for its work.
const port = external_node_worker_threads_namespaceObject.parentPort;
if (port) {
    port.once('message', (message) => {
        if (message.type === 'start')
            void serveBackupThread(port, message.start);
    });
}


/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
__nccwpck_require__(12);

module.exports = __webpack_exports__;
/******/ })()
;