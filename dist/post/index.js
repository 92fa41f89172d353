/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 181:
/***/ ((module) => {

"use strict";
module.exports = require("buffer");

/***/ }),

/***/ 932:
/***/ ((module) => {

"use strict";
module.exports = require("process");

/***/ }),

/***/ 7754:
/***/ ((__unused_webpack___webpack_module__, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

"use strict";

;// CONCATENATED MODULE: external "node:module"
const external_node_module_namespaceObject = require("node:module");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
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
        fd = (0,external_node_fs_namespaceObject.openSync)(device, 'r');
    }
    catch {
        return undefined;
    }
    try {
        if (!(0,external_node_fs_namespaceObject.fstatSync)(fd).isCharacterDevice())
            return undefined;
        const bytes = Buffer.alloc(size);
        for (let n = 0; n < size;) {
            const read = (0,external_node_fs_namespaceObject.readSync)(fd, bytes, n, size - n, null);
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
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./build/action/light-builtins.js
// Two of Node's modules that @actions/core and @actions/glob load at their start, given to
// them light. Each entry point imports this module first: it puts them in require.cache
// under their bare names, where Node looks before its own modules for a bare name (only a
// `node:` name always gets Node's own; https://nodejs.org/api/modules.html#requirecache).
// - `crypto`: @actions/core's file commands call only randomUUID, for the delimiter of each
//   output and state entry. Loading node:crypto took 3-4 ms of every step's start, and its
//   first random bytes 1.2 ms more; randomUUID here reads the kernel's generator instead.
// - `assert`: @actions/glob calls assert(value, message) to check its arguments, and
//   node:assert took about 1 ms to load. Here it is loaded only when a check fails, and
//   throws that failure itself, so the error is node:assert's own.
// Whatever else is asked of either module is Node's own, loaded then.


const nodeRequire = (0,external_node_module_namespaceObject.createRequire)(require("url").pathToFileURL(__filename).href);
/** `own`, with every other property read from Node's module `name`, loaded when first asked. */
function withRestOf(own, name) {
    return new Proxy(own, {
        get: (target, key, receiver) => (Reflect.has(target, key) ? Reflect.get(target, key, receiver) : Reflect.get(nodeRequire(name), key))
    });
}
/** What `require('crypto')` gives in this process. */
const lightCrypto = withRestOf({ randomUUID: randomUUID }, 'node:crypto');
/** What `require('assert')` gives in this process: assert(value, message), and node:assert's other functions. */
const lightAssert = withRestOf(function assert(value, message) {
    if (value)
        return;
    const nodeAssert = nodeRequire('node:assert');
    nodeAssert(value, message);
}, 'node:assert');
for (const [name, exports] of [
    ['crypto', lightCrypto],
    ['assert', lightAssert]
]) {
    nodeRequire.cache[name] ??= { id: name, filename: name, loaded: true, exports };
}

;// CONCATENATED MODULE: ./build/action/light-stdout.js
// A step's first lines, written to standard output by write(2) itself. Node makes
// process.stdout when it is first read: on a pipe, as the runner's is, that loads its
// network and stream modules (28 of them) and opens a libuv pipe, which took 1.7 ms of
// every step's start, and a step that found nothing writes three lines. Each entry point
// calls useLightStdout() first: process.stdout is then a light stand-in, which writes
// through to file descriptor 1 synchronously until DIRECT_BYTES bytes have gone that way,
// and hands everything after, and anything else asked of it, to Node's own stream.
//
// Why so few: a write(2) to a pipe whose buffer is full blocks the thread until the reader
// reads, and a blocked main thread would hold off a cancel. Node's stream never blocks (it
// queues). A pipe's buffer on Linux holds at least one page (4096 bytes, even when its user
// has used up the pipe pages the kernel lets it have: pipe(7)), and the runner gives each
// step a pipe of its own, so the first 4096 bytes fit whatever the reader does. Other
// systems are left to Node's stream: macOS may give a pipe 512 bytes.

/** How many bytes go to file descriptor 1 directly before Node's stream takes over. */
const DIRECT_BYTES = 4096;
/**
 * A `write` that writes to `fd` with write(2) until `budget` bytes have gone that way, and
 * from the first chunk that does not fit (or the first write that fails, EAGAIN from a
 * descriptor someone made non-blocking among them) hands that chunk's rest and every later
 * one to `stream()`, so the order is kept. Chunks other than strings and byte arrays go to
 * the stream as they are.
 */
function lightWriter(fd, budget, stream) {
    let left = budget;
    let handedOver = false;
    return function write(chunk, encoding, callback) {
        if (typeof encoding === 'function')
            [callback, encoding] = [encoding, undefined];
        const bytes = handedOver ? undefined : toBytes(chunk, encoding);
        if (!bytes || bytes.length > left) {
            handedOver = true;
            return stream().write(chunk, encoding, callback);
        }
        left -= bytes.length;
        let written = 0;
        try {
            while (written < bytes.length)
                written += (0,external_node_fs_namespaceObject.writeSync)(fd, bytes, written);
        }
        catch {
            handedOver = true;
            return stream().write(bytes.subarray(written), callback);
        }
        if (callback)
            process.nextTick(callback, null);
        return true;
    };
}
function toBytes(chunk, encoding) {
    if (typeof chunk === 'string')
        return Buffer.from(chunk, encoding ?? 'utf8');
    return chunk instanceof Uint8Array ? chunk : undefined;
}
/**
 * Makes process.stdout, for the rest of the process, a stand-in whose `write` is a
 * lightWriter on file descriptor 1, on Linux (see above). Reading any other property of it
 * (or its prototype: `instanceof`) makes Node's own stream, which it is from then on: its
 * properties are that stream's, and its methods are called on that stream. It stays what
 * process.stdout gives, so that Node's own checks of a stream against process.stdout still
 * find it (a stream piped into it, as a worker thread's stdout is, must not end it). What a
 * step writes in its first DIRECT_BYTES bytes has been written when `write` returns; the
 * rest is queued as Node's stream queues it.
 */
function useLightStdout() {
    const own = Object.getOwnPropertyDescriptor(process, 'stdout');
    if (process.platform !== 'linux' || !own?.get || !own.configurable)
        return;
    const makeNodeStream = own.get;
    let node;
    const nodeStream = () => (node ??= makeNodeStream.call(process));
    const light = lightWriter(1, DIRECT_BYTES, nodeStream);
    // Once Node's stream is made, every write goes through it, so that none overtakes its queue.
    const write = (chunk, encoding, callback) => node ? node.write(chunk, encoding, callback) : light(chunk, encoding, callback);
    // A `write` put on process.stdout (a wrapper, a test's spy) is the stand-in's own, so that
    // putting the first one back restores it rather than making it call itself.
    let assignedWrite;
    const standIn = new Proxy({}, {
        get(_, key) {
            if (key === 'write')
                return assignedWrite ?? write;
            const value = Reflect.get(nodeStream(), key);
            return typeof value === 'function' ? value.bind(nodeStream()) : value;
        },
        set(_, key, value) {
            if (key !== 'write')
                return Reflect.set(nodeStream(), key, value);
            assignedWrite = value === write ? undefined : value;
            return true;
        },
        has: (_, key) => Reflect.has(nodeStream(), key),
        getPrototypeOf: () => Reflect.getPrototypeOf(nodeStream())
    });
    Object.defineProperty(process, 'stdout', { configurable: true, enumerable: own.enumerable, get: () => standIn });
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = require("node:os");
;// CONCATENATED MODULE: external "os"
const external_os_namespaceObject = require("os");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/utils.js
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function utils_toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/command.js


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function command_issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function command_issue(name, message = '') {
    command_issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return utils_toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map
;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = require("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = require("fs");
;// CONCATENATED MODULE: ./node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function file_command_issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map
;// CONCATENATED MODULE: ./build/action/actions-core.js
// The parts of @actions/core this action uses, and only those. Importing the package's
// index loads its OIDC client, HTTP client and undici (about 70 ms at every start of every
// step); these functions need only its command and file-command modules, which do the
// escaping and the GITHUB_OUTPUT / GITHUB_STATE file format. The package exports only its
// index, so the modules are imported by file; ncc bundles them. Each function below is
// @actions/core's own, line for line (see node_modules/@actions/core/lib/core.js), and
// __tests__/action/actions-core.test.ts holds them to it; setOutputs and saveStates, which
// write several at once, to what setOutput and saveState write one by one.




/** The step's input as the runner passes it (INPUT_<NAME>), trimmed; '' when not set. */
function getInput(name) {
    return (process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '').trim();
}
function setOutput(name, value) {
    if (process.env['GITHUB_OUTPUT'])
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
function saveState(name, value) {
    if (process.env['GITHUB_STATE'])
        return issueFileCommand('STATE', prepareKeyValueMessage(name, value));
    issueCommand('save-state', { name }, toCommandValue(value));
}
/**
 * setOutput of each of `outputs`, in order, in one append to GITHUB_OUTPUT: the same
 * entries (@actions/core's prepareKeyValueMessage), written by @actions/core's
 * issueFileCommand once rather than once each (a check that the file exists, then an
 * open, a write and a close, every time).
 */
function setOutputs(outputs) {
    if (process.env['GITHUB_OUTPUT'])
        return issueFileCommand('OUTPUT', outputs.map(([name, value]) => prepareKeyValueMessage(name, value)).join(os.EOL));
    for (const [name, value] of outputs)
        setOutput(name, value);
}
/** saveState of each of `states`, in order, in one append to GITHUB_STATE (as setOutputs). */
function saveStates(states) {
    if (process.env['GITHUB_STATE'])
        return issueFileCommand('STATE', states.map(([name, value]) => prepareKeyValueMessage(name, value)).join(os.EOL));
    for (const [name, value] of states)
        saveState(name, value);
}
function getState(name) {
    return process.env[`STATE_${name}`] || '';
}
/** Fails the step: exit code 1 and an error annotation. */
function setFailed(message) {
    process.exitCode = 1;
    issueCommand('error', {}, message);
}
function debug(message) {
    command_issueCommand('debug', {}, message);
}
function warning(message) {
    command_issueCommand('warning', {}, message);
}
function info(message) {
    process.stdout.write(message + external_node_os_namespaceObject.EOL);
}
function startGroup(name) {
    issue('group', name);
}
function endGroup() {
    issue('endgroup');
}

;// CONCATENATED MODULE: ./build/action/step-outcome.js


const succeeded = (message) => ({ level: 'info', message });
const step_outcome_failed = (message) => ({ level: 'failure', message });
/** `if-no-files-found`, as actions/upload-artifact has it: warn, fail the step, or say it plainly. */
function noFilesFound(mode, message) {
    return { level: mode === 'error' ? 'failure' : mode === 'warn' ? 'warning' : 'info', message };
}
/** Prints the outcome, failing the step when it is a failure. Names in it are escaped. */
function step_outcome_reportOutcome(outcome) {
    const text = safeText(outcome.message);
    if (outcome.level === 'failure')
        core.setFailed(text);
    else if (outcome.level === 'warning')
        core.warning(text);
    else
        core.info(text);
}

;// CONCATENATED MODULE: ./build/action/step-runner.js


/**
 * Runs a step's `run()` as an entry point does and reports the outcome it gives. A thrown
 * error fails the step with its message and no stack trace: an InputError (a user's
 * mistake, thrown before anything is written) or anything unexpected. The process then
 * ends as endProcess says.
 */
function runAsStep(run, exitCode) {
    capYoungGeneration();
    run().then(outcome => {
        reportOutcome(outcome);
        endProcess(exitCode);
    }, (err) => {
        reportOutcome(failed(err instanceof Error ? err.message : String(err)));
        endProcess(exitCode ?? 1);
    });
}
/**
 * How long anything still holding the event loop once a step has reported its outcome (a
 * worker thread still inside a system call after a cancel, say) may keep the process.
 */
const STRAGGLER_MS = 200;
/**
 * Ends the process with `code` (or the exit code already set) once stdout has taken
 * everything printed, by letting the event loop empty rather than by `process.exit()`. On
 * Node 24, `process.exit()` can hang for ever: it joins V8's background threads, and a
 * compile job among them may be waiting for a garbage collection that only the exiting main
 * thread could make (nodejs/node#54918, #64274). Here 3 of 60 backups of a 1 GiB file hung
 * so. A process whose loop empties disposes of its V8 isolate first, which releases such a
 * job. Whatever still holds the loop after STRAGGLER_MS gets `process.exit()`.
 */
function endProcess(code) {
    if (code !== undefined)
        process.exitCode = code;
    process.stdout.write('', () => setTimeout(() => process.exit(), STRAGGLER_MS).unref());
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
var external_node_path_namespaceObject_0 = /*#__PURE__*/__nccwpck_require__.t(external_node_path_namespaceObject, 2);
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
const StopMessage = {
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
class abort_AbortReason extends Error {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
        this.name = 'AbortReason';
    }
}
function abort_abortStatus(signal) {
    const reason = signal.reason;
    return reason instanceof abort_AbortReason ? reason.status : BackupStatus.Cancelled;
}
/**
 * Waits for `work`, or until `graceMs` after the signal aborts (how long workers get to
 * notice before a run reports them stopped), whichever comes first. Leaves no timer and
 * no listener behind either way.
 */
async function untilDoneOrGraceAfterAbort(work, signal, graceMs) {
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
        return abortStatus(signal);
    if (err instanceof AbortReason)
        return err.status;
    const code = fs_errors_errnoCode(err);
    if (code && DISK_FULL.has(code))
        return BackupStatus.DiskFull;
    if (code && PERMISSION.has(code))
        return BackupStatus.PermissionDenied;
    return BackupStatus.Error;
}
function fs_errors_errorMessage(err) {
    if (err instanceof Error)
        return err.message;
    return String(err);
}

;// CONCATENATED MODULE: ./build/engine/restore-journal.js



/**
 * Restore writes each temporary beside the file it replaces, so the temporaries of one
 * run are scattered over the workspace. Before each one is created, its path is appended
 * to this journal (synchronously: it survives a SIGKILL), so the post step can find them.
 * The journal's first line holds the run's secret token, which proves it is this run's.
 */
class RestoreJournal {
    file;
    fd;
    constructor(file, fd) {
        this.file = file;
        this.fd = fd;
    }
    /** Creates the journal (never over an existing file); register it for cleanup first. */
    static create(file, identity) {
        const fd = openSync(file, 'wx', 0o600);
        const journal = new RestoreJournal(file, fd);
        journal.write(header(identity.token));
        return journal;
    }
    /** Records a temporary about to be created. */
    record(temp) {
        this.write(`${JSON.stringify(temp)}\n`);
    }
    close() {
        try {
            closeSync(this.fd);
        }
        catch {
            // already closed
        }
    }
    write(text) {
        const data = Buffer.from(text);
        // write() alone survives a SIGKILL: the kernel holds the data, not the process.
        for (let offset = 0; offset < data.length;)
            offset += writeSync(this.fd, data, offset);
    }
}
const header = (token) => `bkpfile-action restore journal ${token}\n`;
const MAX_JOURNAL_BYTES = 64 * 1024 * 1024;
/** The name every restore temporary of run `runId` has: unique to the run, never a user's file. */
function restoreTempName(runId, n) {
    return `.bkpfile-restore-${runId}-${n}.tmp`;
}
/**
 * The post step's cleanup after a restore that could not clean up (a SIGKILL). Trusts
 * nothing it is given: the journal must be at `expectedFile`, a regular file of this user
 * starting with this run's token; and of what it lists, only regular files of this user,
 * named as this run's temporaries, at normalized absolute paths, are removed.
 */
async function removeJournaledTemps(file, identity, expectedFile) {
    const report = { removed: 0, problems: [] };
    const refuse = (why) => ({ ...report, refused: why });
    if (!/^[0-9a-f]{16}$/.test(identity.runId) || !/^[0-9a-f]{32}$/.test(identity.token))
        return refuse('the run identity in state is malformed');
    if (file !== expectedFile)
        return refuse('the journal path in state is not where this run keeps it');
    let text;
    try {
        const stat = await external_node_fs_namespaceObject.promises.lstat(file);
        if (!stat.isFile() || stat.size > MAX_JOURNAL_BYTES)
            return refuse('the journal is not a regular file of a sensible size');
        if (typeof process.getuid === 'function' && stat.uid !== process.getuid())
            return refuse('the journal belongs to another user');
        text = await external_node_fs_namespaceObject.promises.readFile(file, 'utf8');
    }
    catch (err) {
        if (fs_errors_errnoCode(err) === 'ENOENT')
            return report; // main cleaned up, or never got that far
        return refuse(`cannot read the journal: ${fs_errors_errorMessage(err)}`);
    }
    const expectedHeader = header(identity.token);
    if (!text.startsWith(expectedHeader)) {
        // Killed while writing the header: nothing was created yet.
        if (expectedHeader.startsWith(text))
            await unlinkQuietly(file, report);
        else
            return refuse('the journal does not belong to this run');
        return report;
    }
    const tempName = new RegExp(`^\\.bkpfile-restore-${identity.runId}-\\d+\\.tmp$`);
    for (const line of text.slice(expectedHeader.length).split('\n')) {
        let temp;
        try {
            temp = JSON.parse(line);
        }
        catch {
            continue; // a line cut short by the kill: its temporary was never created
        }
        if (typeof temp !== 'string' || !external_node_path_namespaceObject.isAbsolute(temp) || external_node_path_namespaceObject.resolve(temp) !== temp || !tempName.test(external_node_path_namespaceObject.basename(temp)))
            continue;
        try {
            const stat = await external_node_fs_namespaceObject.promises.lstat(temp);
            if (!stat.isFile())
                continue;
            if (typeof process.getuid === 'function' && stat.uid !== process.getuid())
                continue;
            await external_node_fs_namespaceObject.promises.unlink(temp);
            report.removed += 1;
        }
        catch (err) {
            if (fs_errors_errnoCode(err) !== 'ENOENT')
                report.problems.push(`${temp}: ${fs_errors_errorMessage(err)}`);
        }
    }
    await unlinkQuietly(file, report);
    return report;
}
async function unlinkQuietly(file, report) {
    try {
        await external_node_fs_namespaceObject.promises.unlink(file);
    }
    catch (err) {
        if (fs_errors_errnoCode(err) !== 'ENOENT')
            report.problems.push(`${file}: ${fs_errors_errorMessage(err)}`);
    }
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
function paths_joinName(dir, name) {
    return dir.endsWith(path.sep) ? [dir, name].join('') : [dir, name].join(path.sep);
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
    return (path.sep === '/' &&
        file.length > dir.length + 1 &&
        file.charCodeAt(dir.length) === 0x2f &&
        dir.charCodeAt(dir.length - 1) !== 0x2f &&
        file.indexOf('/', dir.length + 1) === -1 &&
        hasPrefix(file, dir));
}
/** path.basename of a normalized path (no separator at its end). */
function fileNameOf(file) {
    return path.sep === '/' ? file.slice(file.lastIndexOf('/') + 1) : path.basename(file);
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
function mirrorDir(backupDir, workspace, source, p = path) {
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
function isReservedSource(workspace, source, p = path) {
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
    for (let d = dir; isInside(top, d); d = path.dirname(d)) {
        try {
            rmdirSync(d);
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
function ignoresCase(dir) {
    let at = path.resolve(dir);
    while (!existsSync(at) && path.dirname(at) !== at)
        at = path.dirname(at);
    try {
        const entries = opendirSync(at);
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
    for (;; at = path.dirname(at)) {
        if (path.dirname(at) === at)
            return false;
        const answer = foundInOtherCase(path.dirname(at), path.basename(at));
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
    const entry = (n) => lstatSync(path.join(dir, n), { bigint: true, throwIfNoEntry: false });
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

;// CONCATENATED MODULE: ./build/engine/open-source.js

/** Where a process's open descriptors are paths (Linux). */
const PROC_FD = '/proc/self/fd';
let procFdWorks;
/** A file's or folder's path as read from its descriptor: an unlinked one reads as "<path> (deleted)". */
const DELETED = / \(deleted\)$/;
/** How a source is opened: read only, and O_NONBLOCK, so that a FIFO swapped in after the type check cannot hang the open. */
const SOURCE_FLAGS = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
function openSourceSync(source, followSymbolicLinks) {
    const flags = SOURCE_FLAGS | (followSymbolicLinks ? 0 : (fsConstants.O_NOFOLLOW ?? 0));
    const fd = openSync(source, flags);
    try {
        const stat = fstatSync(fd);
        const fdPath = `${PROC_FD}/${fd}`; // /proc exists only where the separator is /
        if (procFdWorks === undefined) {
            try {
                readlinkSync(fdPath);
                procFdWorks = true;
            }
            catch {
                procFdWorks = false;
            }
        }
        // An unlinked file reads as "<path> (deleted)": it was opened at <path>.
        if (procFdWorks)
            return { fd, stat, readPath: fdPath, realPath: () => readlinkSync(fdPath).replace(DELETED, '') };
        // Elsewhere: resolve the name, then prove it is still the file held open.
        return {
            fd,
            stat,
            readPath: source,
            realPath: () => {
                const real = realpathSync(source);
                const now = statSync(real);
                if (now.dev !== stat.dev || now.ino !== stat.ino)
                    throw Object.assign(new Error(`${source} changed while it was being backed up`), { code: 'ECHANGED' });
                return real;
            }
        };
    }
    catch (err) {
        closeSync(fd);
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
            fd = openSync(inFolder, SOURCE_FLAGS | (fsConstants.O_NOFOLLOW ?? 0));
        }
        catch (err) {
            throw namingSource(err, inFolder, source);
        }
        try {
            const real = this.realPrefix + name;
            return { fd, stat: fstatSync(fd), readPath: `${PROC_FD}/${fd}`, realPath: () => real };
        }
        catch (err) {
            closeSync(fd);
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
            closeSync(this.fd);
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
                home = openSync('.', fsConstants.O_RDONLY | (fsConstants.O_DIRECTORY ?? 0));
            }
            process.chdir(`${PROC_FD}/${fd}`);
        }
        catch {
            // It is not moved (a worker thread, a working directory that cannot be opened), or
            // moved back from the folder held before: the files are opened through /proc.
            if (home >= 0 && home !== this.home)
                closeSync(home);
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
        closeSync(this.home);
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
            fd = openSync(dir, fsConstants.O_RDONLY | (fsConstants.O_DIRECTORY ?? 0));
        }
        catch {
            this.stepOut();
            return; // its files are opened by their paths, and fail there with their own reasons
        }
        try {
            const real = readlinkSync(`${PROC_FD}/${fd}`).replace(DELETED, '');
            procFdWorks = true;
            this.realPrefix = real.endsWith('/') ? real : `${real}/`;
            this.fd = fd;
        }
        catch {
            closeSync(fd);
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
class StagingDir {
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
        const dir = path.join(this.dir, `t${slot}`);
        const thread = new StagingDir(dir, undefined);
        try {
            mkdirSync(dir, { mode: 0o700 });
        }
        catch (err) {
            if (errnoCode(err) !== 'EEXIST')
                throw err;
            // A worker of an earlier segment was here: its names are not taken again, in case one
            // of its temporaries could not be removed (Windows may refuse for a while).
            for (const name of readdirSync(dir)) {
                if (TEMP_NAME.test(name) || FOLDER_NAME.test(name))
                    thread.counter = Math.max(thread.counter, Number.parseInt(name, 10));
            }
        }
        return thread;
    }
    /** A staging directory another thread made (its StagingDir is not shared between threads). */
    static attach(dir) {
        return new StagingDir(dir, undefined);
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
            const sub = path.join(this.dir, `t${slot}`);
            try {
                if (await isOwnDirectory(sub))
                    await removeTemporaries(sub, await fs.readdir(sub), path.dirname(this.dir), report);
            }
            catch (err) {
                if (errnoCode(err) !== 'ENOENT')
                    report.problems.push(`${sub}: ${errorMessage(err)}`);
            }
        }
        return report;
    }
    /** After cleanup: a backup directory this run created and left empty goes again. */
    removeBackupDirIfEmpty() {
        if (this.createdBackupDir)
            removeEmptyDirs(path.dirname(this.dir), this.createdBackupDir);
    }
    /**
     * Creates the directory and its marker; registered with `resources` before it exists.
     * Synchronous calls, as the engine makes its others: the step no longer waits on three
     * round trips through libuv's thread pool between its walk and its first file. A promise
     * still, as its callers take one (oncePerDirectory, and worker threads' requests).
     */
    static async create(backupDir, identity, resources) {
        const dir = stagingPath(backupDir, identity.runId);
        const created = mkdirSync(backupDir, { recursive: true });
        resources.addTempDir(dir);
        mkdirSync(dir, { mode: 0o700 });
        try {
            writeFileSync(path.join(dir, STAGING_MARKER), markerText(identity.token), { flag: 'wx', mode: 0o600 });
        }
        catch (err) {
            // Gone at once (ENOSPC, say), not at the end of the run: the step then tells the post
            // step there is no staging directory, which a kill before the end must not make untrue.
            rmSync(dir, { recursive: true, force: true });
            resources.removeTempDir(dir);
            if (created)
                removeEmptyDirs(backupDir, created);
            throw err;
        }
        return new StagingDir(dir, created);
    }
    /**
     * Records a backup name just taken with O_EXCL on a file system without hard links (see
     * the backup engine), with the inode of the empty file that holds it: until the temporary
     * is renamed over it (which gives the name another inode), the post step removes it after
     * a SIGKILL.
     */
    journalReservation(target, ino) {
        appendFileSync(path.join(this.dir, RESERVATIONS), `${JSON.stringify({ target, ino })}\n`, { mode: 0o600 });
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
function oncePerDirectory(create) {
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
    if (!external_node_path_namespaceObject.isAbsolute(dir) || external_node_path_namespaceObject.resolve(dir) !== dir)
        return refuse('the staging path in state is not a normalized absolute path');
    if (external_node_path_namespaceObject.basename(dir) !== `${STAGING_PREFIX}${identity.runId}`)
        return refuse('the staging path in state is not this run\u2019s staging directory');
    let stat;
    try {
        stat = await external_node_fs_namespaceObject.promises.lstat(dir);
    }
    catch (err) {
        if (fs_errors_errnoCode(err) === 'ENOENT')
            return report; // main cleaned up, or never got that far
        return refuse(`cannot inspect it: ${fs_errors_errorMessage(err)}`);
    }
    if (!stat.isDirectory())
        return refuse('it is not a directory');
    if (typeof process.getuid === 'function' && stat.uid !== process.getuid())
        return refuse('it belongs to another user');
    const marker = external_node_path_namespaceObject.join(dir, STAGING_MARKER);
    const expected = markerText(identity.token);
    const entries = await external_node_fs_namespaceObject.promises.readdir(dir);
    try {
        const markerStat = await external_node_fs_namespaceObject.promises.lstat(marker);
        if (!markerStat.isFile() || markerStat.size > 256)
            return refuse('its marker is not a small regular file');
        const text = await external_node_fs_namespaceObject.promises.readFile(marker, 'utf8');
        if (text !== expected) {
            // Killed while creating it: nothing but a partly written marker of this run.
            if (atExpectedPath && entries.length === 1 && text.length < expected.length && expected.startsWith(text)) {
                await external_node_fs_namespaceObject.promises.unlink(marker);
                await external_node_fs_namespaceObject.promises.rmdir(dir);
                return report;
            }
            return refuse('its marker does not match this run');
        }
    }
    catch (err) {
        // Killed between creating the directory and its marker: an empty directory holds nothing.
        if (atExpectedPath && fs_errors_errnoCode(err) === 'ENOENT' && entries.length === 0) {
            await external_node_fs_namespaceObject.promises.rmdir(dir).catch((e) => report.problems.push(`${dir}: ${fs_errors_errorMessage(e)}`));
            return report;
        }
        return refuse(`its marker cannot be read: ${fs_errors_errorMessage(err)}`);
    }
    await removeTemporaries(dir, entries, external_node_path_namespaceObject.dirname(dir), report);
    for (const name of entries) {
        if (!THREAD_DIR.test(name))
            continue;
        const sub = external_node_path_namespaceObject.join(dir, name);
        try {
            if (!(await isOwnDirectory(sub)))
                continue;
            await removeTemporaries(sub, await external_node_fs_namespaceObject.promises.readdir(sub), external_node_path_namespaceObject.dirname(dir), report);
            await external_node_fs_namespaceObject.promises.rmdir(sub);
        }
        catch (err) {
            if (fs_errors_errnoCode(err) !== 'ENOENT')
                report.problems.push(`${sub}: ${fs_errors_errorMessage(err)}`);
        }
    }
    try {
        await external_node_fs_namespaceObject.promises.unlink(marker);
        await external_node_fs_namespaceObject.promises.rmdir(dir);
    }
    catch (err) {
        report.problems.push(`${dir}: ${fs_errors_errorMessage(err)}`);
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
const constants_State = {
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

;// CONCATENATED MODULE: ./build/action/input-error.js
/** A mistake in the step's inputs: reported as the step's error, with no stack trace. */
class input_error_InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
}

;// CONCATENATED MODULE: ./build/action/config-file.js




const MAX_CONFIG_BYTES = 1024 * 1024;
/**
 * Reads a bkpfile config if it exists. A missing file is an error only when `required`
 * (the `config` input was set to something other than its default). Keys this action does
 * not use (bkpfile's status codes and so on) are ignored.
 */
async function readConfigFile(file, required) {
    let text;
    try {
        // A synchronous stat: most steps have no config file, and fs.promises costs about 2 ms
        // of every step's start-up to load.
        const stat = (0,external_node_fs_namespaceObject.statSync)(file);
        if (!stat.isFile())
            throw new input_error_InputError(`Input '${Inputs.Config}': ${file} is not a regular file.`);
        if (stat.size > MAX_CONFIG_BYTES)
            throw new input_error_InputError(`Input '${Inputs.Config}': ${file} is larger than 1 MiB.`);
        text = await external_node_fs_namespaceObject.promises.readFile(file, 'utf8');
    }
    catch (err) {
        if (err instanceof input_error_InputError)
            throw err;
        if (fs_errors_errnoCode(err) === 'ENOENT' && !required)
            return undefined;
        throw new input_error_InputError(`Input '${Inputs.Config}': cannot read ${file}: ${fs_errors_errorMessage(err)}`);
    }
    let doc;
    try {
        // logLevel 'error': yaml would print warnings to stderr with the offending line, and the
        // file is the pull request's: the runner reads workflow commands on stderr too.
        // Loaded only when there is a config file to read: most steps never need a YAML parser.
        const { parse } = await __nccwpck_require__.e(/* import() */ 815).then(__nccwpck_require__.t.bind(__nccwpck_require__, 8815, 19));
        doc = parse(text, { logLevel: 'error' });
    }
    catch (err) {
        throw new input_error_InputError(`Input '${Inputs.Config}': ${file} is not valid YAML: ${fs_errors_errorMessage(err).split('\n')[0]}`);
    }
    if (doc === null || doc === undefined)
        return { file, backupDirPath: undefined, useCurrentDirName: false };
    if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new input_error_InputError(`Input '${Inputs.Config}': ${file} must be a YAML mapping of bkpfile settings (such as backup_dir_path).`);
    }
    const settings = doc;
    const dir = settings['backup_dir_path'];
    if (dir !== undefined && dir !== null && (typeof dir !== 'string' || dir.trim() === '')) {
        throw new input_error_InputError(`Input '${Inputs.Config}': backup_dir_path in ${file} must be a non-empty string (a directory path).`);
    }
    const useName = settings['use_current_dir_name'];
    if (useName !== undefined && useName !== null && typeof useName !== 'boolean') {
        throw new input_error_InputError(`Input '${Inputs.Config}': use_current_dir_name in ${file} must be true or false.`);
    }
    return { file, backupDirPath: typeof dir === 'string' ? dir.trim() : undefined, useCurrentDirName: useName === true };
}

;// CONCATENATED MODULE: ./build/action/backup-dir-input.js



/** backup-dir, else backup_dir_path from the config file, else `.bkpfile` (also used by the post step). */
async function resolveBackupDir(getInput, workspace) {
    const configInput = getInput(Inputs.Config) || DEFAULT_CONFIG;
    const config = await readConfigFile(external_node_path_namespaceObject.resolve(workspace, configInput), configInput !== DEFAULT_CONFIG);
    const explicitDir = getInput(Inputs.BackupDir);
    const [dirValue, backupDirFrom] = explicitDir
        ? [explicitDir, 'input']
        : config?.backupDirPath
            ? [config.backupDirPath, 'config']
            : [DEFAULT_BACKUP_DIR, 'default'];
    let backupDir = external_node_path_namespaceObject.resolve(workspace, dirValue);
    if (backupDirFrom === 'config' && config?.useCurrentDirName)
        backupDir = external_node_path_namespaceObject.join(backupDir, external_node_path_namespaceObject.basename(workspace));
    const dirWhat = backupDirFrom === 'config' ? `backup_dir_path in ${configInput}` : `Input '${Inputs.BackupDir}'`;
    return { backupDir, backupDirFrom, configFile: config?.file, dirWhat };
}

;// CONCATENATED MODULE: ./build/action/manifest.js





const MANIFEST_VERSION = 1;
/** Manifests live in RUNNER_TEMP (the job's scratch space), one per run. */
function manifestDir() {
    return external_node_path_namespaceObject.resolve(process.env['RUNNER_TEMP'] || external_node_os_namespaceObject.tmpdir(), 'bkpfile');
}
function manifestPath(runId, stamp) {
    return path.join(manifestDir(), `manifest-${stamp}-${runId}.json`);
}
/** Where a restore run journals its temporaries (see RestoreJournal). */
function restoreJournalPath(runId) {
    return external_node_path_namespaceObject.join(manifestDir(), `restore-${runId}.journal`);
}
/**
 * The manifest's temporary: its name carries a tag of the run's token, so a post step
 * handed a tampered token never matches (and never removes) the real one.
 */
function manifestTempPath(manifest, token) {
    return `${manifest}.${manifestTempTag(token)}.tmp`;
}
/**
 * The token's first half. It was a hash of the token, to keep all of the token out of a
 * file name; but the token is no more secret than the state file the runner keeps it in,
 * in the same RUNNER_TEMP, and a hash meant loading node:crypto (3-4 ms) at every start.
 */
function manifestTempTag(token) {
    return token.slice(0, 16);
}
/** Entries are written out in batches of about this many bytes. */
const FLUSH_BYTES = (/* unused pure expression or super */ null && (64 * 1024));
/**
 * Writes a manifest as a stream, one file's entry per line as each file is done, so the run
 * keeps none of them: through a temporary (registered for cleanup, and named in the step's
 * state for the post step) that is renamed into place when the run ends. Writes are
 * synchronous: the end comes on the way out, also after a cancel, when libuv's threads may
 * be stuck in uninterruptible copies.
 */
class ManifestWriter {
    file;
    temp;
    fd;
    resources;
    pending = [];
    pendingBytes = 0;
    entries = 0;
    /** The first write that failed; nothing more is written after it. */
    failure;
    constructor(file, temp, fd, resources) {
        this.file = file;
        this.temp = temp;
        this.fd = fd;
        this.resources = resources;
    }
    static open(file, temp, head, resources) {
        mkdirSync(path.dirname(file), { recursive: true });
        resources.addTempFile(temp);
        const writer = new ManifestWriter(file, temp, openSync(temp, 'w', 0o644), resources);
        const text = JSON.stringify({ ...head, files: [] }, null, 1);
        writer.write(`${text.slice(0, text.lastIndexOf('[]'))}[`);
        return writer;
    }
    add(entry) {
        this.addJson(JSON.stringify(entry));
    }
    /** An entry already written as JSON (JSON.stringify of a ManifestEntry). */
    addJson(json) {
        const line = `${this.entries++ ? ',' : ''}\n  ${json}`;
        this.pending.push(line);
        this.pendingBytes += line.length;
        if (this.pendingBytes > FLUSH_BYTES)
            this.flush();
    }
    /** Writes the outcome and gives the manifest its name; throws what failed on the way. */
    finish(outcome) {
        this.pending.push(`${this.entries ? '\n ' : ''}],\n "outcome": ${JSON.stringify(outcome)}\n}\n`);
        this.flush();
        this.close();
        if (this.failure !== undefined)
            throw this.failure;
        renameSync(this.temp, this.file);
        this.resources.removeTempFile(this.temp);
    }
    /** Closes the temporary without naming it (the resources remove it). */
    close() {
        if (this.fd === undefined)
            return;
        try {
            closeSync(this.fd);
        }
        catch (err) {
            this.failure ??= err;
        }
        this.fd = undefined;
    }
    flush() {
        this.write(this.pending.join(''));
        this.pending = [];
        this.pendingBytes = 0;
    }
    write(text) {
        if (this.failure !== undefined || this.fd === undefined)
            return;
        try {
            const buffer = Buffer.from(text);
            for (let offset = 0; offset < buffer.length;)
                offset += writeSync(this.fd, buffer, offset);
        }
        catch (err) {
            this.failure = err; // ENOSPC in RUNNER_TEMP, say: reported at the end, the run goes on
        }
    }
}
const MAX_MANIFEST_BYTES = (/* unused pure expression or super */ null && (512 * 1024 * 1024));
/**
 * Reads a backup step's manifest for restore. Anything that is not one (not JSON, another
 * tool's, another version, a dry run's) is an input error naming `input`. Its paths are
 * only hints: restore checks every one against the backup-dir input.
 */
async function readManifestFiles(file, input) {
    const bad = (why) => new InputError(`Input '${input}': ${file} ${why}`);
    let text;
    try {
        const stat = await fs.stat(file);
        if (!stat.isFile())
            throw bad('is not a regular file.');
        if (stat.size > MAX_MANIFEST_BYTES)
            throw bad('is larger than 512 MiB: it is not a manifest of this action.');
        text = await fs.readFile(file, 'utf8');
    }
    catch (err) {
        if (err instanceof InputError)
            throw err;
        throw bad(`cannot be read: ${errorMessage(err)}`);
    }
    let doc;
    try {
        doc = JSON.parse(text);
    }
    catch {
        throw bad("is not JSON: give the 'manifest' output of a bkpfile-action backup step.");
    }
    const record = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (!record(doc) || doc['tool'] !== 'bkpfile-action' || !Array.isArray(doc['files'])) {
        throw bad("is not a bkpfile-action manifest: give the 'manifest' output of a backup step.");
    }
    if (doc['version'] !== MANIFEST_VERSION)
        throw bad(`has version ${JSON.stringify(doc['version'])}; this action reads version ${MANIFEST_VERSION}.`);
    if (doc['dryRun'] !== false) {
        throw bad('is the manifest of a dry run: it names backups that were never made. Give the manifest of a backup step that ran without dry-run.');
    }
    return doc['files'].map((entry, i) => {
        if (!record(entry) ||
            typeof entry['source'] !== 'string' ||
            entry['source'] === '' ||
            entry['source'].includes('\0') ||
            (entry['backup'] !== null && typeof entry['backup'] !== 'string') ||
            typeof entry['status'] !== 'string') {
            throw bad(`is not a valid manifest: files[${i}] needs a source, a backup (or null) and a status.`);
        }
        return { source: entry['source'], backup: entry['backup'], status: entry['status'] };
    });
}

;// CONCATENATED MODULE: ./build/action/safe-text.js
/** Anything safeText changes: a character it escapes, `##[`, or `::` after leading blanks. */
const NEEDS_ESCAPING = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]|##\[|^\s*::/;
/**
 * File names and notes are attacker-controlled (a pull request can add any file name).
 * The runner reads `::name::` at the start of a trimmed line and `##[name]` anywhere in a
 * line as workflow commands, so anything we print that holds such text is escaped first:
 * control characters (line breaks above all) become visible `\n`, `\u001b`, \u2026; `##[`
 * becomes `#\u0023[`; a leading `::` cannot occur because every line starts with our text.
 */
function safe_text_safeText(text) {
    if (!NEEDS_ESCAPING.test(text))
        return text; // most names: one scan, no copy
    return text
        .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\\]/g, ch => {
        switch (ch) {
            case '\\':
                return '\\\\';
            case '\n':
                return '\\n';
            case '\r':
                return '\\r';
            case '\t':
                return '\\t';
            default:
                return `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
        }
    })
        .replace(/##\[/g, '#\\u0023[')
        .replace(/^(\s*)::/, '$1:\\u003a');
}
/** For the job summary (HTML): escaped for HTML and free of line breaks. */
function htmlText(text) {
    return safe_text_safeText(text).replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./build/action/state-helper.js


function saveCleanupState(state) {
    core.saveStates([
        [State.RunId, state.runId],
        [State.Token, state.token],
        [State.StagingDir, state.stagingDir],
        [State.ManifestTemp, state.manifestTemp]
    ]);
}
const extraStagingDirs = (/* unused pure expression or super */ null && ([]));
/** Records another staging directory (on a mount inside the backup directory) before it exists. */
function saveExtraStagingDir(dir) {
    if (extraStagingDirs.includes(dir))
        return; // tried again after a failure: known already
    extraStagingDirs.push(dir);
    core.saveState(State.ExtraStagingDirs, extraStagingDirs.join('\n'));
}
/**
 * The staging directory could not be created, and nothing of it is left: the post step must
 * not look for it (the last value saved for a name is the one the post step gets).
 */
function saveNoStagingDir() {
    core.saveState(State.StagingDir, '');
}
/**
 * What the post step was handed; undefined when main never got as far as saving it.
 * `stagingDir` is '' when main could not create one.
 */
function readCleanupState() {
    const runId = getState(constants_State.RunId);
    if (!runId)
        return undefined;
    return {
        stagingDir: getState(constants_State.StagingDir),
        extraStagingDirs: getState(constants_State.ExtraStagingDirs).split('\n').filter(Boolean),
        runId,
        token: getState(constants_State.Token),
        manifestTemp: getState(constants_State.ManifestTemp)
    };
}
function saveRestoreCleanupState(state) {
    core.saveStates([
        [State.RunId, state.runId],
        [State.Token, state.token],
        [State.RestoreJournal, state.journal]
    ]);
}
function readRestoreCleanupState() {
    const journal = getState(constants_State.RestoreJournal);
    if (!journal)
        return undefined;
    return { journal, runId: getState(constants_State.RunId), token: getState(constants_State.Token) };
}

;// CONCATENATED MODULE: ./build/steps/cleanup-step.js










/** The post step never holds up the job: it gives up (with a warning) after this long. */
const POST_DEADLINE_MS = 10_000;
/**
 * The post step: removes what a main step that was killed (SIGKILL) could not, after
 * proving it is that run's own. Its problems are warnings, never a failure.
 */
async function run(deadlineMs = POST_DEADLINE_MS) {
    let timer;
    try {
        const deadline = new Promise(resolve => {
            timer = setTimeout(resolve, deadlineMs, 'deadline');
            timer.unref();
        });
        const restoreState = readRestoreCleanupState();
        if (restoreState)
            return await cleanUpAfterRestore(restoreState, deadline, deadlineMs);
        const state = readCleanupState();
        if (!state) {
            debug('No state from the main step: it created nothing to clean up.');
            return;
        }
        const expected = await expectedStagingDir(state.runId);
        // '' when the main step could not create one: there is nothing to look for.
        const dirs = [...(state.stagingDir ? [state.stagingDir] : []), ...state.extraStagingDirs];
        let removed = 0;
        let refused = false;
        for (const dir of dirs) {
            const report = await Promise.race([removeStagingDir(dir, state, dir === expected), deadline]);
            if (report === 'deadline') {
                warning(`Post-step cleanup gave up after ${deadlineMs / 1000} s; ${safe_text_safeText(dir)} may hold temporaries.`);
                return;
            }
            if (report.refused)
                warning(safe_text_safeText(`Post-step cleanup left ${dir} alone: ${report.refused}.`));
            for (const problem of report.problems)
                warning(safe_text_safeText(`Post-step cleanup: ${problem}`));
            removed += report.removed;
            refused ||= report.refused !== undefined;
        }
        if (removed)
            info(`Removed ${removed} temporary file(s) left by the main step.`);
        else if (!refused)
            info('Nothing to clean up: the main step left no temporaries.');
        await removeManifestTemp(state.manifestTemp, state.runId, state.token);
    }
    catch (err) {
        warning(safe_text_safeText(`Post-step cleanup failed: ${fs_errors_errorMessage(err)}`));
    }
    finally {
        clearTimeout(timer);
    }
}
/** The restore step's temporaries, beside the files it was restoring, found through its journal. */
async function cleanUpAfterRestore(state, deadline, deadlineMs) {
    const report = await Promise.race([removeJournaledTemps(state.journal, state, restoreJournalPath(state.runId)), deadline]);
    if (report === 'deadline') {
        warning(`Post-step cleanup gave up after ${deadlineMs / 1000} s; the restore's temporaries listed in ${safe_text_safeText(state.journal)} may remain.`);
        return;
    }
    if (report.refused)
        warning(safe_text_safeText(`Post-step cleanup left ${state.journal} alone: ${report.refused}.`));
    for (const problem of report.problems)
        warning(safe_text_safeText(`Post-step cleanup: ${problem}`));
    if (report.removed)
        info(`Removed ${report.removed} temporary file(s) left by the restore step; the files they were restoring were left as they were.`);
    else if (!report.refused)
        info('Nothing to clean up: the restore step left no temporaries.');
}
/** Where this run's staging directory must be, from the step's own inputs (not from state). */
async function expectedStagingDir(runId) {
    try {
        const workspace = external_node_path_namespaceObject.resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());
        const { backupDir } = await resolveBackupDir(name => getInput(name), workspace);
        return stagingPath(backupDir, runId);
    }
    catch {
        return undefined;
    }
}
/** The manifest's temporary, only in the manifest directory and by its exact shape. */
async function removeManifestTemp(file, runId, token) {
    if (!/^[0-9a-f]{16}$/.test(runId) || !/^[0-9a-f]{32}$/.test(token) || !external_node_path_namespaceObject.isAbsolute(file) || external_node_path_namespaceObject.resolve(file) !== file)
        return;
    if (external_node_path_namespaceObject.dirname(file) !== manifestDir())
        return;
    // Named for this run and tagged with its token: a tampered token never matches.
    const name = new RegExp(`^manifest-\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-${runId}\\.json\\.${manifestTempTag(token)}\\.tmp$`);
    if (!name.test(external_node_path_namespaceObject.basename(file)))
        return;
    try {
        if ((await external_node_fs_namespaceObject.promises.lstat(file)).isFile())
            await external_node_fs_namespaceObject.promises.unlink(file);
    }
    catch (err) {
        if (fs_errors_errnoCode(err) !== 'ENOENT')
            warning(safe_text_safeText(`Post-step cleanup: ${file}: ${fs_errors_errorMessage(err)}`));
    }
}

;// CONCATENATED MODULE: ./build/entrypoints/post.js
// First: the light `crypto` and `assert` that @actions/core and @actions/glob are given.




useLightStdout(); // before anything is printed
// The post step never fails the job: its own problems are reported as warnings.
void run().finally(() => endProcess(0));


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
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
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
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".index.cjs.js";
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
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
__nccwpck_require__(7754);

module.exports = __webpack_exports__;
/******/ })()
;