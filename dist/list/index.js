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

/***/ 8029:
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
function issue(name, message = '') {
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
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${utils_toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function file_command_prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = utils_toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_namespaceObject.EOL}${convertedValue}${external_os_namespaceObject.EOL}${delimiter}`;
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
        return file_command_issueFileCommand('OUTPUT', file_command_prepareKeyValueMessage(name, value));
    process.stdout.write(external_node_os_namespaceObject.EOL);
    command_issueCommand('set-output', { name }, utils_toCommandValue(value));
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
        return file_command_issueFileCommand('OUTPUT', outputs.map(([name, value]) => file_command_prepareKeyValueMessage(name, value)).join(external_node_os_namespaceObject.EOL));
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
    command_issueCommand('error', {}, message);
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
function safeText(text) {
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
function safe_text_htmlText(text) {
    return safeText(text).replace(/[&<>"']/g, ch => `&#${ch.charCodeAt(0)};`);
}

;// CONCATENATED MODULE: ./build/action/step-outcome.js


const succeeded = (message) => ({ level: 'info', message });
const failed = (message) => ({ level: 'failure', message });
/** `if-no-files-found`, as actions/upload-artifact has it: warn, fail the step, or say it plainly. */
function noFilesFound(mode, message) {
    return { level: mode === 'error' ? 'failure' : mode === 'warn' ? 'warning' : 'info', message };
}
/** Prints the outcome, failing the step when it is a failure. Names in it are escaped. */
function reportOutcome(outcome) {
    const text = safeText(outcome.message);
    if (outcome.level === 'failure')
        setFailed(text);
    else if (outcome.level === 'warning')
        warning(text);
    else
        info(text);
}

;// CONCATENATED MODULE: ./build/action/young-generation.js
/** How large V8's new space (its two semi-spaces) may grow, in MiB. */
const NEW_SPACE_CAP_MIB = 8;
const CHECK_EVERY_MS = 20;
/**
 * Keeps V8's young generation small, so that memory does not grow with the number of files.
 * Left alone, V8 doubles the new space whenever enough objects have survived collections
 * since it last grew, which a long walk of many files always ends up doing: up to 64 MiB
 * of a 100,000-file dry run's peak. `--max-semi-space-size` would cap it, but an action
 * cannot pass Node flags (`runs.using` takes none), and V8 reads that one only when the
 * heap is set up. It reads the growth factor each time it grows the new space, though: once
 * the new space reaches the cap, a factor of 1 stops it growing. Measured on the 100,000-file
 * dry run: a peak of 113 MiB instead of 166 with a cap of 16 MiB, 92-94 MiB with 8 (and 20,000
 * small files backed up with a worker thread: 108-115 MiB instead of 120-122), in the same
 * time; a cap of 4 saved little more and made the backup a little slower.
 *
 * The factor is one for the whole process. Worker threads started after it is set keep the
 * new space they start with (the backup measured no slower for it); on Node 20, starting a
 * worker sets the factor back to 2, so it is set again at every check that finds the new
 * space at the cap. Checked every few ms while the process runs, by a timer that never
 * keeps it alive; `node:v8` is loaded at the first check, so a step that is over sooner
 * never loads it.
 */
function capYoungGeneration() {
    let v8;
    const timer = setInterval(check, CHECK_EVERY_MS);
    timer.unref();
    function check() {
        v8 ??= process.getBuiltinModule('node:v8');
        const newSpace = v8.getHeapSpaceStatistics().find(space => space.space_name === 'new_space');
        if (!newSpace)
            return clearInterval(timer); // another V8: leave it be
        if (newSpace.space_size >= NEW_SPACE_CAP_MIB * 1024 * 1024)
            v8.setFlagsFromString('--semi-space-growth-factor=1');
    }
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
function backup_name_parseBackupName(entryName) {
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
function status_isFailure(status) {
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
        const readings = backup_name_parseBackupName(name).filter(r => r.fileName !== '.' && r.fileName !== '..');
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
        stat = lstatSync(dir, { throwIfNoEntry: false });
    }
    catch {
        // ENOTDIR and the rest: the readdir below decides, as it always did
    }
    if (stat === undefined)
        return new DirectoryBackups(dir, false);
    try {
        const entries = readdirSync(dir, { withFileTypes: true });
        return DirectoryBackups.fromNames(dir, true, entries.filter(e => e.isFile()).map(e => e.name));
    }
    catch (err) {
        const code = errnoCode(err);
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return new DirectoryBackups(dir, false);
        throw err;
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
function paths_isInside(parent, child, p = external_node_path_namespaceObject_0) {
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
    if (paths_isInside(workspace, dir, p))
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
function sourceDirOf(backupDir, workspace, dir, p = external_node_path_namespaceObject_0) {
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
    if (!paths_isInside(workspace, source, p))
        return false;
    return p.relative(workspace, source).split(p.sep)[0] === OUTSIDE_DIR;
}
/**
 * Removes `dir` and then its parents up to `top` (a directory this run created, at or above
 * it) while they are empty; stops at the first that is not (rmdir never removes content).
 */
function paths_removeEmptyDirs(dir, top) {
    for (let d = dir; paths_isInside(top, d); d = path.dirname(d)) {
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
function paths_displayPath(workspace, target) {
    if (external_node_path_namespaceObject.sep === '/' && target.charCodeAt(workspace.length) === 0x2f && hasPrefix(target, workspace)) {
        const rest = target.slice(workspace.length + 1);
        if (!hasDotDot(rest))
            return rest;
    }
    if (!paths_isInside(workspace, target))
        return target;
    return external_node_path_namespaceObject.relative(workspace, target).split(external_node_path_namespaceObject.sep).join('/') || '.';
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

;// CONCATENATED MODULE: ./build/engine/open-source.js

/** Where a process's open descriptors are paths (Linux). */
const open_source_PROC_FD = '/proc/self/fd';
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
        const fdPath = `${open_source_PROC_FD}/${fd}`; // /proc exists only where the separator is /
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
        const inFolder = this.home >= 0 ? name : `${open_source_PROC_FD}/${this.fd}/${name}`;
        let fd;
        try {
            fd = openSync(inFolder, SOURCE_FLAGS | (fsConstants.O_NOFOLLOW ?? 0));
        }
        catch (err) {
            throw namingSource(err, inFolder, source);
        }
        try {
            const real = this.realPrefix + name;
            return { fd, stat: fstatSync(fd), readPath: `${open_source_PROC_FD}/${fd}`, realPath: () => real };
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
            process.chdir(`${open_source_PROC_FD}/${fd}`);
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
            process.chdir(`${open_source_PROC_FD}/${this.home}`);
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
            const real = readlinkSync(`${open_source_PROC_FD}/${fd}`).replace(DELETED, '');
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
const MAX_RESERVATIONS_BYTES = (/* unused pure expression or super */ null && (64 * 1024 * 1024));
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
    return path.join(backupDir, `${STAGING_PREFIX}${runId}`);
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
        return isOwnDirectoryStat(await fs.lstat(dir));
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
            await removeStagedFolder(path.join(dir, name), report);
            continue;
        }
        if (TEMP_NAME.test(name))
            await removeRegularFile(path.join(dir, name), report);
    }
}
/** Removes `file` if it is a regular file (a symbolic link is not followed), counting it. */
async function removeRegularFile(file, report) {
    try {
        if (!(await fs.lstat(file)).isFile())
            return;
        await fs.unlink(file);
        report.removed += 1;
    }
    catch (err) {
        if (errnoCode(err) !== 'ENOENT')
            report.problems.push(`${file}: ${errorMessage(err)}`);
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
        handle = await fs.open(folder, fsConstants.O_RDONLY | (fsConstants.O_DIRECTORY ?? 0) | (fsConstants.O_NOFOLLOW ?? 0));
    }
    catch (err) {
        // A symbolic link (ELOOP), not a folder, or gone: not one of ours.
        const code = errnoCode(err);
        if (code !== 'ENOENT' && code !== 'ELOOP' && code !== 'ENOTDIR')
            report.problems.push(`${folder}: ${errorMessage(err)}`);
        return;
    }
    try {
        if (!isOwnDirectoryStat(await handle.stat()))
            return;
        const inside = existsSync(PROC_FD) ? `${PROC_FD}/${handle.fd}` : folder;
        for (const name of await fs.readdir(inside)) {
            if (parseBackupName(name).length > 0)
                await removeRegularFile(path.join(inside, name), report);
        }
    }
    catch (err) {
        if (errnoCode(err) !== 'ENOENT')
            report.problems.push(`${folder}: ${errorMessage(err)}`);
    }
    finally {
        await handle.close();
    }
    try {
        await fs.rmdir(folder);
    }
    catch (err) {
        if (errnoCode(err) !== 'ENOENT')
            report.problems.push(`${folder}: ${errorMessage(err)}`);
    }
}
/**
 * After a SIGKILL on a file system without hard links: the backup names the run had taken
 * but not yet filled. Only what the journal lists, inside the directory that holds this
 * staging directory, named like a backup, and still the very empty file the run created
 * (same inode: a finished backup, or a name another run holds, is another file).
 */
async function removeEmptyReservations(dir, top, report) {
    const journal = path.join(dir, RESERVATIONS);
    try {
        const stat = await fs.lstat(journal);
        if (!stat.isFile() || stat.size > MAX_RESERVATIONS_BYTES)
            return void report.problems.push(`${journal}: not a journal of this run`);
        for (const line of (await fs.readFile(journal, 'utf8')).split('\n')) {
            let entry;
            try {
                entry = JSON.parse(line);
            }
            catch {
                continue; // a line cut short by the kill
            }
            const { target, ino } = (entry ?? {});
            if (typeof target !== 'string' || typeof ino !== 'number' || path.resolve(target) !== target || !isInside(top, target) || target === top)
                continue;
            if (parseBackupName(path.basename(target)).length === 0)
                continue;
            try {
                const file = await fs.lstat(target);
                if (!file.isFile() || file.ino !== ino || file.size !== 0 || (typeof process.getuid === 'function' && file.uid !== process.getuid()))
                    continue;
                await fs.unlink(target);
                report.removed += 1;
            }
            catch (err) {
                if (errnoCode(err) !== 'ENOENT')
                    report.problems.push(`${target}: ${errorMessage(err)}`);
            }
        }
        await fs.unlink(journal);
    }
    catch (err) {
        if (errnoCode(err) !== 'ENOENT')
            report.problems.push(`${journal}: ${errorMessage(err)}`);
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

;// CONCATENATED MODULE: ./build/engine/backup-tree.js







/** How long the walk reads directories before it lets timers and signals run, in ms. */
const SLICE_MS = 20;
/**
 * Walks the backup directory once, one `readdir` per directory, and yields each directory
 * that holds backups with the source directory it mirrors. Symbolic links are never
 * followed (a backup is a regular file in a real directory), and the staging directories
 * are skipped. Each `readdir` is synchronous (a round trip through libuv's thread pool per
 * directory cost 0.1 s of waiting in a restore of 20,000 files in 400 folders); every
 * SLICE_MS the walk lets timers and signals run.
 */
async function* walkBackupTree(options) {
    const { backupDir, workspace, signal } = options;
    const pending = [backupDir];
    const slice = new TimeSlice(SLICE_MS);
    while (pending.length > 0) {
        if (slice.due)
            await slice.pause();
        signal.throwIfAborted();
        const dir = pending.pop();
        let entries;
        try {
            entries = (0,external_node_fs_namespaceObject.readdirSync)(dir, { withFileTypes: true });
        }
        catch (err) {
            const code = fs_errors_errnoCode(err);
            if (code === 'ENOENT' || (code === 'ENOTDIR' && dir === backupDir))
                continue;
            options.onError?.(dir, fs_errors_errorMessage(err));
            continue;
        }
        const names = [];
        const subdirs = [];
        for (const entry of entries) {
            if (entry.isFile())
                names.push(entry.name);
            else if (entry.isDirectory() && !(dir === backupDir && entry.name.startsWith(STAGING_PREFIX))) {
                subdirs.push(external_node_path_namespaceObject.join(dir, entry.name));
            }
        }
        // Sorted, so the walk (and what is built from it) is the same on every run.
        for (const sub of subdirs.sort().reverse()) {
            const sourceDir = sourceDirOf(backupDir, workspace, sub);
            // The outside area itself maps to no directory; its subdirectories do.
            if (sourceDir === undefined || !options.wanted || options.wanted(sourceDir))
                pending.push(sub);
        }
        const sourceDir = sourceDirOf(backupDir, workspace, dir);
        if (sourceDir === undefined || names.length === 0)
            continue;
        yield { dir, sourceDir, backups: DirectoryBackups.fromNames(dir, true, names) };
    }
}

;// CONCATENATED MODULE: ./build/engine/backup-listing.js




/**
 * The backups of the matched files, by file (sorted by path), each file's newest first as
 * `bkpfile --list` orders them: by the backup file's modification time (a copy keeps its
 * source's), then by the time in the name and the same-minute counter.
 */
async function listBackups(options) {
    const { matcher } = options;
    const listed = [];
    const seen = new Set();
    for await (const mirrored of walkBackupTree({
        ...options,
        ...(matcher ? { wanted: (dir) => matcher.mayMatchBelow(dir) } : {})
    })) {
        // A folder a `\u2026/**` pattern takes whole needs no match per file.
        const all = !matcher || matcher.matchesAllBelow(mirrored.sourceDir);
        for (const fileName of mirrored.backups.fileNames()) {
            const source = paths_joinName(mirrored.sourceDir, fileName);
            if (!all && !matcher.matchesFile(source))
                continue;
            for (const entry of mirrored.backups.backupsOf(fileName)) {
                if (seen.has(entry.path))
                    continue; // a name that reads two ways is listed once
                // Synchronous, as the walk's readdir: a round trip through libuv's thread pool per
                // backup would cost more than the call. The walk lets signals run between folders.
                const stat = (0,external_node_fs_namespaceObject.lstatSync)(entry.path, { throwIfNoEntry: false });
                if (stat === undefined)
                    continue; // removed since the directory was read
                if (!stat.isFile())
                    continue;
                seen.add(entry.path);
                listed.push({
                    backup: entry.path,
                    source,
                    stamp: entry.stamp,
                    time: stampToDate(entry.stamp),
                    seq: entry.seq,
                    note: entry.note,
                    size: stat.size,
                    modified: stat.mtime
                });
            }
        }
    }
    return listed.sort((a, b) => compareText(a.source, b.source) || b.modified.getTime() - a.modified.getTime() || compareBackupAge(b, a) || compareText(a.backup, b.backup));
}
const compareText = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

;// CONCATENATED MODULE: ./build/action/constants.js
/** Input names, exactly as in action.yml. */
const constants_Inputs = {
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
const constants_Outputs = {
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
const IF_NO_FILES_FOUND = ['warn', 'error', 'ignore'];

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
            throw new input_error_InputError(`Input '${constants_Inputs.Config}': ${file} is not a regular file.`);
        if (stat.size > MAX_CONFIG_BYTES)
            throw new input_error_InputError(`Input '${constants_Inputs.Config}': ${file} is larger than 1 MiB.`);
        text = await external_node_fs_namespaceObject.promises.readFile(file, 'utf8');
    }
    catch (err) {
        if (err instanceof input_error_InputError)
            throw err;
        if (fs_errors_errnoCode(err) === 'ENOENT' && !required)
            return undefined;
        throw new input_error_InputError(`Input '${constants_Inputs.Config}': cannot read ${file}: ${fs_errors_errorMessage(err)}`);
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
        throw new input_error_InputError(`Input '${constants_Inputs.Config}': ${file} is not valid YAML: ${fs_errors_errorMessage(err).split('\n')[0]}`);
    }
    if (doc === null || doc === undefined)
        return { file, backupDirPath: undefined, useCurrentDirName: false };
    if (typeof doc !== 'object' || Array.isArray(doc)) {
        throw new input_error_InputError(`Input '${constants_Inputs.Config}': ${file} must be a YAML mapping of bkpfile settings (such as backup_dir_path).`);
    }
    const settings = doc;
    const dir = settings['backup_dir_path'];
    if (dir !== undefined && dir !== null && (typeof dir !== 'string' || dir.trim() === '')) {
        throw new input_error_InputError(`Input '${constants_Inputs.Config}': backup_dir_path in ${file} must be a non-empty string (a directory path).`);
    }
    const useName = settings['use_current_dir_name'];
    if (useName !== undefined && useName !== null && typeof useName !== 'boolean') {
        throw new input_error_InputError(`Input '${constants_Inputs.Config}': use_current_dir_name in ${file} must be true or false.`);
    }
    return { file, backupDirPath: typeof dir === 'string' ? dir.trim() : undefined, useCurrentDirName: useName === true };
}

;// CONCATENATED MODULE: ./build/action/backup-dir-input.js



/** backup-dir, else backup_dir_path from the config file, else `.bkpfile` (also used by the post step). */
async function backup_dir_input_resolveBackupDir(getInput, workspace) {
    const configInput = getInput(constants_Inputs.Config) || DEFAULT_CONFIG;
    const config = await readConfigFile(external_node_path_namespaceObject.resolve(workspace, configInput), configInput !== DEFAULT_CONFIG);
    const explicitDir = getInput(constants_Inputs.BackupDir);
    const [dirValue, backupDirFrom] = explicitDir
        ? [explicitDir, 'input']
        : config?.backupDirPath
            ? [config.backupDirPath, 'config']
            : [DEFAULT_BACKUP_DIR, 'default'];
    let backupDir = external_node_path_namespaceObject.resolve(workspace, dirValue);
    if (backupDirFrom === 'config' && config?.useCurrentDirName)
        backupDir = external_node_path_namespaceObject.join(backupDir, external_node_path_namespaceObject.basename(workspace));
    const dirWhat = backupDirFrom === 'config' ? `backup_dir_path in ${configInput}` : `Input '${constants_Inputs.BackupDir}'`;
    return { backupDir, backupDirFrom, configFile: config?.file, dirWhat };
}

;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-match-kind.js
/**
 * Indicates whether a pattern matches a path
 */
var MatchKind;
(function (MatchKind) {
    /** Not matched */
    MatchKind[MatchKind["None"] = 0] = "None";
    /** Matched if the path is a directory */
    MatchKind[MatchKind["Directory"] = 1] = "Directory";
    /** Matched if the path is a regular file */
    MatchKind[MatchKind["File"] = 2] = "File";
    /** Matched */
    MatchKind[MatchKind["All"] = 3] = "All";
})(MatchKind || (MatchKind = {}));
//# sourceMappingURL=internal-match-kind.js.map
;// CONCATENATED MODULE: external "path"
const external_path_namespaceObject = require("path");
;// CONCATENATED MODULE: external "assert"
const external_assert_namespaceObject = require("assert");
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-path-helper.js


const IS_WINDOWS = process.platform === 'win32';
/**
 * Similar to path.dirname except normalizes the path separators and slightly better handling for Windows UNC paths.
 *
 * For example, on Linux/macOS:
 * - `/               => /`
 * - `/hello          => /`
 *
 * For example, on Windows:
 * - `C:\             => C:\`
 * - `C:\hello        => C:\`
 * - `C:              => C:`
 * - `C:hello         => C:`
 * - `\               => \`
 * - `\hello          => \`
 * - `\\hello         => \\hello`
 * - `\\hello\world   => \\hello\world`
 */
function dirname(p) {
    // Normalize slashes and trim unnecessary trailing slash
    p = safeTrimTrailingSeparator(p);
    // Windows UNC root, e.g. \\hello or \\hello\world
    if (IS_WINDOWS && /^\\\\[^\\]+(\\[^\\]+)?$/.test(p)) {
        return p;
    }
    // Get dirname
    let result = external_path_namespaceObject.dirname(p);
    // Trim trailing slash for Windows UNC root, e.g. \\hello\world\
    if (IS_WINDOWS && /^\\\\[^\\]+\\[^\\]+\\$/.test(result)) {
        result = safeTrimTrailingSeparator(result);
    }
    return result;
}
/**
 * Roots the path if not already rooted. On Windows, relative roots like `\`
 * or `C:` are expanded based on the current working directory.
 */
function ensureAbsoluteRoot(root, itemPath) {
    external_assert_namespaceObject(root, `ensureAbsoluteRoot parameter 'root' must not be empty`);
    external_assert_namespaceObject(itemPath, `ensureAbsoluteRoot parameter 'itemPath' must not be empty`);
    // Already rooted
    if (hasAbsoluteRoot(itemPath)) {
        return itemPath;
    }
    // Windows
    if (IS_WINDOWS) {
        // Check for itemPath like C: or C:foo
        if (itemPath.match(/^[A-Z]:[^\\/]|^[A-Z]:$/i)) {
            let cwd = process.cwd();
            external_assert_namespaceObject(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
            // Drive letter matches cwd? Expand to cwd
            if (itemPath[0].toUpperCase() === cwd[0].toUpperCase()) {
                // Drive only, e.g. C:
                if (itemPath.length === 2) {
                    // Preserve specified drive letter case (upper or lower)
                    return `${itemPath[0]}:\\${cwd.substr(3)}`;
                }
                // Drive + path, e.g. C:foo
                else {
                    if (!cwd.endsWith('\\')) {
                        cwd += '\\';
                    }
                    // Preserve specified drive letter case (upper or lower)
                    return `${itemPath[0]}:\\${cwd.substr(3)}${itemPath.substr(2)}`;
                }
            }
            // Different drive
            else {
                return `${itemPath[0]}:\\${itemPath.substr(2)}`;
            }
        }
        // Check for itemPath like \ or \foo
        else if (normalizeSeparators(itemPath).match(/^\\$|^\\[^\\]/)) {
            const cwd = process.cwd();
            external_assert_namespaceObject(cwd.match(/^[A-Z]:\\/i), `Expected current directory to start with an absolute drive root. Actual '${cwd}'`);
            return `${cwd[0]}:\\${itemPath.substr(1)}`;
        }
    }
    external_assert_namespaceObject(hasAbsoluteRoot(root), `ensureAbsoluteRoot parameter 'root' must have an absolute root`);
    // Otherwise ensure root ends with a separator
    if (root.endsWith('/') || (IS_WINDOWS && root.endsWith('\\'))) {
        // Intentionally empty
    }
    else {
        // Append separator
        root += external_path_namespaceObject.sep;
    }
    return root + itemPath;
}
/**
 * On Linux/macOS, true if path starts with `/`. On Windows, true for paths like:
 * `\\hello\share` and `C:\hello` (and using alternate separator).
 */
function hasAbsoluteRoot(itemPath) {
    external_assert_namespaceObject(itemPath, `hasAbsoluteRoot parameter 'itemPath' must not be empty`);
    // Normalize separators
    itemPath = normalizeSeparators(itemPath);
    // Windows
    if (IS_WINDOWS) {
        // E.g. \\hello\share or C:\hello
        return itemPath.startsWith('\\\\') || /^[A-Z]:\\/i.test(itemPath);
    }
    // E.g. /hello
    return itemPath.startsWith('/');
}
/**
 * On Linux/macOS, true if path starts with `/`. On Windows, true for paths like:
 * `\`, `\hello`, `\\hello\share`, `C:`, and `C:\hello` (and using alternate separator).
 */
function hasRoot(itemPath) {
    external_assert_namespaceObject(itemPath, `isRooted parameter 'itemPath' must not be empty`);
    // Normalize separators
    itemPath = normalizeSeparators(itemPath);
    // Windows
    if (IS_WINDOWS) {
        // E.g. \ or \hello or \\hello
        // E.g. C: or C:\hello
        return itemPath.startsWith('\\') || /^[A-Z]:/i.test(itemPath);
    }
    // E.g. /hello
    return itemPath.startsWith('/');
}
/**
 * Removes redundant slashes and converts `/` to `\` on Windows
 */
function normalizeSeparators(p) {
    p = p || '';
    // Windows
    if (IS_WINDOWS) {
        // Convert slashes on Windows
        p = p.replace(/\//g, '\\');
        // Remove redundant slashes
        const isUnc = /^\\\\+[^\\]/.test(p); // e.g. \\hello
        return (isUnc ? '\\' : '') + p.replace(/\\\\+/g, '\\'); // preserve leading \\ for UNC
    }
    // Remove redundant slashes
    return p.replace(/\/\/+/g, '/');
}
/**
 * Normalizes the path separators and trims the trailing separator (when safe).
 * For example, `/foo/ => /foo` but `/ => /`
 */
function safeTrimTrailingSeparator(p) {
    // Short-circuit if empty
    if (!p) {
        return '';
    }
    // Normalize separators
    p = normalizeSeparators(p);
    // No trailing slash
    if (!p.endsWith(external_path_namespaceObject.sep)) {
        return p;
    }
    // Check '/' on Linux/macOS and '\' on Windows
    if (p === external_path_namespaceObject.sep) {
        return p;
    }
    // On Windows check if drive root. E.g. C:\
    if (IS_WINDOWS && /^[A-Z]:\\$/i.test(p)) {
        return p;
    }
    // Otherwise trim trailing slash
    return p.substr(0, p.length - 1);
}
//# sourceMappingURL=internal-path-helper.js.map
;// CONCATENATED MODULE: ./node_modules/balanced-match/dist/esm/index.js
const balanced = (a, b, str) => {
    const ma = a instanceof RegExp ? maybeMatch(a, str) : a;
    const mb = b instanceof RegExp ? maybeMatch(b, str) : b;
    const r = ma !== null && mb != null && range(ma, mb, str);
    return (r && {
        start: r[0],
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + ma.length, r[1]),
        post: str.slice(r[1] + mb.length),
    });
};
const maybeMatch = (reg, str) => {
    const m = str.match(reg);
    return m ? m[0] : null;
};
const range = (a, b, str) => {
    let begs, beg, left, right = undefined, result;
    let ai = str.indexOf(a);
    let bi = str.indexOf(b, ai + 1);
    let i = ai;
    if (ai >= 0 && bi > 0) {
        if (a === b) {
            return [ai, bi];
        }
        begs = [];
        left = str.length;
        while (i >= 0 && !result) {
            if (i === ai) {
                begs.push(i);
                ai = str.indexOf(a, i + 1);
            }
            else if (begs.length === 1) {
                const r = begs.pop();
                if (r !== undefined)
                    result = [r, bi];
            }
            else {
                beg = begs.pop();
                if (beg !== undefined && beg < left) {
                    left = beg;
                    right = bi;
                }
                bi = str.indexOf(b, i + 1);
            }
            i = ai < bi && ai >= 0 ? ai : bi;
        }
        if (begs.length && right !== undefined) {
            result = [left, right];
        }
    }
    return result;
};
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/brace-expansion/dist/esm/index.js

const escSlash = '\0SLASH' + Math.random().toFixed(16) + '\0';
const escOpen = '\0OPEN' + Math.random().toFixed(16) + '\0';
const escClose = '\0CLOSE' + Math.random().toFixed(16) + '\0';
const escComma = '\0COMMA' + Math.random().toFixed(16) + '\0';
const escPeriod = '\0PERIOD' + Math.random().toFixed(16) + '\0';
const escSlashPattern = new RegExp(escSlash, 'g');
const escOpenPattern = new RegExp(escOpen, 'g');
const escClosePattern = new RegExp(escClose, 'g');
const escCommaPattern = new RegExp(escComma, 'g');
const escPeriodPattern = new RegExp(escPeriod, 'g');
const slashPattern = /\\\\/g;
const openPattern = /\\{/g;
const closePattern = /\\}/g;
const commaPattern = /\\,/g;
const periodPattern = /\\\./g;
const EXPANSION_MAX = 100_000;
// `EXPANSION_MAX` caps the *number* of expansions, but not their length. An
// input like `'{a,b}'.repeat(1500)` stays under that count - its output is
// truncated to 100k results - while making every result ~1500 characters
// long. The result set, and the intermediate arrays built while combining
// brace sets, then grow large enough to exhaust memory and crash the process
// (CVE-2026-14257). `EXPANSION_MAX_LENGTH` bounds the total number of
// characters the accumulator may hold at any point, so memory stays flat no
// matter how many brace groups are chained. The limit sits well above any
// realistic expansion (100k results hitting `EXPANSION_MAX` measure ~1M
// characters) so legitimate input is unaffected.
const EXPANSION_MAX_LENGTH = 4_000_000;
// `expand_` recurses once per level of brace *nesting* - both when expanding a
// set's comma members and when re-wrapping a set whose body is a single part.
// The CVE-2026-14257 fix made the *tail* iterative (recursion on `m.post`, one
// level per chained group), which left nesting depth unbounded: about 3,100
// levels of `{{{...a,b...}}}` - only ~6KB of input - exhausted the native stack
// and crashed the process. `EXPANSION_MAX_DEPTH` bounds how deep the parser
// will follow nesting. It sits far above any realistic pattern and well below
// the depth at which the stack runs out.
const EXPANSION_MAX_DEPTH = 1_000;
// Bash keeps a quirk where a brace group followed by a comma set still expands
// (`{a},b}`). The parser implements it by rewriting the string and restarting
// the scan, absorbing one `}` per pass. `n` trailing braces therefore cost `n`
// full passes over a string that itself grows by one `escClose` sentinel each
// time - quadratic in `n`, with a ~26x constant from the sentinel's length.
// 128KB of `'{a}' + '}'.repeat(n) + ',z}'` blocked the event loop for 27
// seconds to produce two results. `EXPANSION_MAX_REWRITES` bounds how many
// times the scan may restart. Real `{a},b}` input needs a handful.
const EXPANSION_MAX_REWRITES = 1_000;
// `EXPANSION_MAX_STEPS` bounds the work one `expand` call does, which `max`,
// `maxLength` and `maxDepth` don't: nested sets are rescanned at every level
// and chained groups each rebuild up to `max` results, so 2KB of input could
// block the event loop for over 30 seconds. Each character scanned, result
// built and sequence value generated is a step, and each `expand_` call costs
// `CALL_STEPS` more. Past the budget, the set being expanded and everything
// after it stay literal. A glob needs a few hundred steps, and nesting all the
// way to `EXPANSION_MAX_DEPTH` about 4M.
const EXPANSION_MAX_STEPS = 20_000_000;
// What one `expand_` call costs on top of what it scans and builds. Setting
// one up takes about as long as scanning 16 characters, and a set whose
// results are wrapped to be expanded again makes one call per result, each
// scanning and building next to nothing: 64KB of
// `('{{' + ','.repeat(316) + '}{' + ','.repeat(316) + '}}').repeat(n)` made
// 4M such calls, which spent the budget three times as slowly as anything
// else.
const CALL_STEPS = 16;
function numeric(str) {
    return !isNaN(str) ? parseInt(str, 10) : str.charCodeAt(0);
}
function escapeBraces(str) {
    return str
        .replace(slashPattern, escSlash)
        .replace(openPattern, escOpen)
        .replace(closePattern, escClose)
        .replace(commaPattern, escComma)
        .replace(periodPattern, escPeriod);
}
function unescapeBraces(str) {
    return str
        .replace(escSlashPattern, '\\')
        .replace(escOpenPattern, '{')
        .replace(escClosePattern, '}')
        .replace(escCommaPattern, ',')
        .replace(escPeriodPattern, '.');
}
// Like `target.push(...items)` but doesn't overflow the stack
function pushAll(target, items) {
    for (let i = 0; i < items.length; i++) {
        target.push(items[i]);
    }
}
// `balanced`, run on `masked` (see `maskUnmatchedOpens`), sliced from `str`
// and charged for the characters it walks: up to the group's `}`, or the
// whole string when there is no match or unmatched `{` come first, which
// `unmatched` then flags for masking. Once a call overdraws the budget, it
// and every later one return undefined, so the rest stays literal.
function balancedWithBudget(str, masked, budget) {
    if (budget.remaining < 0) {
        return undefined;
    }
    const r = range('{', '}', masked);
    const unmatched = r !== undefined && masked.indexOf('{') < r[0];
    budget.remaining -= r && !unmatched ? r[1] + 1 : str.length;
    if (!r || budget.remaining < 0) {
        return undefined;
    }
    return {
        end: r[1],
        pre: str.slice(0, r[0]),
        body: str.slice(r[0] + 1, r[1]),
        post: str.slice(r[1] + 1),
        unmatched,
    };
}
// `masked` with every `{` that has no matching `}` swapped for a `\0`, which
// keeps the length, so a scan of it still lines up with the string it was
// made from. Such a `{` is literal either way, but `balanced` only learns that
// one is unmatched by reading to the end of the string, so with one at the
// head of every group (`'{a,{b,c}'.repeat(n)`) each scan read the rest of the
// input. That was quadratic, and once the step budget charged for it, it ran
// out partway through and left the rest literal. A scan of the masked copy
// stops at the group's `}`. It is one pass, charged as such.
function maskUnmatchedOpens(masked, budget) {
    budget.remaining -= masked.length;
    const open = [];
    for (let i = 0; i < masked.length; i++) {
        const c = masked.charCodeAt(i);
        if (c === 0x7b) {
            open.push(i);
        }
        else if (c === 0x7d && open.length) {
            open.pop();
        }
    }
    let out = '';
    let last = 0;
    for (let i = 0; i < open.length; i++) {
        const at = open[i];
        out += masked.slice(last, at) + '\0';
        last = at + 1;
    }
    return out + masked.slice(last);
}
// Whether `str` has a `,` not followed by another `,`, with a `}` after it on
// the same line - what `/,(?!,).*\}/.test(str)` asks, answered in one pass from
// the end. The regex tries every `,` and backtracks through the rest of its
// line from each, which is quadratic, and the `{a},b}` rewrite asks again on
// every pass. Like a scan, it is charged for the whole string and refused if
// that overdraws the budget.
function commaSetFollows(str, budget) {
    budget.remaining -= str.length;
    if (budget.remaining < 0) {
        return false;
    }
    // Whether a `}` follows the current position before the line ends
    let close = false;
    for (let i = str.length - 1; i >= 0; i--) {
        const c = str.charCodeAt(i);
        if (c === 0x7d) {
            close = true;
        }
        else if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) {
            // A line terminator, which `.` does not match
            close = false;
        }
        else if (c === 0x2c && close && str.charCodeAt(i + 1) !== 0x2c) {
            return true;
        }
    }
    return false;
}
/**
 * Basically just str.split(","), but handling cases
 * where we have nested braced sections, which should be
 * treated as individual members, like {a,{b,c},d}
 *
 * Returns `undefined` if the step budget runs out before the whole set is
 * split, since splitting what is left on every comma would tear apart the
 * nested sets it still holds.
 */
function parseCommaParts(str, budget) {
    const parts = [];
    // Walk the brace groups iteratively. Recursing on `post` once per group let a
    // chain of them exhaust the stack - the parsing-side counterpart to
    // the `expand_` overflow fixed for CVE-2026-14257, and not something `max` or
    // `maxLength` can bound, since it happens before expansion.
    //
    // The part the next chunk continues
    let carry = '';
    for (;;) {
        // A set's body holds no unmatched `{`, so there is nothing to mask.
        const m = balancedWithBudget(str, str, budget);
        if (budget.remaining < 0) {
            return undefined;
        }
        if (!m) {
            const tail = str.split(',');
            tail[0] = carry + tail[0];
            pushAll(parts, tail);
            return parts;
        }
        const { pre, body, post } = m;
        const p = pre.split(',');
        p[0] = carry + p[0];
        p[p.length - 1] += '{' + body + '}';
        if (!post.length) {
            pushAll(parts, p);
            return parts;
        }
        carry = p.pop();
        pushAll(parts, p);
        str = post;
    }
}
// An option that is left out, or that is NaN, gets its default. Every
// comparison against NaN is false, so a NaN bound would never be reached:
// `{ maxSteps: NaN }` let 15KB of input block the event loop for 16 seconds,
// and `{ maxDepth: NaN }` overflowed the stack again (CVE-2026-102278). Pass
// `Infinity` to lift a bound.
function bound(value, fallback) {
    return value === undefined || isNaN(value) ? fallback : value;
}
function expand(str, options = {}) {
    if (!str) {
        return [];
    }
    const max = bound(options.max, EXPANSION_MAX);
    const maxLength = bound(options.maxLength, EXPANSION_MAX_LENGTH);
    const maxDepth = bound(options.maxDepth, EXPANSION_MAX_DEPTH);
    const maxRewrites = bound(options.maxRewrites, EXPANSION_MAX_REWRITES);
    const maxSteps = bound(options.maxSteps, EXPANSION_MAX_STEPS);
    // I don't know why Bash 4.3 does this, but it does.
    // Anything starting with {} will have the first two bytes preserved
    // but *only* at the top level, so {},a}b will not expand to anything,
    // but a{},b}c will be expanded to [a}c,abc].
    // One could argue that this is a bug in Bash, but since the goal of
    // this module is to match Bash's rules, we escape a leading {}
    if (str.slice(0, 2) === '{}') {
        str = '\\{\\}' + str.slice(2);
    }
    return expand_(escapeBraces(str), max, maxLength, maxDepth, 0, maxRewrites, { remaining: maxSteps }, true).map(unescapeBraces);
}
function embrace(str) {
    return '{' + str + '}';
}
function isPadded(el) {
    return /^-?0\d/.test(el);
}
function lte(i, y) {
    return i <= y;
}
function gte(i, y) {
    return i >= y;
}
// Build `{ acc[a] + pre + values[v] }` for every combination, capping the
// number of results at `max` and the total number of characters at `maxLength`.
// This is the one place output grows, so bounding it here keeps the single
// accumulator - and therefore memory - flat regardless of how many brace groups
// are combined (CVE-2026-14257). Each result built is a step, since `max` and
// `maxLength` bound one combination, not how many brace groups are combined.
function combine(acc, pre, values, max, maxLength, dropEmpties, budget) {
    const out = [];
    let length = 0;
    // Bash drops empty results at the top level, and they don't count against
    // `max`, so `max` bounds the number of *kept* results. Only an empty
    // `acc[a] + pre` can make one, so for those the empty values are skipped
    // without being visited. Visiting them one at a time let a set of empties
    // cost `acc.length * values.length` while keeping nothing.
    let nonEmpty;
    outer: for (let a = 0; a < acc.length; a++) {
        const prefix = acc[a] + pre;
        let vs = values;
        if (dropEmpties && !prefix) {
            if (!nonEmpty)
                nonEmpty = values.filter(v => v);
            vs = nonEmpty;
        }
        for (let v = 0; v < vs.length; v++) {
            if (out.length >= max)
                break outer;
            const expansion = prefix + vs[v];
            if (length + expansion.length > maxLength)
                break outer;
            out.push(expansion);
            length += expansion.length;
        }
    }
    budget.remaining -= out.length;
    return out;
}
// The expansion values of a single numeric (`1..5`) or alphabetic (`a..e..2`)
// sequence body, or `undefined` if the step budget runs out generating them.
function expandSequence(body, isAlphaSequence, max, maxLength, budget) {
    const n = body.split(/\.\./);
    const N = [];
    // A sequence body always splits into two or three parts, but the compiler
    // can't know that.
    /* c8 ignore start */
    if (n[0] === undefined || n[1] === undefined) {
        return N;
    }
    /* c8 ignore stop */
    const x = numeric(n[0]);
    const y = numeric(n[1]);
    const width = Math.max(n[0].length, n[1].length);
    let incr = n.length === 3 && n[2] !== undefined ?
        Math.max(Math.abs(numeric(n[2])), 1)
        : 1;
    let test = lte;
    const reverse = y < x;
    if (reverse) {
        incr *= -1;
        test = gte;
    }
    const pad = n.some(isPadded);
    // A padded value is built a character at a time to `width`, which the input
    // sets, so it costs one step per character: 64KB of
    // `('{' + '0'.repeat(100) + '..99999}').repeat(n)` took 7 seconds charged
    // one step per value.
    const cost = pad ? width : 1;
    let length = 0;
    for (let i = x; test(i, y) && N.length < max; i += incr) {
        // Each value is a step. `max` and `maxLength` bound one sequence, but a
        // chain of them still generated up to `max` values each, however few
        // combining could keep.
        budget.remaining -= cost;
        if (budget.remaining < 0) {
            return undefined;
        }
        let c;
        if (isAlphaSequence) {
            c = String.fromCharCode(i);
            if (c === '\\') {
                c = '';
            }
        }
        else {
            c = String(i);
            if (pad) {
                const need = width - c.length;
                if (need > 0) {
                    const z = new Array(need + 1).join('0');
                    if (i < 0) {
                        c = '-' + z + c.slice(1);
                    }
                    else {
                        c = z + c;
                    }
                }
            }
        }
        if (length + c.length > maxLength)
            break;
        N.push(c);
        length += c.length;
    }
    return N;
}
function expand_(str, max, maxLength, maxDepth, depth, maxRewrites, budget, isTop) {
    // An overdraft here makes the first scan refuse, so `str` stays literal.
    budget.remaining -= CALL_STEPS;
    // Too deeply nested to keep following: treat the rest as literal, the same
    // way a group that cannot expand is already handled. Truncating rather than
    // throwing keeps `expand` total, matching `max` and `maxLength`.
    if (depth > maxDepth) {
        return [str];
    }
    // Consume the string's top-level brace groups left to right, threading a
    // running set of combined prefixes (`acc`). Expanding the tail iteratively -
    // rather than recursing on `m.post` once per group - keeps the native stack
    // depth constant, so deeply chained input (`'{a,b}'.repeat(3000)`) can no
    // longer overflow the stack, and leaves a single accumulator whose size
    // `maxLength` bounds directly (CVE-2026-14257).
    let acc = [''];
    // Bash drops empty results, but only when the *first* top-level group is a
    // comma set - a sequence like `{a..\}` may legitimately yield ''. The drop
    // is on the final strings, so it is applied to whichever `combine` produces
    // them (the one with no brace set left in the tail).
    // How many times the `{a},b}` rewrite below has restarted the scan. Each pass
    // re-reads the whole string, so leaving this unbounded is quadratic.
    let rewrites = 0;
    let dropEmpties = false;
    let firstGroup = true;
    // `str` with its unmatched `{` masked, once a scan has run into them
    let masked = str;
    for (;;) {
        const m = balancedWithBudget(str, masked, budget);
        // No brace set left, or no step budget left to look for one: the rest of
        // the string is literal.
        if (!m) {
            return combine(acc, str, [''], max, maxLength, dropEmpties, budget);
        }
        if (m.unmatched) {
            masked = maskUnmatchedOpens(masked, budget);
        }
        // no need to expand pre, since it is guaranteed to be free of brace-sets
        const pre = m.pre;
        // This set and the rest of the string, literal: for a set that cannot
        // expand, and for one the step budget runs out on. Once it is overdrawn,
        // every set still being expanded, at every level, stays literal like this -
        // otherwise each level above would go on combining, and wrapping and
        // expanding again, results the budget was too small for.
        const literal = () => combine(acc, pre + '{' + m.body + '}' + m.post, [''], max, maxLength, dropEmpties, budget);
        if (/\$$/.test(pre)) {
            acc = combine(acc, pre + '{' + m.body + '}', [''], max, maxLength, dropEmpties && !m.post.length, budget);
            firstGroup = false;
            if (!m.post.length)
                break;
            str = m.post;
            masked = masked.slice(m.end + 1);
            continue;
        }
        const isNumericSequence = /^-?\d+\.\.-?\d+(?:\.\.-?\d+)?$/.test(m.body);
        const isAlphaSequence = /^[a-zA-Z]\.\.[a-zA-Z](?:\.\.-?\d+)?$/.test(m.body);
        const isSequence = isNumericSequence || isAlphaSequence;
        const isOptions = m.body.indexOf(',') >= 0;
        if (!isSequence && !isOptions) {
            // {a},b}
            if (rewrites < maxRewrites && commaSetFollows(m.post, budget)) {
                rewrites++;
                str = m.pre + '{' + m.body + escClose + m.post;
                // Taking a `}` away never gives an unmatched `{` a partner, so what
                // is masked stays unmatched. The `{` it closed can be left without
                // one, and the next scan masks it.
                masked =
                    masked.slice(0, m.end) + escClose + masked.slice(m.end + 1);
                isTop = true;
                continue;
            }
            // Nothing here expands, so the whole remaining string is literal.
            return literal();
        }
        if (firstGroup) {
            dropEmpties = isTop && !isSequence;
            firstGroup = false;
        }
        let values;
        if (isSequence) {
            values = expandSequence(m.body, isAlphaSequence, max, maxLength, budget);
            if (!values) {
                return literal();
            }
        }
        else {
            let n = parseCommaParts(m.body, budget);
            // The step budget ran out partway through the set.
            if (!n) {
                return literal();
            }
            if (n.length === 1 && n[0] !== undefined) {
                // x{{a,b}}y ==> x{a}y x{b}y
                n = expand_(n[0], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false).map(embrace);
                // The step budget ran out expanding the set's only part.
                if (budget.remaining < 0) {
                    return literal();
                }
                //XXX is this necessary? Can't seem to hit it in tests.
                /* c8 ignore start */
                if (n.length === 1) {
                    const next = combine(acc, pre + n[0], [''], max, maxLength, dropEmpties && !m.post.length, budget);
                    if (budget.remaining < 0) {
                        return literal();
                    }
                    acc = next;
                    if (!m.post.length)
                        break;
                    str = m.post;
                    masked = masked.slice(m.end + 1);
                    continue;
                }
                /* c8 ignore stop */
            }
            // Values that `combine` is going to drop as empty produce no result, so
            // they must not count against `max` - otherwise `{a,,b}` with `max: 2`
            // would stop at `['a', '']` and yield one result instead of two. Skipping
            // them outright keeps `values` bounded while leaving `max` a bound on
            // *kept* results.
            let dropsEmpties = dropEmpties && !m.post.length && !pre;
            for (let d = 0; dropsEmpties && d < acc.length; d++) {
                if (acc[d]) {
                    dropsEmpties = false;
                }
            }
            values = [];
            let valuesLength = 0;
            outer: for (let j = 0; j < n.length; j++) {
                const expanded = expand_(n[j], max, maxLength, maxDepth, depth + 1, maxRewrites, budget, false);
                // The step budget ran out expanding a member.
                if (budget.remaining < 0) {
                    return literal();
                }
                for (let k = 0; k < expanded.length; k++) {
                    const v = expanded[k];
                    if (dropsEmpties && !v)
                        continue;
                    if (values.length >= max ||
                        valuesLength + v.length > maxLength) {
                        break outer;
                    }
                    values.push(v);
                    valuesLength += v.length;
                }
            }
        }
        const next = combine(acc, pre, values, max, maxLength, dropEmpties && !m.post.length, budget);
        // The step budget ran out combining the set's values in.
        if (budget.remaining < 0) {
            return literal();
        }
        acc = next;
        if (!m.post.length)
            break;
        str = m.post;
        masked = masked.slice(m.end + 1);
    }
    return acc;
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/assert-valid-pattern.js
const MAX_PATTERN_LENGTH = 1024 * 64;
const assertValidPattern = (pattern) => {
    if (typeof pattern !== 'string') {
        throw new TypeError('invalid pattern');
    }
    if (pattern.length > MAX_PATTERN_LENGTH) {
        throw new TypeError('pattern is too long');
    }
};
//# sourceMappingURL=assert-valid-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/brace-expressions.js
// translate the various posix character classes into unicode properties
// this works across all unicode locales
// { <posix class>: [<translation>, /u flag required, negated]
const posixClasses = {
    '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
    '[:alpha:]': ['\\p{L}\\p{Nl}', true],
    '[:ascii:]': ['\\x' + '00-\\x' + '7f', false],
    '[:blank:]': ['\\p{Zs}\\t', true],
    '[:cntrl:]': ['\\p{Cc}', true],
    '[:digit:]': ['\\p{Nd}', true],
    '[:graph:]': ['\\p{Z}\\p{C}', true, true],
    '[:lower:]': ['\\p{Ll}', true],
    '[:print:]': ['\\p{C}', true],
    '[:punct:]': ['\\p{P}', true],
    '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
    '[:upper:]': ['\\p{Lu}', true],
    '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
    '[:xdigit:]': ['A-Fa-f0-9', false],
};
// only need to escape a few things inside of brace expressions
// escapes: [ \ ] -
const braceEscape = (s) => s.replace(/[[\]\\-]/g, '\\$&');
// escape all regexp magic characters
const regexpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// everything has already been escaped, we just have to join
const rangesToString = (ranges) => ranges.join('');
// takes a glob string at a posix brace expression, and returns
// an equivalent regular expression source, and boolean indicating
// whether the /u flag needs to be applied, and the number of chars
// consumed to parse the character class.
// This also removes out of order ranges, and returns ($.) if the
// entire class just no good.
const parseClass = (glob, position) => {
    const pos = position;
    /* c8 ignore start */
    if (glob.charAt(pos) !== '[') {
        throw new Error('not in a brace expression');
    }
    /* c8 ignore stop */
    const ranges = [];
    const negs = [];
    let i = pos + 1;
    let sawStart = false;
    let uflag = false;
    let escaping = false;
    let negate = false;
    let endPos = pos;
    let rangeStart = '';
    WHILE: while (i < glob.length) {
        const c = glob.charAt(i);
        if ((c === '!' || c === '^') && i === pos + 1) {
            negate = true;
            i++;
            continue;
        }
        if (c === ']' && sawStart && !escaping) {
            endPos = i + 1;
            break;
        }
        sawStart = true;
        if (c === '\\') {
            if (!escaping) {
                escaping = true;
                i++;
                continue;
            }
            // escaped \ char, fall through and treat like normal char
        }
        if (c === '[' && !escaping) {
            // either a posix class, a collation equivalent, or just a [
            for (const [cls, [unip, u, neg]] of Object.entries(posixClasses)) {
                if (glob.startsWith(cls, i)) {
                    // invalid, [a-[] is fine, but not [a-[:alpha]]
                    if (rangeStart) {
                        return ['$.', false, glob.length - pos, true];
                    }
                    i += cls.length;
                    if (neg)
                        negs.push(unip);
                    else
                        ranges.push(unip);
                    uflag = uflag || u;
                    continue WHILE;
                }
            }
        }
        // now it's just a normal character, effectively
        escaping = false;
        if (rangeStart) {
            // throw this range away if it's not valid, but others
            // can still match.
            if (c > rangeStart) {
                ranges.push(braceEscape(rangeStart) + '-' + braceEscape(c));
            }
            else if (c === rangeStart) {
                ranges.push(braceEscape(c));
            }
            rangeStart = '';
            i++;
            continue;
        }
        // now might be the start of a range.
        // can be either c-d or c-] or c<more...>] or c] at this point
        if (glob.startsWith('-]', i + 1)) {
            ranges.push(braceEscape(c + '-'));
            i += 2;
            continue;
        }
        if (glob.startsWith('-', i + 1)) {
            rangeStart = c;
            i += 2;
            continue;
        }
        // not the start of a range, just a single character
        ranges.push(braceEscape(c));
        i++;
    }
    if (endPos < i) {
        // didn't see the end of the class, not a valid class,
        // but might still be valid as a literal match.
        return ['', false, 0, false];
    }
    // if we got no ranges and no negates, then we have a range that
    // cannot possibly match anything, and that poisons the whole glob
    if (!ranges.length && !negs.length) {
        return ['$.', false, glob.length - pos, true];
    }
    // if we got one positive range, and it's a single character, then that's
    // not actually a magic pattern, it's just that one literal character.
    // we should not treat that as "magic", we should just return the literal
    // character. [_] is a perfectly valid way to escape glob magic chars.
    if (negs.length === 0 &&
        ranges.length === 1 &&
        /^\\?.$/.test(ranges[0]) &&
        !negate) {
        const r = ranges[0].length === 2 ? ranges[0].slice(-1) : ranges[0];
        return [regexpEscape(r), false, endPos - pos, false];
    }
    const sranges = '[' + (negate ? '^' : '') + rangesToString(ranges) + ']';
    const snegs = '[' + (negate ? '' : '^') + rangesToString(negs) + ']';
    const comb = ranges.length && negs.length ? '(' + sranges + '|' + snegs + ')'
        : ranges.length ? sranges
            : snegs;
    return [comb, uflag, endPos - pos, true];
};
//# sourceMappingURL=brace-expressions.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/unescape.js
/**
 * Un-escape a string that has been escaped with {@link escape}.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape} option is used, then
 * square-bracket escapes are removed, but not backslash escapes.
 *
 * For example, it will turn the string `'[*]'` into `*`, but it will not
 * turn `'\\*'` into `'*'`, because `\` is a path separator in
 * `windowsPathsNoEscape` mode.
 *
 * When `windowsPathsNoEscape` is not set, then both square-bracket escapes and
 * backslash escapes are removed.
 *
 * Slashes (and backslashes in `windowsPathsNoEscape` mode) cannot be escaped
 * or unescaped.
 *
 * When `magicalBraces` is not set, escapes of braces (`{` and `}`) will not be
 * unescaped.
 */
const unescape_unescape = (s, { windowsPathsNoEscape = false, magicalBraces = true, } = {}) => {
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/\[([^/\\])\]/g, '$1')
            : s
                .replace(/((?!\\).|^)\[([^/\\])\]/g, '$1$2')
                .replace(/\\([^/])/g, '$1');
    }
    return windowsPathsNoEscape ?
        s.replace(/\[([^/\\{}])\]/g, '$1')
        : s
            .replace(/((?!\\).|^)\[([^/\\{}])\]/g, '$1$2')
            .replace(/\\([^/{}])/g, '$1');
};
//# sourceMappingURL=unescape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/ast.js
// parse a single path portion
var _a;


const types = new Set(['!', '?', '+', '*', '@']);
const isExtglobType = (c) => types.has(c);
const isExtglobAST = (c) => isExtglobType(c.type);
// Map of which extglob types can adopt the children of a nested extglob
//
// anything but ! can adopt a matching type:
// +(a|+(b|c)|d) => +(a|b|c|d)
// *(a|*(b|c)|d) => *(a|b|c|d)
// @(a|@(b|c)|d) => @(a|b|c|d)
// ?(a|?(b|c)|d) => ?(a|b|c|d)
//
// * can adopt anything, because 0 or repetition is allowed
// *(a|?(b|c)|d) => *(a|b|c|d)
// *(a|+(b|c)|d) => *(a|b|c|d)
// *(a|@(b|c)|d) => *(a|b|c|d)
//
// + can adopt @, because 1 or repetition is allowed
// +(a|@(b|c)|d) => +(a|b|c|d)
//
// + and @ CANNOT adopt *, because 0 would be allowed
// +(a|*(b|c)|d) => would match "", on *(b|c)
// @(a|*(b|c)|d) => would match "", on *(b|c)
//
// + and @ CANNOT adopt ?, because 0 would be allowed
// +(a|?(b|c)|d) => would match "", on ?(b|c)
// @(a|?(b|c)|d) => would match "", on ?(b|c)
//
// ? can adopt @, because 0 or 1 is allowed
// ?(a|@(b|c)|d) => ?(a|b|c|d)
//
// ? and @ CANNOT adopt * or +, because >1 would be allowed
// ?(a|*(b|c)|d) => would match bbb on *(b|c)
// @(a|*(b|c)|d) => would match bbb on *(b|c)
// ?(a|+(b|c)|d) => would match bbb on +(b|c)
// @(a|+(b|c)|d) => would match bbb on +(b|c)
//
// ! CANNOT adopt ! (nothing else can either)
// !(a|!(b|c)|d) => !(a|b|c|d) would fail to match on b (not not b|c)
//
// ! can adopt @
// !(a|@(b|c)|d) => !(a|b|c|d)
//
// ! CANNOT adopt *
// !(a|*(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt +
// !(a|+(b|c)|d) => !(a|b|c|d) would match on bbb, not allowed
//
// ! CANNOT adopt ?
// x!(a|?(b|c)|d) => x!(a|b|c|d) would fail to match "x"
const adoptionMap = new Map([
    ['!', ['@']],
    ['?', ['?', '@']],
    ['@', ['@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@']],
]);
// nested extglobs that can be adopted in, but with the addition of
// a blank '' element.
const adoptionWithSpaceMap = new Map([
    ['!', ['?']],
    ['@', ['?']],
    ['+', ['?', '*']],
]);
// union of the previous two maps
const adoptionAnyMap = new Map([
    ['!', ['?', '@']],
    ['?', ['?', '@']],
    ['@', ['?', '@']],
    ['*', ['*', '+', '?', '@']],
    ['+', ['+', '@', '?', '*']],
]);
// Extglobs that can take over their parent if they are the only child
// the key is parent, value maps child to resulting extglob parent type
// '@' is omitted because it's a special case. An `@` extglob with a single
// member can always be usurped by that subpattern.
const usurpMap = new Map([
    ['!', new Map([['!', '@']])],
    [
        '?',
        new Map([
            ['*', '*'],
            ['+', '*'],
        ]),
    ],
    [
        '@',
        new Map([
            ['!', '!'],
            ['?', '?'],
            ['@', '@'],
            ['*', '*'],
            ['+', '+'],
        ]),
    ],
    [
        '+',
        new Map([
            ['?', '*'],
            ['*', '*'],
        ]),
    ],
]);
// Patterns that get prepended to bind to the start of either the
// entire string, or just a single path portion, to prevent dots
// and/or traversal patterns, when needed.
// Exts don't need the ^ or / bit, because the root binds that already.
const startNoTraversal = '(?!(?:^|/)\\.\\.?(?:$|/))';
const startNoDot = '(?!\\.)';
// characters that indicate a start of pattern needs the "no dots" bit,
// because a dot *might* be matched. ( is not in the list, because in
// the case of a child extglob, it will handle the prevention itself.
const addPatternStart = new Set(['[', '.']);
// cases where traversal is A-OK, no dot prevention needed
const justDots = new Set(['..', '.']);
const reSpecials = new Set('().*{}+?[]^$\\!');
const regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
// any single thing other than /
const qmark = '[^/]';
// * => any number of characters
const star = qmark + '*?';
// use + when we need to ensure that *something* matches, because the * is
// the only thing in the path portion.
const starNoEmpty = qmark + '+?';
// remove the \ chars that we added if we end up doing a nonmagic compare
// const deslash = (s: string) => s.replace(/\\(.)/g, '$1')
let ID = 0;
class AST {
    type;
    #root;
    #hasMagic;
    #uflag = false;
    #parts = [];
    #parent;
    #parentIndex;
    #negs;
    #filledNegs = false;
    #options;
    #toString;
    // set to true if it's an extglob with no children
    // (which really means one child of '')
    #emptyExt = false;
    id = ++ID;
    get depth() {
        return (this.#parent?.depth ?? -1) + 1;
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return {
            '@@type': 'AST',
            id: this.id,
            type: this.type,
            root: this.#root.id,
            parent: this.#parent?.id,
            depth: this.depth,
            partsLength: this.#parts.length,
            parts: this.#parts,
        };
    }
    constructor(type, parent, options = {}) {
        this.type = type;
        // extglobs are inherently magical
        if (type)
            this.#hasMagic = true;
        this.#parent = parent;
        this.#root = this.#parent ? this.#parent.#root : this;
        this.#options = this.#root === this ? options : this.#root.#options;
        this.#negs = this.#root === this ? [] : this.#root.#negs;
        if (type === '!' && !this.#root.#filledNegs)
            this.#negs.push(this);
        this.#parentIndex = this.#parent ? this.#parent.#parts.length : 0;
    }
    get hasMagic() {
        /* c8 ignore start */
        if (this.#hasMagic !== undefined)
            return this.#hasMagic;
        /* c8 ignore stop */
        for (const p of this.#parts) {
            if (typeof p === 'string')
                continue;
            if (p.type || p.hasMagic)
                return (this.#hasMagic = true);
        }
        // note: will be undefined until we generate the regexp src and find out
        return this.#hasMagic;
    }
    // reconstructs the pattern
    toString() {
        return (this.#toString !== undefined ? this.#toString
            : !this.type ?
                (this.#toString = this.#parts.map(p => String(p)).join(''))
                : (this.#toString =
                    this.type +
                        '(' +
                        this.#parts.map(p => String(p)).join('|') +
                        ')'));
    }
    #fillNegs() {
        /* c8 ignore start */
        if (this !== this.#root)
            throw new Error('should only call on root');
        if (this.#filledNegs)
            return this;
        /* c8 ignore stop */
        // call toString() once to fill this out
        this.toString();
        this.#filledNegs = true;
        let n;
        while ((n = this.#negs.pop())) {
            if (n.type !== '!')
                continue;
            // walk up the tree, appending everthing that comes AFTER parentIndex
            let p = n;
            let pp = p.#parent;
            while (pp) {
                for (let i = p.#parentIndex + 1; !pp.type && i < pp.#parts.length; i++) {
                    for (const part of n.#parts) {
                        /* c8 ignore start */
                        if (typeof part === 'string') {
                            throw new Error('string part in extglob AST??');
                        }
                        /* c8 ignore stop */
                        part.copyIn(pp.#parts[i]);
                    }
                }
                p = pp;
                pp = p.#parent;
            }
        }
        return this;
    }
    push(...parts) {
        for (const p of parts) {
            if (p === '')
                continue;
            /* c8 ignore start */
            if (typeof p !== 'string' &&
                !(p instanceof _a && p.#parent === this)) {
                throw new Error('invalid part: ' + p);
            }
            /* c8 ignore stop */
            this.#parts.push(p);
        }
    }
    toJSON() {
        const ret = this.type === null ?
            this.#parts
                .slice()
                .map(p => (typeof p === 'string' ? p : p.toJSON()))
            : [this.type, ...this.#parts.map(p => p.toJSON())];
        if (this.isStart() && !this.type)
            ret.unshift([]);
        if (this.isEnd() &&
            (this === this.#root ||
                (this.#root.#filledNegs && this.#parent?.type === '!'))) {
            ret.push({});
        }
        return ret;
    }
    isStart() {
        if (this.#root === this)
            return true;
        // if (this.type) return !!this.#parent?.isStart()
        if (!this.#parent?.isStart())
            return false;
        if (this.#parentIndex === 0)
            return true;
        // if everything AHEAD of this is a negation, then it's still the "start"
        const p = this.#parent;
        for (let i = 0; i < this.#parentIndex; i++) {
            const pp = p.#parts[i];
            if (!(pp instanceof _a && pp.type === '!')) {
                return false;
            }
        }
        return true;
    }
    isEnd() {
        if (this.#root === this)
            return true;
        if (this.#parent?.type === '!')
            return true;
        if (!this.#parent?.isEnd())
            return false;
        if (!this.type)
            return this.#parent?.isEnd();
        // if not root, it'll always have a parent
        /* c8 ignore start */
        const pl = this.#parent ? this.#parent.#parts.length : 0;
        /* c8 ignore stop */
        return this.#parentIndex === pl - 1;
    }
    copyIn(part) {
        if (typeof part === 'string')
            this.push(part);
        else
            this.push(part.clone(this));
    }
    clone(parent) {
        const c = new _a(this.type, parent);
        for (const p of this.#parts) {
            c.copyIn(p);
        }
        return c;
    }
    static #parseAST(str, ast, pos, opt, extDepth) {
        const maxDepth = opt.maxExtglobRecursion ?? 2;
        let escaping = false;
        let inBrace = false;
        let braceStart = -1;
        let braceNeg = false;
        if (ast.type === null) {
            // outside of a extglob, append until we find a start
            let i = pos;
            let acc = '';
            while (i < str.length) {
                const c = str.charAt(i++);
                // still accumulate escapes at this point, but we do ignore
                // starts that are escaped
                if (escaping || c === '\\') {
                    escaping = !escaping;
                    acc += c;
                    continue;
                }
                if (inBrace) {
                    if (i === braceStart + 1) {
                        if (c === '^' || c === '!') {
                            braceNeg = true;
                        }
                    }
                    else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                        inBrace = false;
                    }
                    acc += c;
                    continue;
                }
                else if (c === '[') {
                    inBrace = true;
                    braceStart = i;
                    braceNeg = false;
                    acc += c;
                    continue;
                }
                // we don't have to check for adoption here, because that's
                // done at the other recursion point.
                const doRecurse = !opt.noext &&
                    isExtglobType(c) &&
                    str.charAt(i) === '(' &&
                    extDepth <= maxDepth;
                if (doRecurse) {
                    ast.push(acc);
                    acc = '';
                    const ext = new _a(c, ast);
                    i = _a.#parseAST(str, ext, i, opt, extDepth + 1);
                    ast.push(ext);
                    continue;
                }
                acc += c;
            }
            ast.push(acc);
            return i;
        }
        // some kind of extglob, pos is at the (
        // find the next | or )
        let i = pos + 1;
        let part = new _a(null, ast);
        const parts = [];
        let acc = '';
        while (i < str.length) {
            const c = str.charAt(i++);
            // still accumulate escapes at this point, but we do ignore
            // starts that are escaped
            if (escaping || c === '\\') {
                escaping = !escaping;
                acc += c;
                continue;
            }
            if (inBrace) {
                if (i === braceStart + 1) {
                    if (c === '^' || c === '!') {
                        braceNeg = true;
                    }
                }
                else if (c === ']' && !(i === braceStart + 2 && braceNeg)) {
                    inBrace = false;
                }
                acc += c;
                continue;
            }
            else if (c === '[') {
                inBrace = true;
                braceStart = i;
                braceNeg = false;
                acc += c;
                continue;
            }
            const doRecurse = !opt.noext &&
                isExtglobType(c) &&
                str.charAt(i) === '(' &&
                /* c8 ignore start - the maxDepth is sufficient here */
                (extDepth <= maxDepth || (ast && ast.#canAdoptType(c)));
            /* c8 ignore stop */
            if (doRecurse) {
                const depthAdd = ast && ast.#canAdoptType(c) ? 0 : 1;
                part.push(acc);
                acc = '';
                const ext = new _a(c, part);
                part.push(ext);
                i = _a.#parseAST(str, ext, i, opt, extDepth + depthAdd);
                continue;
            }
            if (c === '|') {
                part.push(acc);
                acc = '';
                parts.push(part);
                part = new _a(null, ast);
                continue;
            }
            if (c === ')') {
                if (acc === '' && ast.#parts.length === 0) {
                    ast.#emptyExt = true;
                }
                part.push(acc);
                acc = '';
                ast.push(...parts, part);
                return i;
            }
            acc += c;
        }
        // unfinished extglob
        // if we got here, it was a malformed extglob! not an extglob, but
        // maybe something else in there.
        ast.type = null;
        ast.#hasMagic = undefined;
        ast.#parts = [str.substring(pos - 1)];
        return i;
    }
    #canAdoptWithSpace(child) {
        return this.#canAdopt(child, adoptionWithSpaceMap);
    }
    #canAdopt(child, map = adoptionMap) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canAdoptType(gc.type, map);
    }
    #canAdoptType(c, map = adoptionAnyMap) {
        return !!map.get(this.type)?.includes(c);
    }
    #adoptWithSpace(child, index) {
        const gc = child.#parts[0];
        const blank = new _a(null, gc, this.options);
        blank.#parts.push('');
        gc.push(blank);
        this.#adopt(child, index);
    }
    #adopt(child, index) {
        const gc = child.#parts[0];
        this.#parts.splice(index, 1, ...gc.#parts);
        for (const p of gc.#parts) {
            if (typeof p === 'object')
                p.#parent = this;
        }
        this.#toString = undefined;
    }
    #canUsurpType(c) {
        const m = usurpMap.get(this.type);
        return !!m?.has(c);
    }
    #canUsurp(child) {
        if (!child ||
            typeof child !== 'object' ||
            child.type !== null ||
            child.#parts.length !== 1 ||
            this.type === null ||
            this.#parts.length !== 1) {
            return false;
        }
        const gc = child.#parts[0];
        if (!gc || typeof gc !== 'object' || gc.type === null) {
            return false;
        }
        return this.#canUsurpType(gc.type);
    }
    #usurp(child) {
        const m = usurpMap.get(this.type);
        const gc = child.#parts[0];
        const nt = m?.get(gc.type);
        /* c8 ignore start - impossible */
        if (!nt)
            return false;
        /* c8 ignore stop */
        this.#parts = gc.#parts;
        for (const p of this.#parts) {
            if (typeof p === 'object') {
                p.#parent = this;
            }
        }
        this.type = nt;
        this.#toString = undefined;
        this.#emptyExt = false;
    }
    static fromGlob(pattern, options = {}) {
        const ast = new _a(null, undefined, options);
        _a.#parseAST(pattern, ast, 0, options, 0);
        return ast;
    }
    // returns the regular expression if there's magic, or the unescaped
    // string if not.
    toMMPattern() {
        // should only be called on root
        /* c8 ignore start */
        if (this !== this.#root)
            return this.#root.toMMPattern();
        /* c8 ignore stop */
        const glob = this.toString();
        const [re, body, hasMagic, uflag] = this.toRegExpSource();
        // if we're in nocase mode, and not nocaseMagicOnly, then we do
        // still need a regular expression if we have to case-insensitively
        // match capital/lowercase characters.
        const anyMagic = hasMagic ||
            this.#hasMagic ||
            (this.#options.nocase &&
                !this.#options.nocaseMagicOnly &&
                glob.toUpperCase() !== glob.toLowerCase());
        if (!anyMagic) {
            return body;
        }
        const flags = (this.#options.nocase ? 'i' : '') + (uflag ? 'u' : '');
        return Object.assign(new RegExp(`^${re}$`, flags), {
            _src: re,
            _glob: glob,
        });
    }
    get options() {
        return this.#options;
    }
    // returns the string match, the regexp source, whether there's magic
    // in the regexp (so a regular expression is required) and whether or
    // not the uflag is needed for the regular expression (for posix classes)
    // TODO: instead of injecting the start/end at this point, just return
    // the BODY of the regexp, along with the start/end portions suitable
    // for binding the start/end in either a joined full-path makeRe context
    // (where we bind to (^|/), or a standalone matchPart context (where
    // we bind to ^, and not /).  Otherwise slashes get duped!
    //
    // In part-matching mode, the start is:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: ^(?!\.\.?$)
    // - if dots allowed or not possible: ^
    // - if dots possible and not allowed: ^(?!\.)
    // end is:
    // - if not isEnd(): nothing
    // - else: $
    //
    // In full-path matching mode, we put the slash at the START of the
    // pattern, so start is:
    // - if first pattern: same as part-matching mode
    // - if not isStart(): nothing
    // - if traversal possible, but not allowed: /(?!\.\.?(?:$|/))
    // - if dots allowed or not possible: /
    // - if dots possible and not allowed: /(?!\.)
    // end is:
    // - if last pattern, same as part-matching mode
    // - else nothing
    //
    // Always put the (?:$|/) on negated tails, though, because that has to be
    // there to bind the end of the negated pattern portion, and it's easier to
    // just stick it in now rather than try to inject it later in the middle of
    // the pattern.
    //
    // We can just always return the same end, and leave it up to the caller
    // to know whether it's going to be used joined or in parts.
    // And, if the start is adjusted slightly, can do the same there:
    // - if not isStart: nothing
    // - if traversal possible, but not allowed: (?:/|^)(?!\.\.?$)
    // - if dots allowed or not possible: (?:/|^)
    // - if dots possible and not allowed: (?:/|^)(?!\.)
    //
    // But it's better to have a simpler binding without a conditional, for
    // performance, so probably better to return both start options.
    //
    // Then the caller just ignores the end if it's not the first pattern,
    // and the start always gets applied.
    //
    // But that's always going to be $ if it's the ending pattern, or nothing,
    // so the caller can just attach $ at the end of the pattern when building.
    //
    // So the todo is:
    // - better detect what kind of start is needed
    // - return both flavors of starting pattern
    // - attach $ at the end of the pattern when creating the actual RegExp
    //
    // Ah, but wait, no, that all only applies to the root when the first pattern
    // is not an extglob. If the first pattern IS an extglob, then we need all
    // that dot prevention biz to live in the extglob portions, because eg
    // +(*|.x*) can match .xy but not .yx.
    //
    // So, return the two flavors if it's #root and the first child is not an
    // AST, otherwise leave it to the child AST to handle it, and there,
    // use the (?:^|/) style of start binding.
    //
    // Even simplified further:
    // - Since the start for a join is eg /(?!\.) and the start for a part
    // is ^(?!\.), we can just prepend (?!\.) to the pattern (either root
    // or start or whatever) and prepend ^ or / at the Regexp construction.
    toRegExpSource(allowDot) {
        const dot = allowDot ?? !!this.#options.dot;
        if (this.#root === this) {
            this.#flatten();
            this.#fillNegs();
        }
        if (!isExtglobAST(this)) {
            const noEmpty = this.isStart() &&
                this.isEnd() &&
                !this.#parts.some(s => typeof s !== 'string');
            const src = this.#parts
                .map(p => {
                const [re, _, hasMagic, uflag] = typeof p === 'string' ?
                    _a.#parseGlob(p, this.#hasMagic, noEmpty)
                    : p.toRegExpSource(allowDot);
                this.#hasMagic = this.#hasMagic || hasMagic;
                this.#uflag = this.#uflag || uflag;
                return re;
            })
                .join('');
            let start = '';
            if (this.isStart()) {
                if (typeof this.#parts[0] === 'string') {
                    // this is the string that will match the start of the pattern,
                    // so we need to protect against dots and such.
                    // '.' and '..' cannot match unless the pattern is that exactly,
                    // even if it starts with . or dot:true is set.
                    const dotTravAllowed = this.#parts.length === 1 && justDots.has(this.#parts[0]);
                    if (!dotTravAllowed) {
                        const aps = addPatternStart;
                        // check if we have a possibility of matching . or ..,
                        // and prevent that.
                        const needNoTrav = 
                        // dots are allowed, and the pattern starts with [ or .
                        (dot && aps.has(src.charAt(0))) ||
                            // the pattern starts with \., and then [ or .
                            (src.startsWith('\\.') && aps.has(src.charAt(2))) ||
                            // the pattern starts with \.\., and then [ or .
                            (src.startsWith('\\.\\.') && aps.has(src.charAt(4)));
                        // no need to prevent dots if it can't match a dot, or if a
                        // sub-pattern will be preventing it anyway.
                        const needNoDot = !dot && !allowDot && aps.has(src.charAt(0));
                        start =
                            needNoTrav ? startNoTraversal
                                : needNoDot ? startNoDot
                                    : '';
                    }
                }
            }
            // append the "end of path portion" pattern to negation tails
            let end = '';
            if (this.isEnd() &&
                this.#root.#filledNegs &&
                this.#parent?.type === '!') {
                end = '(?:$|\\/)';
            }
            const final = start + src + end;
            return [
                final,
                unescape_unescape(src),
                (this.#hasMagic = !!this.#hasMagic),
                this.#uflag,
            ];
        }
        // We need to calculate the body *twice* if it's a repeat pattern
        // at the start, once in nodot mode, then again in dot mode, so a
        // pattern like *(?) can match 'x.y'
        const repeated = this.type === '*' || this.type === '+';
        // some kind of extglob
        const start = this.type === '!' ? '(?:(?!(?:' : '(?:';
        let body = this.#partsToRegExp(dot);
        if (this.isStart() && this.isEnd() && !body && this.type !== '!') {
            // invalid extglob, has to at least be *something* present, if it's
            // the entire path portion.
            const s = this.toString();
            const me = this;
            me.#parts = [s];
            me.type = null;
            me.#hasMagic = undefined;
            return [s, unescape_unescape(this.toString()), false, false];
        }
        let bodyDotAllowed = !repeated || allowDot || dot || !startNoDot ?
            ''
            : this.#partsToRegExp(true);
        if (bodyDotAllowed === body) {
            bodyDotAllowed = '';
        }
        if (bodyDotAllowed) {
            body = `(?:${body})(?:${bodyDotAllowed})*?`;
        }
        // an empty !() is exactly equivalent to a starNoEmpty
        let final = '';
        if (this.type === '!' && this.#emptyExt) {
            final = (this.isStart() && !dot ? startNoDot : '') + starNoEmpty;
        }
        else {
            const close = this.type === '!' ?
                // !() must match something,but !(x) can match ''
                '))' +
                    (this.isStart() && !dot && !allowDot ? startNoDot : '') +
                    star +
                    ')'
                : this.type === '@' ? ')'
                    : this.type === '?' ? ')?'
                        : this.type === '+' && bodyDotAllowed ? ')'
                            : this.type === '*' && bodyDotAllowed ? `)?`
                                : `)${this.type}`;
            final = start + body + close;
        }
        return [
            final,
            unescape_unescape(body),
            (this.#hasMagic = !!this.#hasMagic),
            this.#uflag,
        ];
    }
    #flatten() {
        if (!isExtglobAST(this)) {
            for (const p of this.#parts) {
                if (typeof p === 'object') {
                    p.#flatten();
                }
            }
        }
        else {
            // do up to 10 passes to flatten as much as possible
            let iterations = 0;
            let done = false;
            do {
                done = true;
                for (let i = 0; i < this.#parts.length; i++) {
                    const c = this.#parts[i];
                    if (typeof c === 'object') {
                        c.#flatten();
                        if (this.#canAdopt(c)) {
                            done = false;
                            this.#adopt(c, i);
                        }
                        else if (this.#canAdoptWithSpace(c)) {
                            done = false;
                            this.#adoptWithSpace(c, i);
                        }
                        else if (this.#canUsurp(c)) {
                            done = false;
                            this.#usurp(c);
                        }
                    }
                }
            } while (!done && ++iterations < 10);
        }
        this.#toString = undefined;
    }
    #partsToRegExp(dot) {
        return this.#parts
            .map(p => {
            // extglob ASTs should only contain parent ASTs
            /* c8 ignore start */
            if (typeof p === 'string') {
                throw new Error('string type in extglob ast??');
            }
            /* c8 ignore stop */
            // can ignore hasMagic, because extglobs are already always magic
            const [re, _, _hasMagic, uflag] = p.toRegExpSource(dot);
            this.#uflag = this.#uflag || uflag;
            return re;
        })
            .filter(p => !(this.isStart() && this.isEnd()) || !!p)
            .join('|');
    }
    static #parseGlob(glob, hasMagic, noEmpty = false) {
        let escaping = false;
        let re = '';
        let uflag = false;
        // multiple stars that aren't globstars coalesce into one *
        let inStar = false;
        for (let i = 0; i < glob.length; i++) {
            const c = glob.charAt(i);
            if (escaping) {
                escaping = false;
                re += (reSpecials.has(c) ? '\\' : '') + c;
                continue;
            }
            if (c === '*') {
                if (inStar)
                    continue;
                inStar = true;
                re += noEmpty && /^[*]+$/.test(glob) ? starNoEmpty : star;
                hasMagic = true;
                continue;
            }
            else {
                inStar = false;
            }
            if (c === '\\') {
                if (i === glob.length - 1) {
                    re += '\\\\';
                }
                else {
                    escaping = true;
                }
                continue;
            }
            if (c === '[') {
                const [src, needUflag, consumed, magic] = parseClass(glob, i);
                if (consumed) {
                    re += src;
                    uflag = uflag || needUflag;
                    i += consumed - 1;
                    hasMagic = hasMagic || magic;
                    continue;
                }
            }
            if (c === '?') {
                re += qmark;
                hasMagic = true;
                continue;
            }
            re += regExpEscape(c);
        }
        return [re, unescape_unescape(glob), !!hasMagic, uflag];
    }
}
_a = AST;
//# sourceMappingURL=ast.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/escape.js
/**
 * Escape all magic characters in a glob pattern.
 *
 * If the {@link MinimatchOptions.windowsPathsNoEscape}
 * option is used, then characters are escaped by wrapping in `[]`, because
 * a magic character wrapped in a character class can only be satisfied by
 * that exact character.  In this mode, `\` is _not_ escaped, because it is
 * not interpreted as a magic character, but instead as a path separator.
 *
 * If the {@link MinimatchOptions.magicalBraces} option is used,
 * then braces (`{` and `}`) will be escaped.
 */
const escape_escape = (s, { windowsPathsNoEscape = false, magicalBraces = false, } = {}) => {
    // don't need to escape +@! because we escape the parens
    // that make those magic, and escaping ! as [!] isn't valid,
    // because [!]] is a valid glob class meaning not ']'.
    if (magicalBraces) {
        return windowsPathsNoEscape ?
            s.replace(/[?*()[\]{}]/g, '[$&]')
            : s.replace(/[?*()[\]\\{}]/g, '\\$&');
    }
    return windowsPathsNoEscape ?
        s.replace(/[?*()[\]]/g, '[$&]')
        : s.replace(/[?*()[\]\\]/g, '\\$&');
};
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./node_modules/minimatch/dist/esm/index.js





const minimatch = (p, pattern, options = {}) => {
    assertValidPattern(pattern);
    // shortcut: comments match nothing.
    if (!options.nocomment && pattern.charAt(0) === '#') {
        return false;
    }
    return new Minimatch(pattern, options).match(p);
};
// Optimized checking for the most common glob patterns.
const starDotExtRE = /^\*+([^+@!?*[(]*)$/;
const starDotExtTest = (ext) => (f) => !f.startsWith('.') && f.endsWith(ext);
const starDotExtTestDot = (ext) => (f) => f.endsWith(ext);
const starDotExtTestNocase = (ext) => {
    ext = ext.toLowerCase();
    return (f) => !f.startsWith('.') && f.toLowerCase().endsWith(ext);
};
const starDotExtTestNocaseDot = (ext) => {
    ext = ext.toLowerCase();
    return (f) => f.toLowerCase().endsWith(ext);
};
const starDotStarRE = /^\*+\.\*+$/;
const starDotStarTest = (f) => !f.startsWith('.') && f.includes('.');
const starDotStarTestDot = (f) => f !== '.' && f !== '..' && f.includes('.');
const dotStarRE = /^\.\*+$/;
const dotStarTest = (f) => f !== '.' && f !== '..' && f.startsWith('.');
const starRE = /^\*+$/;
const starTest = (f) => f.length !== 0 && !f.startsWith('.');
const starTestDot = (f) => f.length !== 0 && f !== '.' && f !== '..';
const qmarksRE = /^\?+([^+@!?*[(]*)?$/;
const qmarksTestNocase = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestNocaseDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    if (!ext)
        return noext;
    ext = ext.toLowerCase();
    return (f) => noext(f) && f.toLowerCase().endsWith(ext);
};
const qmarksTestDot = ([$0, ext = '']) => {
    const noext = qmarksTestNoExtDot([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTest = ([$0, ext = '']) => {
    const noext = qmarksTestNoExt([$0]);
    return !ext ? noext : (f) => noext(f) && f.endsWith(ext);
};
const qmarksTestNoExt = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && !f.startsWith('.');
};
const qmarksTestNoExtDot = ([$0]) => {
    const len = $0.length;
    return (f) => f.length === len && f !== '.' && f !== '..';
};
/* c8 ignore start */
const defaultPlatform = (typeof process === 'object' && process ?
    (typeof process.env === 'object' &&
        process.env &&
        process.env.__MINIMATCH_TESTING_PLATFORM__) ||
        process.platform
    : 'posix');
const esm_path = {
    win32: { sep: '\\' },
    posix: { sep: '/' },
};
/* c8 ignore stop */
const sep = defaultPlatform === 'win32' ? esm_path.win32.sep : esm_path.posix.sep;
minimatch.sep = sep;
const GLOBSTAR = Symbol('globstar **');
minimatch.GLOBSTAR = GLOBSTAR;
// any single thing other than /
// don't need to escape / when using new RegExp()
const esm_qmark = '[^/]';
// * => any number of characters
const esm_star = esm_qmark + '*?';
// ** when dots are allowed.  Anything goes, except .. and .
// not (^ or / followed by one or two dots followed by $ or /),
// followed by anything, any number of times.
const twoStarDot = '(?:(?!(?:\\/|^)(?:\\.{1,2})($|\\/)).)*?';
// not a ^ or / followed by a dot,
// followed by anything, any number of times.
const twoStarNoDot = '(?:(?!(?:\\/|^)\\.).)*?';
const filter = (pattern, options = {}) => (p) => minimatch(p, pattern, options);
minimatch.filter = filter;
const ext = (a, b = {}) => Object.assign({}, a, b);
const defaults = (def) => {
    if (!def || typeof def !== 'object' || !Object.keys(def).length) {
        return minimatch;
    }
    const orig = minimatch;
    const m = (p, pattern, options = {}) => orig(p, pattern, ext(def, options));
    return Object.assign(m, {
        Minimatch: class Minimatch extends orig.Minimatch {
            constructor(pattern, options = {}) {
                super(pattern, ext(def, options));
            }
            static defaults(options) {
                return orig.defaults(ext(def, options)).Minimatch;
            }
        },
        AST: class AST extends orig.AST {
            /* c8 ignore start */
            constructor(type, parent, options = {}) {
                super(type, parent, ext(def, options));
            }
            /* c8 ignore stop */
            static fromGlob(pattern, options = {}) {
                return orig.AST.fromGlob(pattern, ext(def, options));
            }
        },
        unescape: (s, options = {}) => orig.unescape(s, ext(def, options)),
        escape: (s, options = {}) => orig.escape(s, ext(def, options)),
        filter: (pattern, options = {}) => orig.filter(pattern, ext(def, options)),
        defaults: (options) => orig.defaults(ext(def, options)),
        makeRe: (pattern, options = {}) => orig.makeRe(pattern, ext(def, options)),
        braceExpand: (pattern, options = {}) => orig.braceExpand(pattern, ext(def, options)),
        match: (list, pattern, options = {}) => orig.match(list, pattern, ext(def, options)),
        sep: orig.sep,
        GLOBSTAR: GLOBSTAR,
    });
};
minimatch.defaults = defaults;
// Brace expansion:
// a{b,c}d -> abd acd
// a{b,}c -> abc ac
// a{0..3}d -> a0d a1d a2d a3d
// a{b,c{d,e}f}g -> abg acdfg acefg
// a{b,c}d{e,f}g -> abdeg acdeg abdeg abdfg
//
// Invalid sets are not expanded.
// a{2..}b -> a{2..}b
// a{b}c -> a{b}c
const braceExpand = (pattern, options = {}) => {
    assertValidPattern(pattern);
    // Thanks to Yeting Li <https://github.com/yetingli> for
    // improving this regexp to avoid a ReDOS vulnerability.
    if (options.nobrace || !/\{(?:(?!\{).)*\}/.test(pattern)) {
        // shortcut. no need to expand.
        return [pattern];
    }
    return expand(pattern, { max: options.braceExpandMax });
};
minimatch.braceExpand = braceExpand;
// parse a component of the expanded set.
// At this point, no pattern may contain "/" in it
// so we're going to return a 2d array, where each entry is the full
// pattern, split on '/', and then turned into a regular expression.
// A regexp is made at the end which joins each array with an
// escaped /, and another full one which joins each regexp with |.
//
// Following the lead of Bash 4.1, note that "**" only has special meaning
// when it is the *only* thing in a path portion.  Otherwise, any series
// of * is equivalent to a single *.  Globstar behavior is enabled by
// default, and can be disabled by setting options.noglobstar.
const makeRe = (pattern, options = {}) => new Minimatch(pattern, options).makeRe();
minimatch.makeRe = makeRe;
const match = (list, pattern, options = {}) => {
    const mm = new Minimatch(pattern, options);
    list = list.filter(f => mm.match(f));
    if (mm.options.nonull && !list.length) {
        list.push(pattern);
    }
    return list;
};
minimatch.match = match;
// replace stuff like \* with *
const globMagic = /[?*]|[+@!]\(.*?\)|\[|\]/;
const esm_regExpEscape = (s) => s.replace(/[-[\]{}()*+?.,\\^$|#\s]/g, '\\$&');
class Minimatch {
    options;
    set;
    pattern;
    windowsPathsNoEscape;
    nonegate;
    negate;
    comment;
    empty;
    preserveMultipleSlashes;
    partial;
    globSet;
    globParts;
    nocase;
    isWindows;
    platform;
    windowsNoMagicRoot;
    maxGlobstarRecursion;
    regexp;
    constructor(pattern, options = {}) {
        assertValidPattern(pattern);
        options = options || {};
        this.options = options;
        this.maxGlobstarRecursion = options.maxGlobstarRecursion ?? 200;
        this.pattern = pattern;
        this.platform = options.platform || defaultPlatform;
        this.isWindows = this.platform === 'win32';
        // avoid the annoying deprecation flag lol
        const awe = ('allowWindow' + 'sEscape');
        this.windowsPathsNoEscape =
            !!options.windowsPathsNoEscape || options[awe] === false;
        if (this.windowsPathsNoEscape) {
            this.pattern = this.pattern.replace(/\\/g, '/');
        }
        this.preserveMultipleSlashes = !!options.preserveMultipleSlashes;
        this.regexp = null;
        this.negate = false;
        this.nonegate = !!options.nonegate;
        this.comment = false;
        this.empty = false;
        this.partial = !!options.partial;
        this.nocase = !!this.options.nocase;
        this.windowsNoMagicRoot =
            options.windowsNoMagicRoot !== undefined ?
                options.windowsNoMagicRoot
                : !!(this.isWindows && this.nocase);
        this.globSet = [];
        this.globParts = [];
        this.set = [];
        // make the set of regexps etc.
        this.make();
    }
    hasMagic() {
        if (this.options.magicalBraces && this.set.length > 1) {
            return true;
        }
        for (const pattern of this.set) {
            for (const part of pattern) {
                if (typeof part !== 'string')
                    return true;
            }
        }
        return false;
    }
    debug(..._) { }
    make() {
        const pattern = this.pattern;
        const options = this.options;
        // empty patterns and comments match nothing.
        if (!options.nocomment && pattern.charAt(0) === '#') {
            this.comment = true;
            return;
        }
        if (!pattern) {
            this.empty = true;
            return;
        }
        // step 1: figure out negation, etc.
        this.parseNegate();
        // step 2: expand braces
        this.globSet = [...new Set(this.braceExpand())];
        if (options.debug) {
            //oxlint-disable-next-line no-console
            this.debug = (...args) => console.error(...args);
        }
        this.debug(this.pattern, this.globSet);
        // step 3: now we have a set, so turn each one into a series of
        // path-portion matching patterns.
        // These will be regexps, except in the case of "**", which is
        // set to the GLOBSTAR object for globstar behavior,
        // and will not contain any / characters
        //
        // First, we preprocess to make the glob pattern sets a bit simpler
        // and deduped.  There are some perf-killing patterns that can cause
        // problems with a glob walk, but we can simplify them down a bit.
        const rawGlobParts = this.globSet.map(s => this.slashSplit(s));
        this.globParts = this.preprocess(rawGlobParts);
        this.debug(this.pattern, this.globParts);
        // glob --> regexps
        let set = this.globParts.map((s, _, __) => {
            if (this.isWindows && this.windowsNoMagicRoot) {
                // check if it's a drive or unc path.
                const isUNC = s[0] === '' &&
                    s[1] === '' &&
                    (s[2] === '?' || !globMagic.test(s[2])) &&
                    !globMagic.test(s[3]);
                const isDrive = /^[a-z]:/i.test(s[0]);
                if (isUNC) {
                    return [
                        ...s.slice(0, 4),
                        ...s.slice(4).map(ss => this.parse(ss)),
                    ];
                }
                else if (isDrive) {
                    return [s[0], ...s.slice(1).map(ss => this.parse(ss))];
                }
            }
            return s.map(ss => this.parse(ss));
        });
        this.debug(this.pattern, set);
        // filter out everything that didn't compile properly.
        this.set = set.filter(s => s.indexOf(false) === -1);
        // do not treat the ? in UNC paths as magic
        if (this.isWindows) {
            for (let i = 0; i < this.set.length; i++) {
                const p = this.set[i];
                if (p[0] === '' &&
                    p[1] === '' &&
                    this.globParts[i][2] === '?' &&
                    typeof p[3] === 'string' &&
                    /^[a-z]:$/i.test(p[3])) {
                    p[2] = '?';
                }
            }
        }
        this.debug(this.pattern, this.set);
    }
    // various transforms to equivalent pattern sets that are
    // faster to process in a filesystem walk.  The goal is to
    // eliminate what we can, and push all ** patterns as far
    // to the right as possible, even if it increases the number
    // of patterns that we have to process.
    preprocess(globParts) {
        // if we're not in globstar mode, then turn ** into *
        if (this.options.noglobstar) {
            for (const partset of globParts) {
                for (let j = 0; j < partset.length; j++) {
                    if (partset[j] === '**') {
                        partset[j] = '*';
                    }
                }
            }
        }
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            // aggressive optimization for the purpose of fs walking
            globParts = this.firstPhasePreProcess(globParts);
            globParts = this.secondPhasePreProcess(globParts);
        }
        else if (optimizationLevel >= 1) {
            // just basic optimizations to remove some .. parts
            globParts = this.levelOneOptimize(globParts);
        }
        else {
            // just collapse multiple ** portions into one
            globParts = this.adjascentGlobstarOptimize(globParts);
        }
        return globParts;
    }
    // just get rid of adjascent ** portions
    adjascentGlobstarOptimize(globParts) {
        return globParts.map(parts => {
            let gs = -1;
            while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                let i = gs;
                while (parts[i + 1] === '**') {
                    i++;
                }
                if (i !== gs) {
                    parts.splice(gs, i - gs);
                }
            }
            return parts;
        });
    }
    // get rid of adjascent ** and resolve .. portions
    levelOneOptimize(globParts) {
        return globParts.map(parts => {
            parts = parts.reduce((set, part) => {
                const prev = set[set.length - 1];
                if (part === '**' && prev === '**') {
                    return set;
                }
                if (part === '..') {
                    if (prev && prev !== '..' && prev !== '.' && prev !== '**') {
                        set.pop();
                        return set;
                    }
                }
                set.push(part);
                return set;
            }, []);
            return parts.length === 0 ? [''] : parts;
        });
    }
    levelTwoFileOptimize(parts) {
        if (!Array.isArray(parts)) {
            parts = this.slashSplit(parts);
        }
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/<e>/<rest> -> <pre>/<rest>
            if (!this.preserveMultipleSlashes) {
                for (let i = 1; i < parts.length - 1; i++) {
                    const p = parts[i];
                    // don't squeeze out UNC patterns
                    if (i === 1 && p === '' && parts[0] === '')
                        continue;
                    if (p === '.' || p === '') {
                        didSomething = true;
                        parts.splice(i, 1);
                        i--;
                    }
                }
                if (parts[0] === '.' &&
                    parts.length === 2 &&
                    (parts[1] === '.' || parts[1] === '')) {
                    didSomething = true;
                    parts.pop();
                }
            }
            // <pre>/<p>/../<rest> -> <pre>/<rest>
            let dd = 0;
            while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                const p = parts[dd - 1];
                if (p &&
                    p !== '.' &&
                    p !== '..' &&
                    p !== '**' &&
                    !(this.isWindows && /^[a-z]:$/i.test(p))) {
                    didSomething = true;
                    parts.splice(dd - 1, 2);
                    dd -= 2;
                }
            }
        } while (didSomething);
        return parts.length === 0 ? [''] : parts;
    }
    // First phase: single-pattern processing
    // <pre> is 1 or more portions
    // <rest> is 1 or more portions
    // <p> is any portion other than ., .., '', or **
    // <e> is . or ''
    //
    // **/.. is *brutal* for filesystem walking performance, because
    // it effectively resets the recursive walk each time it occurs,
    // and ** cannot be reduced out by a .. pattern part like a regexp
    // or most strings (other than .., ., and '') can be.
    //
    // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
    // <pre>/<e>/<rest> -> <pre>/<rest>
    // <pre>/<p>/../<rest> -> <pre>/<rest>
    // **/**/<rest> -> **/<rest>
    //
    // **/*/<rest> -> */**/<rest> <== not valid because ** doesn't follow
    // this WOULD be allowed if ** did follow symlinks, or * didn't
    firstPhasePreProcess(globParts) {
        let didSomething = false;
        do {
            didSomething = false;
            // <pre>/**/../<p>/<p>/<rest> -> {<pre>/../<p>/<p>/<rest>,<pre>/**/<p>/<p>/<rest>}
            for (let parts of globParts) {
                let gs = -1;
                while (-1 !== (gs = parts.indexOf('**', gs + 1))) {
                    let gss = gs;
                    while (parts[gss + 1] === '**') {
                        // <pre>/**/**/<rest> -> <pre>/**/<rest>
                        gss++;
                    }
                    // eg, if gs is 2 and gss is 4, that means we have 3 **
                    // parts, and can remove 2 of them.
                    if (gss > gs) {
                        parts.splice(gs + 1, gss - gs);
                    }
                    let next = parts[gs + 1];
                    const p = parts[gs + 2];
                    const p2 = parts[gs + 3];
                    if (next !== '..')
                        continue;
                    if (!p ||
                        p === '.' ||
                        p === '..' ||
                        !p2 ||
                        p2 === '.' ||
                        p2 === '..') {
                        continue;
                    }
                    didSomething = true;
                    // edit parts in place, and push the new one
                    parts.splice(gs, 1);
                    const other = parts.slice(0);
                    other[gs] = '**';
                    globParts.push(other);
                    gs--;
                }
                // <pre>/<e>/<rest> -> <pre>/<rest>
                if (!this.preserveMultipleSlashes) {
                    for (let i = 1; i < parts.length - 1; i++) {
                        const p = parts[i];
                        // don't squeeze out UNC patterns
                        if (i === 1 && p === '' && parts[0] === '')
                            continue;
                        if (p === '.' || p === '') {
                            didSomething = true;
                            parts.splice(i, 1);
                            i--;
                        }
                    }
                    if (parts[0] === '.' &&
                        parts.length === 2 &&
                        (parts[1] === '.' || parts[1] === '')) {
                        didSomething = true;
                        parts.pop();
                    }
                }
                // <pre>/<p>/../<rest> -> <pre>/<rest>
                let dd = 0;
                while (-1 !== (dd = parts.indexOf('..', dd + 1))) {
                    const p = parts[dd - 1];
                    if (p && p !== '.' && p !== '..' && p !== '**') {
                        didSomething = true;
                        const needDot = dd === 1 && parts[dd + 1] === '**';
                        const splin = needDot ? ['.'] : [];
                        parts.splice(dd - 1, 2, ...splin);
                        if (parts.length === 0)
                            parts.push('');
                        dd -= 2;
                    }
                }
            }
        } while (didSomething);
        return globParts;
    }
    // second phase: multi-pattern dedupes
    // {<pre>/*/<rest>,<pre>/<p>/<rest>} -> <pre>/*/<rest>
    // {<pre>/<rest>,<pre>/<rest>} -> <pre>/<rest>
    // {<pre>/**/<rest>,<pre>/<rest>} -> <pre>/**/<rest>
    //
    // {<pre>/**/<rest>,<pre>/**/<p>/<rest>} -> <pre>/**/<rest>
    // ^-- not valid because ** doens't follow symlinks
    secondPhasePreProcess(globParts) {
        for (let i = 0; i < globParts.length - 1; i++) {
            for (let j = i + 1; j < globParts.length; j++) {
                const matched = this.partsMatch(globParts[i], globParts[j], !this.preserveMultipleSlashes);
                if (matched) {
                    globParts[i] = [];
                    globParts[j] = matched;
                    break;
                }
            }
        }
        return globParts.filter(gs => gs.length);
    }
    partsMatch(a, b, emptyGSMatch = false) {
        let ai = 0;
        let bi = 0;
        let result = [];
        let which = '';
        while (ai < a.length && bi < b.length) {
            if (a[ai] === b[bi]) {
                result.push(which === 'b' ? b[bi] : a[ai]);
                ai++;
                bi++;
            }
            else if (emptyGSMatch && a[ai] === '**' && b[bi] === a[ai + 1]) {
                result.push(a[ai]);
                ai++;
            }
            else if (emptyGSMatch && b[bi] === '**' && a[ai] === b[bi + 1]) {
                result.push(b[bi]);
                bi++;
            }
            else if (a[ai] === '*' &&
                b[bi] &&
                (this.options.dot || !b[bi].startsWith('.')) &&
                b[bi] !== '**') {
                if (which === 'b')
                    return false;
                which = 'a';
                result.push(a[ai]);
                ai++;
                bi++;
            }
            else if (b[bi] === '*' &&
                a[ai] &&
                (this.options.dot || !a[ai].startsWith('.')) &&
                a[ai] !== '**') {
                if (which === 'a')
                    return false;
                which = 'b';
                result.push(b[bi]);
                ai++;
                bi++;
            }
            else {
                return false;
            }
        }
        // if we fall out of the loop, it means they two are identical
        // as long as their lengths match
        return a.length === b.length && result;
    }
    parseNegate() {
        if (this.nonegate)
            return;
        const pattern = this.pattern;
        let negate = false;
        let negateOffset = 0;
        for (let i = 0; i < pattern.length && pattern.charAt(i) === '!'; i++) {
            negate = !negate;
            negateOffset++;
        }
        if (negateOffset)
            this.pattern = pattern.slice(negateOffset);
        this.negate = negate;
    }
    // set partial to true to test if, for example,
    // "/a/b" matches the start of "/*/b/*/d"
    // Partial means, if you run out of file before you run
    // out of pattern, then that's fine, as long as all
    // the parts match.
    matchOne(file, pattern, partial = false) {
        let fileStartIndex = 0;
        let patternStartIndex = 0;
        // UNC paths like //?/X:/... can match X:/... and vice versa
        // Drive letters in absolute drive or unc paths are always compared
        // case-insensitively.
        if (this.isWindows) {
            const fileDrive = typeof file[0] === 'string' && /^[a-z]:$/i.test(file[0]);
            const fileUNC = !fileDrive &&
                file[0] === '' &&
                file[1] === '' &&
                file[2] === '?' &&
                /^[a-z]:$/i.test(file[3]);
            const patternDrive = typeof pattern[0] === 'string' && /^[a-z]:$/i.test(pattern[0]);
            const patternUNC = !patternDrive &&
                pattern[0] === '' &&
                pattern[1] === '' &&
                pattern[2] === '?' &&
                typeof pattern[3] === 'string' &&
                /^[a-z]:$/i.test(pattern[3]);
            const fdi = fileUNC ? 3
                : fileDrive ? 0
                    : undefined;
            const pdi = patternUNC ? 3
                : patternDrive ? 0
                    : undefined;
            if (typeof fdi === 'number' && typeof pdi === 'number') {
                const [fd, pd] = [
                    file[fdi],
                    pattern[pdi],
                ];
                // start matching at the drive letter index of each
                if (fd.toLowerCase() === pd.toLowerCase()) {
                    pattern[pdi] = fd;
                    patternStartIndex = pdi;
                    fileStartIndex = fdi;
                }
            }
        }
        // resolve and reduce . and .. portions in the file as well.
        // don't need to do the second phase, because it's only one string[]
        const { optimizationLevel = 1 } = this.options;
        if (optimizationLevel >= 2) {
            file = this.levelTwoFileOptimize(file);
        }
        if (pattern.includes(GLOBSTAR)) {
            return this.#matchGlobstar(file, pattern, partial, fileStartIndex, patternStartIndex);
        }
        return this.#matchOne(file, pattern, partial, fileStartIndex, patternStartIndex);
    }
    #matchGlobstar(file, pattern, partial, fileIndex, patternIndex) {
        // split the pattern into head, tail, and middle of ** delimited parts
        const firstgs = pattern.indexOf(GLOBSTAR, patternIndex);
        const lastgs = pattern.lastIndexOf(GLOBSTAR);
        // split the pattern up into globstar-delimited sections
        // the tail has to be at the end, and the others just have
        // to be found in order from the head.
        const [head, body, tail] = partial ?
            [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1),
                [],
            ]
            : [
                pattern.slice(patternIndex, firstgs),
                pattern.slice(firstgs + 1, lastgs),
                pattern.slice(lastgs + 1),
            ];
        // check the head, from the current file/pattern index.
        if (head.length) {
            const fileHead = file.slice(fileIndex, fileIndex + head.length);
            if (!this.#matchOne(fileHead, head, partial, 0, 0)) {
                return false;
            }
            fileIndex += head.length;
            patternIndex += head.length;
        }
        // now we know the head matches!
        // if the last portion is not empty, it MUST match the end
        // check the tail
        let fileTailMatch = 0;
        if (tail.length) {
            // if head + tail > file, then we cannot possibly match
            if (tail.length + fileIndex > file.length)
                return false;
            // try to match the tail
            let tailStart = file.length - tail.length;
            if (this.#matchOne(file, tail, partial, tailStart, 0)) {
                fileTailMatch = tail.length;
            }
            else {
                // affordance for stuff like a/**/* matching a/b/
                // if the last file portion is '', and there's more to the pattern
                // then try without the '' bit.
                if (file[file.length - 1] !== '' ||
                    fileIndex + tail.length === file.length) {
                    return false;
                }
                tailStart--;
                if (!this.#matchOne(file, tail, partial, tailStart, 0)) {
                    return false;
                }
                fileTailMatch = tail.length + 1;
            }
        }
        // now we know the tail matches!
        // the middle is zero or more portions wrapped in **, possibly
        // containing more ** sections.
        // so a/**/b/**/c/**/d has become **/b/**/c/**
        // if it's empty, it means a/**/b, just verify we have no bad dots
        // if there's no tail, so it ends on /**, then we must have *something*
        // after the head, or it's not a matc
        if (!body.length) {
            let sawSome = !!fileTailMatch;
            for (let i = fileIndex; i < file.length - fileTailMatch; i++) {
                const f = String(file[i]);
                sawSome = true;
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            // in partial mode, we just need to get past all file parts
            return partial || sawSome;
        }
        // now we know that there's one or more body sections, which can
        // be matched anywhere from the 0 index (because the head was pruned)
        // through to the length-fileTailMatch index.
        // split the body up into sections, and note the minimum index it can
        // be found at (start with the length of all previous segments)
        // [section, before, after]
        const bodySegments = [[[], 0]];
        let currentBody = bodySegments[0];
        let nonGsParts = 0;
        const nonGsPartsSums = [0];
        for (const b of body) {
            if (b === GLOBSTAR) {
                nonGsPartsSums.push(nonGsParts);
                currentBody = [[], 0];
                bodySegments.push(currentBody);
            }
            else {
                currentBody[0].push(b);
                nonGsParts++;
            }
        }
        let i = bodySegments.length - 1;
        const fileLength = file.length - fileTailMatch;
        for (const b of bodySegments) {
            b[1] = fileLength - (nonGsPartsSums[i--] + b[0].length);
        }
        return !!this.#matchGlobStarBodySections(file, bodySegments, fileIndex, 0, partial, 0, !!fileTailMatch);
    }
    // return false for "nope, not matching"
    // return null for "not matching, cannot keep trying"
    #matchGlobStarBodySections(file, 
    // pattern section, last possible position for it
    bodySegments, fileIndex, bodyIndex, partial, globStarDepth, sawTail) {
        // take the first body segment, and walk from fileIndex to its "after"
        // value at the end
        // If it doesn't match at that position, we increment, until we hit
        // that final possible position, and give up.
        // If it does match, then advance and try to rest.
        // If any of them fail we keep walking forward.
        // this is still a bit recursively painful, but it's more constrained
        // than previous implementations, because we never test something that
        // can't possibly be a valid matching condition.
        const bs = bodySegments[bodyIndex];
        if (!bs) {
            // just make sure that there's no bad dots
            for (let i = fileIndex; i < file.length; i++) {
                sawTail = true;
                const f = file[i];
                if (f === '.' ||
                    f === '..' ||
                    (!this.options.dot && f.startsWith('.'))) {
                    return false;
                }
            }
            return sawTail;
        }
        // have a non-globstar body section to test
        const [body, after] = bs;
        while (fileIndex <= after) {
            const m = this.#matchOne(file.slice(0, fileIndex + body.length), body, partial, fileIndex, 0);
            // if limit exceeded, no match. intentional false negative,
            // acceptable break in correctness for security.
            if (m && globStarDepth < this.maxGlobstarRecursion) {
                // match! see if the rest match. if so, we're done!
                const sub = this.#matchGlobStarBodySections(file, bodySegments, fileIndex + body.length, bodyIndex + 1, partial, globStarDepth + 1, sawTail);
                if (sub !== false) {
                    return sub;
                }
            }
            const f = file[fileIndex];
            if (f === '.' ||
                f === '..' ||
                (!this.options.dot && f.startsWith('.'))) {
                return false;
            }
            fileIndex++;
        }
        // walked off. no point continuing
        return partial || null;
    }
    #matchOne(file, pattern, partial, fileIndex, patternIndex) {
        let fi;
        let pi;
        let pl;
        let fl;
        for (fi = fileIndex,
            pi = patternIndex,
            fl = file.length,
            pl = pattern.length; fi < fl && pi < pl; fi++, pi++) {
            this.debug('matchOne loop');
            let p = pattern[pi];
            let f = file[fi];
            this.debug(pattern, p, f);
            // should be impossible.
            // some invalid regexp stuff in the set.
            /* c8 ignore start */
            if (p === false || p === GLOBSTAR) {
                return false;
            }
            /* c8 ignore stop */
            // something other than **
            // non-magic patterns just have to match exactly
            // patterns with magic have been turned into regexps.
            let hit;
            if (typeof p === 'string') {
                hit = f === p;
                this.debug('string match', p, f, hit);
            }
            else {
                hit = p.test(f);
                this.debug('pattern match', p, f, hit);
            }
            if (!hit)
                return false;
        }
        // Note: ending in / means that we'll get a final ""
        // at the end of the pattern.  This can only match a
        // corresponding "" at the end of the file.
        // If the file ends in /, then it can only match a
        // a pattern that ends in /, unless the pattern just
        // doesn't have any more for it. But, a/b/ should *not*
        // match "a/b/*", even though "" matches against the
        // [^/]*? pattern, except in partial mode, where it might
        // simply not be reached yet.
        // However, a/b/ should still satisfy a/*
        // now either we fell off the end of the pattern, or we're done.
        if (fi === fl && pi === pl) {
            // ran out of pattern and filename at the same time.
            // an exact hit!
            return true;
        }
        else if (fi === fl) {
            // ran out of file, but still had pattern left.
            // this is ok if we're doing the match as part of
            // a glob fs traversal.
            return partial;
        }
        else if (pi === pl) {
            // ran out of pattern, still have file left.
            // this is only acceptable if we're on the very last
            // empty segment of a file with a trailing slash.
            // a/* should match a/b/
            return fi === fl - 1 && file[fi] === '';
            /* c8 ignore start */
        }
        else {
            // should be unreachable.
            throw new Error('wtf?');
        }
        /* c8 ignore stop */
    }
    braceExpand() {
        return braceExpand(this.pattern, this.options);
    }
    parse(pattern) {
        assertValidPattern(pattern);
        const options = this.options;
        // shortcuts
        if (pattern === '**')
            return GLOBSTAR;
        if (pattern === '')
            return '';
        // far and away, the most common glob pattern parts are
        // *, *.*, and *.<ext>  Add a fast check method for those.
        let m;
        let fastTest = null;
        if ((m = pattern.match(starRE))) {
            fastTest = options.dot ? starTestDot : starTest;
        }
        else if ((m = pattern.match(starDotExtRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    starDotExtTestNocaseDot
                    : starDotExtTestNocase
                : options.dot ? starDotExtTestDot
                    : starDotExtTest)(m[1]);
        }
        else if ((m = pattern.match(qmarksRE))) {
            fastTest = (options.nocase ?
                options.dot ?
                    qmarksTestNocaseDot
                    : qmarksTestNocase
                : options.dot ? qmarksTestDot
                    : qmarksTest)(m);
        }
        else if ((m = pattern.match(starDotStarRE))) {
            fastTest = options.dot ? starDotStarTestDot : starDotStarTest;
        }
        else if ((m = pattern.match(dotStarRE))) {
            fastTest = dotStarTest;
        }
        const re = AST.fromGlob(pattern, this.options).toMMPattern();
        if (fastTest && typeof re === 'object') {
            // Avoids overriding in frozen environments
            Reflect.defineProperty(re, 'test', { value: fastTest });
        }
        return re;
    }
    makeRe() {
        if (this.regexp || this.regexp === false)
            return this.regexp;
        // at this point, this.set is a 2d array of partial
        // pattern strings, or "**".
        //
        // It's better to use .match().  This function shouldn't
        // be used, really, but it's pretty convenient sometimes,
        // when you just want to work with a regex.
        const set = this.set;
        if (!set.length) {
            this.regexp = false;
            return this.regexp;
        }
        const options = this.options;
        const twoStar = options.noglobstar ? esm_star
            : options.dot ? twoStarDot
                : twoStarNoDot;
        const flags = new Set(options.nocase ? ['i'] : []);
        // regexpify non-globstar patterns
        // if ** is only item, then we just do one twoStar
        // if ** is first, and there are more, prepend (\/|twoStar\/)? to next
        // if ** is last, append (\/twoStar|) to previous
        // if ** is in the middle, append (\/|\/twoStar\/) to previous
        // then filter out GLOBSTAR symbols
        let re = set
            .map(pattern => {
            const pp = pattern.map(p => {
                if (p instanceof RegExp) {
                    for (const f of p.flags.split(''))
                        flags.add(f);
                }
                return (typeof p === 'string' ? esm_regExpEscape(p)
                    : p === GLOBSTAR ? GLOBSTAR
                        : p._src);
            });
            pp.forEach((p, i) => {
                const next = pp[i + 1];
                const prev = pp[i - 1];
                if (p !== GLOBSTAR || prev === GLOBSTAR) {
                    return;
                }
                if (prev === undefined) {
                    if (next !== undefined && next !== GLOBSTAR) {
                        pp[i + 1] = '(?:\\/|' + twoStar + '\\/)?' + next;
                    }
                    else {
                        pp[i] = twoStar;
                    }
                }
                else if (next === undefined) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + ')?';
                }
                else if (next !== GLOBSTAR) {
                    pp[i - 1] = prev + '(?:\\/|\\/' + twoStar + '\\/)' + next;
                    pp[i + 1] = GLOBSTAR;
                }
            });
            const filtered = pp.filter(p => p !== GLOBSTAR);
            // For partial matches, we need to make the pattern match
            // any prefix of the full path. We do this by generating
            // alternative patterns that match progressively longer prefixes.
            if (this.partial && filtered.length >= 1) {
                const prefixes = [];
                for (let i = 1; i <= filtered.length; i++) {
                    prefixes.push(filtered.slice(0, i).join('/'));
                }
                return '(?:' + prefixes.join('|') + ')';
            }
            return filtered.join('/');
        })
            .join('|');
        // need to wrap in parens if we had more than one thing with |,
        // otherwise only the first will be anchored to ^ and the last to $
        const [open, close] = set.length > 1 ? ['(?:', ')'] : ['', ''];
        // must match entire pattern
        // ending in a * or ** will make it less strict.
        re = '^' + open + re + close + '$';
        // In partial mode, '/' should always match as it's a valid prefix for any pattern
        if (this.partial) {
            re = '^(?:\\/|' + open + re.slice(1, -1) + close + ')$';
        }
        // can match anything, as long as it's not this.
        if (this.negate)
            re = '^(?!' + re + ').+$';
        try {
            this.regexp = new RegExp(re, [...flags].join(''));
            /* c8 ignore start */
        }
        catch {
            // should be impossible
            this.regexp = false;
        }
        /* c8 ignore stop */
        return this.regexp;
    }
    slashSplit(p) {
        // if p starts with // on windows, we preserve that
        // so that UNC paths aren't broken.  Otherwise, any number of
        // / characters are coalesced into one, unless
        // preserveMultipleSlashes is set to true.
        if (this.preserveMultipleSlashes) {
            return p.split('/');
        }
        else if (this.isWindows && /^\/\/[^/]+/.test(p)) {
            // add an extra '' for the one we lose
            return ['', ...p.split(/\/+/)];
        }
        else {
            return p.split(/\/+/);
        }
    }
    match(f, partial = this.partial) {
        this.debug('match', f, this.pattern);
        // short-circuit in the case of busted things.
        // comments, etc.
        if (this.comment) {
            return false;
        }
        if (this.empty) {
            return f === '';
        }
        if (f === '/' && partial) {
            return true;
        }
        const options = this.options;
        // windows: need to use /, not \
        if (this.isWindows) {
            f = f.split('\\').join('/');
        }
        // treat the test path as a set of pathparts.
        const ff = this.slashSplit(f);
        this.debug(this.pattern, 'split', ff);
        // just ONE of the pattern sets in this.set needs to match
        // in order for it to be valid.  If negating, then just one
        // match means that we have failed.
        // Either way, return on the first hit.
        const set = this.set;
        this.debug(this.pattern, 'set', set);
        // Find the basename of the path by looking for the last non-empty segment
        let filename = ff[ff.length - 1];
        if (!filename) {
            for (let i = ff.length - 2; !filename && i >= 0; i--) {
                filename = ff[i];
            }
        }
        for (const pattern of set) {
            let file = ff;
            if (options.matchBase && pattern.length === 1) {
                file = [filename];
            }
            const hit = this.matchOne(file, pattern, partial);
            if (hit) {
                if (options.flipNegate) {
                    return true;
                }
                return !this.negate;
            }
        }
        // didn't get any hits.  this is success if it's a negative
        // pattern, failure otherwise.
        if (options.flipNegate) {
            return false;
        }
        return this.negate;
    }
    static defaults(def) {
        return minimatch.defaults(def).Minimatch;
    }
}
/* c8 ignore start */



/* c8 ignore stop */
minimatch.AST = AST;
minimatch.Minimatch = Minimatch;
minimatch.escape = escape_escape;
minimatch.unescape = unescape_unescape;
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-path.js



const internal_path_IS_WINDOWS = process.platform === 'win32';
/**
 * Helper class for parsing paths into segments
 */
class Path {
    /**
     * Constructs a Path
     * @param itemPath Path or array of segments
     */
    constructor(itemPath) {
        this.segments = [];
        // String
        if (typeof itemPath === 'string') {
            external_assert_namespaceObject(itemPath, `Parameter 'itemPath' must not be empty`);
            // Normalize slashes and trim unnecessary trailing slash
            itemPath = safeTrimTrailingSeparator(itemPath);
            // Not rooted
            if (!hasRoot(itemPath)) {
                this.segments = itemPath.split(external_path_namespaceObject.sep);
            }
            // Rooted
            else {
                // Add all segments, while not at the root
                let remaining = itemPath;
                let dir = dirname(remaining);
                while (dir !== remaining) {
                    // Add the segment
                    const basename = external_path_namespaceObject.basename(remaining);
                    this.segments.unshift(basename);
                    // Truncate the last segment
                    remaining = dir;
                    dir = dirname(remaining);
                }
                // Remainder is the root
                this.segments.unshift(remaining);
            }
        }
        // Array
        else {
            // Must not be empty
            external_assert_namespaceObject(itemPath.length > 0, `Parameter 'itemPath' must not be an empty array`);
            // Each segment
            for (let i = 0; i < itemPath.length; i++) {
                let segment = itemPath[i];
                // Must not be empty
                external_assert_namespaceObject(segment, `Parameter 'itemPath' must not contain any empty segments`);
                // Normalize slashes
                segment = normalizeSeparators(itemPath[i]);
                // Root segment
                if (i === 0 && hasRoot(segment)) {
                    segment = safeTrimTrailingSeparator(segment);
                    external_assert_namespaceObject(segment === dirname(segment), `Parameter 'itemPath' root segment contains information for multiple segments`);
                    this.segments.push(segment);
                }
                // All other segments
                else {
                    // Must not contain slash
                    external_assert_namespaceObject(!segment.includes(external_path_namespaceObject.sep), `Parameter 'itemPath' contains unexpected path separators`);
                    this.segments.push(segment);
                }
            }
        }
    }
    /**
     * Converts the path to it's string representation
     */
    toString() {
        // First segment
        let result = this.segments[0];
        // All others
        let skipSlash = result.endsWith(external_path_namespaceObject.sep) || (internal_path_IS_WINDOWS && /^[A-Z]:$/i.test(result));
        for (let i = 1; i < this.segments.length; i++) {
            if (skipSlash) {
                skipSlash = false;
            }
            else {
                result += external_path_namespaceObject.sep;
            }
            result += this.segments[i];
        }
        return result;
    }
}
//# sourceMappingURL=internal-path.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-pattern.js







const internal_pattern_IS_WINDOWS = process.platform === 'win32';
class Pattern {
    constructor(patternOrNegate, isImplicitPattern = false, segments, homedir) {
        /**
         * Indicates whether matches should be excluded from the result set
         */
        this.negate = false;
        // Pattern overload
        let pattern;
        if (typeof patternOrNegate === 'string') {
            pattern = patternOrNegate.trim();
        }
        // Segments overload
        else {
            // Convert to pattern
            segments = segments || [];
            external_assert_namespaceObject(segments.length, `Parameter 'segments' must not empty`);
            const root = Pattern.getLiteral(segments[0]);
            external_assert_namespaceObject(root && hasAbsoluteRoot(root), `Parameter 'segments' first element must be a root path`);
            pattern = new Path(segments).toString().trim();
            if (patternOrNegate) {
                pattern = `!${pattern}`;
            }
        }
        // Negate
        while (pattern.startsWith('!')) {
            this.negate = !this.negate;
            pattern = pattern.substr(1).trim();
        }
        // Normalize slashes and ensures absolute root
        pattern = Pattern.fixupPattern(pattern, homedir);
        // Segments
        this.segments = new Path(pattern).segments;
        // Trailing slash indicates the pattern should only match directories, not regular files
        this.trailingSeparator = normalizeSeparators(pattern)
            .endsWith(external_path_namespaceObject.sep);
        pattern = safeTrimTrailingSeparator(pattern);
        // Search path (literal path prior to the first glob segment)
        let foundGlob = false;
        const searchSegments = this.segments
            .map(x => Pattern.getLiteral(x))
            .filter(x => !foundGlob && !(foundGlob = x === ''));
        this.searchPath = new Path(searchSegments).toString();
        // Root RegExp (required when determining partial match)
        this.rootRegExp = new RegExp(Pattern.regExpEscape(searchSegments[0]), internal_pattern_IS_WINDOWS ? 'i' : '');
        this.isImplicitPattern = isImplicitPattern;
        // Create minimatch
        const minimatchOptions = {
            dot: true,
            nobrace: true,
            nocase: internal_pattern_IS_WINDOWS,
            nocomment: true,
            noext: true,
            nonegate: true
        };
        pattern = internal_pattern_IS_WINDOWS ? pattern.replace(/\\/g, '/') : pattern;
        this.minimatch = new Minimatch(pattern, minimatchOptions);
    }
    /**
     * Matches the pattern against the specified path
     */
    match(itemPath) {
        // Last segment is globstar?
        if (this.segments[this.segments.length - 1] === '**') {
            // Normalize slashes
            itemPath = normalizeSeparators(itemPath);
            // Append a trailing slash. Otherwise Minimatch will not match the directory immediately
            // preceding the globstar. For example, given the pattern `/foo/**`, Minimatch returns
            // false for `/foo` but returns true for `/foo/`. Append a trailing slash to handle that quirk.
            if (!itemPath.endsWith(external_path_namespaceObject.sep) && this.isImplicitPattern === false) {
                // Note, this is safe because the constructor ensures the pattern has an absolute root.
                // For example, formats like C: and C:foo on Windows are resolved to an absolute root.
                itemPath = `${itemPath}${external_path_namespaceObject.sep}`;
            }
        }
        else {
            // Normalize slashes and trim unnecessary trailing slash
            itemPath = safeTrimTrailingSeparator(itemPath);
        }
        // Match
        if (this.minimatch.match(itemPath)) {
            return this.trailingSeparator ? MatchKind.Directory : MatchKind.All;
        }
        return MatchKind.None;
    }
    /**
     * Indicates whether the pattern may match descendants of the specified path
     */
    partialMatch(itemPath) {
        // Normalize slashes and trim unnecessary trailing slash
        itemPath = safeTrimTrailingSeparator(itemPath);
        // matchOne does not handle root path correctly
        if (dirname(itemPath) === itemPath) {
            return this.rootRegExp.test(itemPath);
        }
        return this.minimatch.matchOne(itemPath.split(internal_pattern_IS_WINDOWS ? /\\+/ : /\/+/), this.minimatch.set[0], true);
    }
    /**
     * Escapes glob patterns within a path
     */
    static globEscape(s) {
        return (internal_pattern_IS_WINDOWS ? s : s.replace(/\\/g, '\\\\')) // escape '\' on Linux/macOS
            .replace(/(\[)(?=[^/]+\])/g, '[[]') // escape '[' when ']' follows within the path segment
            .replace(/\?/g, '[?]') // escape '?'
            .replace(/\*/g, '[*]'); // escape '*'
    }
    /**
     * Normalizes slashes and ensures absolute root
     */
    static fixupPattern(pattern, homedir) {
        // Empty
        external_assert_namespaceObject(pattern, 'pattern cannot be empty');
        // Must not contain `.` segment, unless first segment
        // Must not contain `..` segment
        const literalSegments = new Path(pattern).segments.map(x => Pattern.getLiteral(x));
        external_assert_namespaceObject(literalSegments.every((x, i) => (x !== '.' || i === 0) && x !== '..'), `Invalid pattern '${pattern}'. Relative pathing '.' and '..' is not allowed.`);
        // Must not contain globs in root, e.g. Windows UNC path \\foo\b*r
        external_assert_namespaceObject(!hasRoot(pattern) || literalSegments[0], `Invalid pattern '${pattern}'. Root segment must not contain globs.`);
        // Normalize slashes
        pattern = normalizeSeparators(pattern);
        // Replace leading `.` segment
        if (pattern === '.' || pattern.startsWith(`.${external_path_namespaceObject.sep}`)) {
            pattern = Pattern.globEscape(process.cwd()) + pattern.substr(1);
        }
        // Replace leading `~` segment
        else if (pattern === '~' || pattern.startsWith(`~${external_path_namespaceObject.sep}`)) {
            homedir = homedir || external_os_namespaceObject.homedir();
            external_assert_namespaceObject(homedir, 'Unable to determine HOME directory');
            external_assert_namespaceObject(hasAbsoluteRoot(homedir), `Expected HOME directory to be a rooted path. Actual '${homedir}'`);
            pattern = Pattern.globEscape(homedir) + pattern.substr(1);
        }
        // Replace relative drive root, e.g. pattern is C: or C:foo
        else if (internal_pattern_IS_WINDOWS &&
            (pattern.match(/^[A-Z]:$/i) || pattern.match(/^[A-Z]:[^\\]/i))) {
            let root = ensureAbsoluteRoot('C:\\dummy-root', pattern.substr(0, 2));
            if (pattern.length > 2 && !root.endsWith('\\')) {
                root += '\\';
            }
            pattern = Pattern.globEscape(root) + pattern.substr(2);
        }
        // Replace relative root, e.g. pattern is \ or \foo
        else if (internal_pattern_IS_WINDOWS && (pattern === '\\' || pattern.match(/^\\[^\\]/))) {
            let root = ensureAbsoluteRoot('C:\\dummy-root', '\\');
            if (!root.endsWith('\\')) {
                root += '\\';
            }
            pattern = Pattern.globEscape(root) + pattern.substr(1);
        }
        // Otherwise ensure absolute root
        else {
            pattern = ensureAbsoluteRoot(Pattern.globEscape(process.cwd()), pattern);
        }
        return normalizeSeparators(pattern);
    }
    /**
     * Attempts to unescape a pattern segment to create a literal path segment.
     * Otherwise returns empty string.
     */
    static getLiteral(segment) {
        let literal = '';
        for (let i = 0; i < segment.length; i++) {
            const c = segment[i];
            // Escape
            if (c === '\\' && !internal_pattern_IS_WINDOWS && i + 1 < segment.length) {
                literal += segment[++i];
                continue;
            }
            // Wildcard
            else if (c === '*' || c === '?') {
                return '';
            }
            // Character set
            else if (c === '[' && i + 1 < segment.length) {
                let set = '';
                let closed = -1;
                for (let i2 = i + 1; i2 < segment.length; i2++) {
                    const c2 = segment[i2];
                    // Escape
                    if (c2 === '\\' && !internal_pattern_IS_WINDOWS && i2 + 1 < segment.length) {
                        set += segment[++i2];
                        continue;
                    }
                    // Closed
                    else if (c2 === ']') {
                        closed = i2;
                        break;
                    }
                    // Otherwise
                    else {
                        set += c2;
                    }
                }
                // Closed?
                if (closed >= 0) {
                    // Cannot convert
                    if (set.length > 1) {
                        return '';
                    }
                    // Convert to literal
                    if (set) {
                        literal += set;
                        i = closed;
                        continue;
                    }
                }
                // Otherwise fall thru
            }
            // Append
            literal += c;
        }
        return literal;
    }
    /**
     * Escapes regexp special characters
     * https://javascript.info/regexp-escaping
     */
    static regExpEscape(s) {
        return s.replace(/[[\\^$.|?*+()]/g, '\\$&');
    }
}
//# sourceMappingURL=internal-pattern.js.map
;// CONCATENATED MODULE: ./node_modules/@actions/glob/lib/internal-pattern-helper.js


const internal_pattern_helper_IS_WINDOWS = process.platform === 'win32';
/**
 * Given an array of patterns, returns an array of paths to search.
 * Duplicates and paths under other included paths are filtered out.
 */
function getSearchPaths(patterns) {
    // Ignore negate patterns
    patterns = patterns.filter(x => !x.negate);
    // Create a map of all search paths
    const searchPathMap = {};
    for (const pattern of patterns) {
        const key = internal_pattern_helper_IS_WINDOWS
            ? pattern.searchPath.toUpperCase()
            : pattern.searchPath;
        searchPathMap[key] = 'candidate';
    }
    const result = [];
    for (const pattern of patterns) {
        // Check if already included
        const key = internal_pattern_helper_IS_WINDOWS
            ? pattern.searchPath.toUpperCase()
            : pattern.searchPath;
        if (searchPathMap[key] === 'included') {
            continue;
        }
        // Check for an ancestor search path
        let foundAncestor = false;
        let tempKey = key;
        let parent = pathHelper.dirname(tempKey);
        while (parent !== tempKey) {
            if (searchPathMap[parent]) {
                foundAncestor = true;
                break;
            }
            tempKey = parent;
            parent = pathHelper.dirname(tempKey);
        }
        // Include the search pattern in the result
        if (!foundAncestor) {
            result.push(pattern.searchPath);
            searchPathMap[key] = 'included';
        }
    }
    return result;
}
/**
 * Matches the patterns against the path
 */
function internal_pattern_helper_match(patterns, itemPath) {
    let result = MatchKind.None;
    for (const pattern of patterns) {
        if (pattern.negate) {
            result &= ~pattern.match(itemPath);
        }
        else {
            result |= pattern.match(itemPath);
        }
    }
    return result;
}
/**
 * Checks whether to descend further into the directory
 */
function partialMatch(patterns, itemPath) {
    return patterns.some(x => !x.negate && x.partialMatch(itemPath));
}
//# sourceMappingURL=internal-pattern-helper.js.map
;// CONCATENATED MODULE: ./build/action/patterns.js


/** The characters that make a glob segment a wildcard in @actions/glob. */
const WILDCARD = /[*?[\]]/;
/** The pattern lines of `path`: trimmed, without blank lines and `#` comments. */
function patterns_patternLines(patterns) {
    return patterns
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(line => line && !line.startsWith('#'));
}
/** The lines that add files (not `!` excludes). */
function patterns_includePatterns(patterns) {
    return patterns_patternLines(patterns).filter(line => !line.startsWith('!'));
}
/** A pattern that names one path, without wildcards. */
function isLiteral(pattern) {
    return !WILDCARD.test(pattern);
}
/** A leading `~` means the home directory, as @actions/glob reads it. */
function expandHome(pattern) {
    return /^~(?=$|[\\/])/.test(pattern) ? os.homedir() + pattern.slice(1) : pattern;
}
/** The directory a glob pattern searches from: its segments before the first wildcard. */
function patterns_patternRoot(rawPattern, workspace) {
    const pattern = expandHome(rawPattern);
    const literal = [];
    for (const segment of pattern.split(/[\\/]/)) {
        if (!isLiteral(segment))
            break;
        literal.push(segment);
    }
    const prefix = literal.join('/');
    return path.resolve(workspace, prefix === '' && pattern.startsWith('/') ? '/' : prefix || '.');
}

;// CONCATENATED MODULE: ./build/action/path-matcher.js
// @actions/glob's own pattern and matching rules: the pattern list as its globber builds it
// (which the walk of a backup uses too), and a matcher for paths that need not exist
// (restore matches files that a failed deploy deleted). The package exports only its
// globber, so its modules are imported by file; ncc bundles them.





/** The patterns globPatterns added for descendants (the globber's own flag is private). */
const implicitPatterns = new WeakSet();
/** The last pattern list built, and from what: the inputs' check builds it, then the walk. */
let lastBuilt;
/**
 * Builds the pattern list as the globber does, with implicit descendants. The step's input
 * check and its walk build the same list one after the other: the second gets the first's
 * patterns (a Pattern is not changed by matching), a new array of them. A Pattern resolves
 * a relative line against the working directory and `~` against the home directory, so
 * those are part of what it was built from. With this and the worker pool made only once
 * a file is found, a step that found nothing ran 0.5 ms and 1.0 ms shorter from its first
 * line to its end (two sets of 60 alternating runs).
 */
function globPatterns(patterns) {
    const key = `${process.cwd()}\0${external_node_os_namespaceObject.homedir()}\0${patterns}`;
    if (lastBuilt?.key !== key)
        lastBuilt = { key, list: buildGlobPatterns(patterns) };
    return [...lastBuilt.list];
}
function buildGlobPatterns(patterns) {
    const list = [];
    for (const line of patterns_patternLines(patterns)) {
        const pattern = new Pattern(line);
        list.push(pattern);
        if (pattern.trailingSeparator || pattern.segments[pattern.segments.length - 1] !== '**') {
            const implicit = new Pattern(pattern.negate, true, pattern.segments.concat('**'));
            implicitPatterns.add(implicit);
            list.push(implicit);
        }
    }
    return list;
}
/**
 * The patterns that, once one matches a directory, match everything below it whatever the
 * other patterns say: those ending in `**` (without a trailing separator, which would
 * match only directories) after the last `!` pattern. Below such a directory nothing more
 * needs matching. An implicit pattern (the `/**` added for descendants) is tested in its
 * explicit form, which also matches the directory itself.
 */
function wholeSubtreePatterns(patterns) {
    const lastNegate = patterns.findLastIndex(p => p.negate);
    return patterns
        .slice(lastNegate + 1)
        .filter(p => !p.trailingSeparator && p.segments[p.segments.length - 1] === '**')
        .map(p => (implicitPatterns.has(p) ? new Pattern(false, false, p.segments) : p));
}
/**
 * Matches paths against `path` patterns exactly as `@actions/glob` does with
 * `implicitDescendants` (a matched directory stands for the files below it), `!` excludes,
 * hidden files included, relative patterns against the working directory (the workspace).
 */
class PathMatcher {
    patterns;
    wholeSubtree;
    constructor(patterns) {
        this.patterns = globPatterns(patterns);
        this.wholeSubtree = wholeSubtreePatterns(this.patterns);
    }
    get empty() {
        return this.patterns.length === 0;
    }
    /** True when the file at `file` (absolute) is matched. */
    matchesFile(file) {
        return (internal_pattern_helper_match(this.patterns, file) & MatchKind.File) !== 0;
    }
    /**
     * True when every file below the directory `dir` (absolute, normalized) is matched, so
     * that none of them needs matching one by one (see wholeSubtreePatterns).
     */
    matchesAllBelow(dir) {
        return this.wholeSubtree.some(p => p.match(dir) === MatchKind.All);
    }
    /** True when files at or below the directory `dir` may be matched (prunes walks). */
    mayMatchBelow(dir) {
        return partialMatch(this.patterns, dir) || (internal_pattern_helper_match(this.patterns, dir) & MatchKind.Directory) !== 0;
    }
}

;// CONCATENATED MODULE: ./build/action/input-helper.js









/** Longest timeout a timer can hold (2^31-1 ms), in whole seconds. */
const MAX_TIMEOUT_SECONDS = 2_147_483;
const MAX_NOTE_LENGTH = 200;
/**
 * Reads and checks every input before anything is written, so bad input fails the step
 * with a message that names the input and what it accepts.
 */
async function readSettings(getInput, workspace) {
    const patterns = getInput(Inputs.Path);
    if (patternLines(patterns).length === 0) {
        throw new InputError(`Input '${Inputs.Path}' is required: give one or more glob patterns of files to back up, one per line.`);
    }
    const note = parseNote(getInput(Inputs.Note));
    const dryRun = parseBoolean(Inputs.DryRun, getInput(Inputs.DryRun), false);
    const timeoutSeconds = parseTimeout(getInput(Inputs.Timeout));
    const ifNoFilesFound = parseIfNoFilesFound(getInput(Inputs.IfNoFilesFound));
    const followSymbolicLinks = parseBoolean(Inputs.FollowSymbolicLinks, getInput(Inputs.FollowSymbolicLinks), true);
    const allowOutsideWorkspace = parseBoolean(Inputs.AllowOutsideWorkspace, getInput(Inputs.AllowOutsideWorkspace), false);
    const keep = parseKeep(getInput(Inputs.Keep));
    await checkPatterns(patterns);
    const { backupDir, backupDirFrom, configFile, dirWhat } = await resolveBackupDir(getInput, workspace);
    checkBackupDir(backupDir, workspace, dirWhat);
    await checkBackupDirIsDirectory(backupDir, dirWhat);
    checkPatternsOutsideBackupDir(patterns, backupDir, workspace, dirWhat);
    return {
        patterns,
        workspace,
        backupDir,
        backupDirFrom,
        note,
        dryRun,
        timeoutSeconds,
        ifNoFilesFound,
        followSymbolicLinks,
        allowOutsideWorkspace,
        keep,
        configFile
    };
}

/** An existing backup directory must be a directory (a symlink to one is fine). */
async function checkBackupDirIsDirectory(backupDir, what) {
    let stat;
    try {
        stat = (0,external_node_fs_namespaceObject.statSync)(backupDir); // synchronous: fs.promises costs about 2 ms of start-up to load
    }
    catch (err) {
        const code = fs_errors_errnoCode(err);
        if (code === 'ENOENT')
            return;
        if (code === 'ENOTDIR')
            throw new input_error_InputError(`${what} must be a directory, but a part of ${show(backupDir)} is a file.`);
        return; // unreadable: the step reports it with the reason when it gets there
    }
    if (!stat.isDirectory())
        throw new input_error_InputError(`${what} must be a directory, but ${show(backupDir)} is an existing file.`);
}
/** Patterns @actions/glob would reject (an empty `!`, `.` or `..` segments) fail here, naming the input. */
async function checkPatterns(patterns) {
    try {
        new PathMatcher(patterns); // @actions/glob's own Pattern parses each line
    }
    catch (err) {
        throw new input_error_InputError(`Input '${constants_Inputs.Path}' has a pattern @actions/glob cannot use: ${fs_errors_errorMessage(err)}`);
    }
}
const show = (value) => JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}\u2026` : value);
function parseBoolean(name, raw, fallback) {
    if (raw === '')
        return fallback;
    if (['true', 'True', 'TRUE'].includes(raw))
        return true;
    if (['false', 'False', 'FALSE'].includes(raw))
        return false;
    throw new InputError(`Input '${name}' must be true or false, got ${show(raw)}.`);
}
const NOTE_RULES = (/* unused pure expression or super */ null && ([
    [/^\.\.?$/, 'cannot be "." or ".."'],
    [/[/\\]/, 'cannot contain a slash or a backslash'],
    [/\0/, 'cannot contain a NUL character'],
    [/[\r\n\u2028\u2029]/, 'cannot contain a line break'],
    [/[\u0001-\u001f\u007f-\u009f]/, 'cannot contain control characters'],
    // Windows refuses these in file names: a backup made on one runner must restore on any.
    [/[:*?"<>|]/, 'cannot contain : * ? " < > | (Windows forbids them in file names)'],
    [/[. ]$/, 'cannot end with a dot or a space (Windows drops them from file names)']
]));
function parseNote(raw) {
    if (raw === '')
        return undefined;
    let problem = NOTE_RULES.find(([rule]) => rule.test(raw))?.[1];
    if (!problem && [...raw].length > MAX_NOTE_LENGTH)
        problem = `cannot be longer than ${MAX_NOTE_LENGTH} characters`;
    // File names are limited in bytes (255 on most file systems), not characters.
    if (!problem && Buffer.byteLength(raw) > MAX_NOTE_LENGTH)
        problem = `cannot be longer than ${MAX_NOTE_LENGTH} bytes in UTF-8`;
    if (problem) {
        throw new InputError(`Input '${Inputs.Note}' ${problem}: it becomes part of the backup's file name (FILE-YYYY-MM-DD-hh-mm=NOTE). Got ${show(raw)}.`);
    }
    return raw;
}
function parseTimeout(raw) {
    if (raw === '')
        return 0;
    const seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(seconds) || seconds > MAX_TIMEOUT_SECONDS) {
        throw new InputError(`Input '${Inputs.Timeout}' must be a number of seconds from 0 (no limit) to ${MAX_TIMEOUT_SECONDS}, got ${show(raw)}.`);
    }
    return seconds;
}
function parseKeep(raw) {
    if (raw === '')
        return 0;
    const keep = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isSafeInteger(keep)) {
        throw new InputError(`Input '${Inputs.Keep}' must be a whole number: how many backups of each file to keep, 0 for all. Got ${show(raw)}.`);
    }
    return keep;
}
function parseIfNoFilesFound(raw) {
    if (raw === '')
        return 'warn';
    const value = raw.toLowerCase();
    if (!IF_NO_FILES_FOUND.includes(value)) {
        throw new input_error_InputError(`Input '${constants_Inputs.IfNoFilesFound}' must be one of ${IF_NO_FILES_FOUND.join(', ')}, got ${show(raw)}.`);
    }
    return value;
}
/**
 * The backup directory is never backed up, so a pattern that only looks inside it would
 * back up nothing but its own backups: refuse it rather than silently find nothing.
 */
function checkPatternsOutsideBackupDir(patterns, backupDir, workspace, what) {
    for (const line of includePatterns(patterns)) {
        if (isInside(backupDir, patternRoot(line, workspace))) {
            throw new InputError(`${what} must be a directory of its own: ${show(backupDir)} holds what '${Inputs.Path}' asks to back up (${show(line)}), and the backup directory is never backed up. Choose another backup directory.`);
        }
    }
}
function checkBackupDir(backupDir, workspace, what) {
    if (paths_isInside(backupDir, workspace)) {
        throw new input_error_InputError(`${what} must be a directory of its own, not the workspace or a directory that contains it: ${show(backupDir)} would back up into the files it backs up.`);
    }
}

;// CONCATENATED MODULE: ./build/action/list-inputs.js



/** Reads and checks the list step's inputs. */
async function readListSettings(getInput, workspace) {
    const patterns = getInput(constants_Inputs.Path);
    const ifNoFilesFound = parseIfNoFilesFound(getInput(constants_Inputs.IfNoFilesFound));
    if (patterns_patternLines(patterns).length > 0)
        await checkPatterns(patterns);
    const { backupDir, dirWhat } = await backup_dir_input_resolveBackupDir(getInput, workspace);
    checkBackupDir(backupDir, workspace, dirWhat);
    await checkBackupDirIsDirectory(backupDir, dirWhat);
    return { patterns, workspace, backupDir, ifNoFilesFound };
}

;// CONCATENATED MODULE: ./build/action/outputs.js


/** The `backups` output stays under 1 MB (the runner's limit for an output is 1 MB). */
const MAX_BACKUPS_OUTPUT_BYTES = 1_000_000 - 1024;
/**
 * A JSON array built an item at a time while it stays within `maxBytes` (the runner's limit
 * for an output is 1 MB): the first item that would not fit closes it, so it lists a prefix.
 */
class JsonArrayWithin {
    maxBytes;
    parts = [];
    size = 2; // []
    full = false;
    constructor(maxBytes = MAX_BACKUPS_OUTPUT_BYTES) {
        this.maxBytes = maxBytes;
    }
    /** Adds one item's JSON text; false once the array is full (this item and every later one left out). */
    add(json) {
        if (this.full)
            return false;
        const add = Buffer.byteLength(json) + (this.parts.length ? 1 : 0);
        if (this.size + add > this.maxBytes) {
            this.full = true;
            return false;
        }
        this.parts.push(json);
        this.size += add;
        return true;
    }
    get listed() {
        return this.parts.length;
    }
    get json() {
        return `[${this.parts.join(',')}]`;
    }
}
/** A JSON array of `items`, as many as fit in `maxBytes`. */
function jsonArrayWithin(items, maxBytes = MAX_BACKUPS_OUTPUT_BYTES) {
    const array = new JsonArrayWithin(maxBytes);
    for (const item of items)
        if (!array.add(JSON.stringify(item)))
            break;
    return { json: array.json, listed: array.listed };
}
function setRunOutputs(args) {
    const { json, listed } = args.backups;
    const { total } = args;
    const truncated = listed < total;
    core.setOutputs([
        [Outputs.BackupDir, args.backupDir],
        [Outputs.Created, args.totals.created],
        [Outputs.Identical, args.totals.identical],
        [Outputs.Failed, args.totals.failed],
        [Outputs.Backups, json],
        [Outputs.BackupsTruncated, truncated],
        [Outputs.Manifest, args.manifest ?? '']
    ]);
    if (truncated) {
        core.warning(`The 'backups' output lists ${listed} of ${total} files, to stay under the runner's 1 MB output limit; the manifest${args.manifest ? ` (${args.manifest})` : ''} lists them all.`);
    }
}

;// CONCATENATED MODULE: ./build/action/run-report.js


function reportEntry(workspace, result) {
    const entry = {
        source: displayPath(workspace, result.source),
        backup: result.backup === null ? null : displayPath(workspace, result.backup),
        status: result.status,
        bytes: result.bytes
    };
    if (result.message)
        entry.message = result.message;
    if (result.removed)
        entry.removed = result.removed.map(file => displayPath(workspace, file));
    return entry;
}
/** What JSON.stringify would write other than the characters themselves: `"`, `\\`, controls, and surrogates (a lone one is escaped). */
const JSON_ESCAPES = /["\\\u0000-\u001f\ud800-\udfff]/;
/**
 * What JSON.stringify or safeText would write otherwise, or what could make a workflow
 * command (`#`, `:`): a path with none of these is written as it is in the log, the
 * manifest and the outputs.
 */
const NOT_PLAIN = /["\\\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff#:]/;
/**
 * Whether the entry is written as it is, in JSON (entryJson) and in the log (no safeText):
 * no message, no removed backups, a finite size, and paths with nothing to escape. One scan
 * of each path for both, where each used to scan on its own: the log its whole line.
 */
function isPlainEntry(entry) {
    return (entry.message === undefined &&
        entry.removed === undefined &&
        Number.isFinite(entry.bytes) &&
        !NOT_PLAIN.test(entry.source) &&
        (entry.backup === null || !NOT_PLAIN.test(entry.backup)));
}
/**
 * JSON.stringify(entry), the same text, made faster for the common entry (no message, no
 * removed backups, names with nothing to escape, a finite size): one for each of up to
 * millions of files. The entry is reportEntry's, whose keys come in this order. `plain`:
 * isPlainEntry(entry) is known to be true.
 */
function entryJson(entry, plain = false) {
    const { source, backup } = entry;
    if (!plain &&
        (entry.message !== undefined ||
            entry.removed !== undefined ||
            !Number.isFinite(entry.bytes) ||
            JSON_ESCAPES.test(source) ||
            (backup !== null && JSON_ESCAPES.test(backup)))) {
        return JSON.stringify(entry);
    }
    return `{"source":"${source}","backup":${backup === null ? 'null' : `"${backup}"`},"status":"${entry.status}","bytes":${entry.bytes}}`;
}
function emptyTotals() {
    return { files: 0, created: 0, identical: 0, wouldCreate: 0, failed: 0, bytes: 0, removed: 0, failures: new Map() };
}
/** Counts one more file's result (or its entry) into `t`. */
function addToTotals(t, r) {
    t.files += 1;
    t.bytes += r.bytes;
    t.removed += r.removed?.length ?? 0;
    if (r.status === BackupStatus.Created)
        t.created += 1;
    else if (r.status === BackupStatus.Identical)
        t.identical += 1;
    else if (r.status === BackupStatus.WouldCreate)
        t.wouldCreate += 1;
    if (isFailure(r.status)) {
        t.failed += 1;
        t.failures.set(r.status, (t.failures.get(r.status) ?? 0) + 1);
    }
}
/** `1 file`, `2 files`: a number with its noun in the right number. */
function count(n, one, many) {
    return `${n} ${n === 1 ? one : many}`;
}
/** `3 files failed: 2 disk-full, 1 permission-denied` */
function failureSentence(t) {
    const parts = [...t.failures].sort((a, b) => b[1] - a[1]).map(([status, n]) => `${n} ${status}`);
    return `${t.failed} of ${t.files} file${t.files === 1 ? '' : 's'} failed: ${parts.join(', ')}`;
}
function run_report_formatBytes(bytes) {
    const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit += 1;
    }
    return unit === 0 ? `${bytes} B` : `${value.toFixed(1)} ${units[unit]}`;
}
function run_report_formatDuration(ms) {
    return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

;// CONCATENATED MODULE: ./build/action/step-log.js






const PROGRESS_EVERY_MS = 5000;
/** The log whose group is open, so a crash can turn workflow commands back on first. */
let resumeOpenLog;
/** Closes an open file group and resumes workflow commands (a crash's error must be seen). */
function closeOpenLog() {
    resumeOpenLog?.();
}
/**
 * GitHub shows at most 10 warning annotations per step: failures get 9 of them at most,
 * and the 10th says how many more there are and where they are listed.
 */
const MAX_ANNOTATIONS = 10;
/** Per-file lines are written in batches of about this many characters. */
const FLUSH_BYTES = 32 * 1024;
/** Whether a file's message is one the engines give a file a stop left (see StopMessage). */
function isNotStarted(message) {
    return message === StopMessage.Unfinished || message === StopMessage.NotStarted;
}
/**
 * A step's log: one line per file inside a group, a progress line every few seconds,
 * failures as annotations after the group. While the group is open, workflow commands
 * are switched off with a random token, and every name is escaped (safeText).
 */
class FileLog {
    total;
    format;
    done = 0;
    bytes = 0;
    /** The first failures' annotations (no more are ever shown), and how many failed in all. */
    failures = [];
    failed = 0;
    warnings = [];
    debugs = [];
    progress;
    stopToken;
    /** Files never started after a stop, by status. */
    notStarted = new Map();
    /** Lines not yet written: one write per batch, not one system call per file. */
    pending = [];
    pendingBytes = 0;
    constructor(total, format) {
        this.total = total;
        this.format = format;
    }
    /** `more` files beyond those the log was opened for (the walk found them since). */
    expectMore(more) {
        this.total += more;
    }
    open(title) {
        startGroup(safeText(title));
        resumeOpenLog = () => this.resumeCommands();
        this.stopToken = random_randomHex(16);
        info(`::stop-commands::${this.stopToken}`);
        this.progress = setInterval(() => {
            this.flush();
            info(`progress: ${this.done} of ${this.total} files done, ${run_report_formatBytes(this.bytes)} copied`);
        }, PROGRESS_EVERY_MS);
        this.progress.unref();
    }
    /** One file's result; `plain` when its line is known to need no escaping (see isPlainEntry). */
    fileDone(result, plain = false) {
        this.done += 1;
        const notStarted = this.format.notStarted?.(result);
        if (notStarted !== undefined) {
            this.notStarted.set(notStarted, (this.notStarted.get(notStarted) ?? 0) + 1);
            return;
        }
        this.bytes += this.format.bytes(result);
        const failure = this.format.failure(result);
        if (failure !== undefined && ++this.failed <= MAX_ANNOTATIONS)
            this.failures.push(failure);
        this.addLine(this.format.line(result), plain);
        const more = this.format.moreLines?.(result);
        if (more)
            for (const text of more)
                this.addLine(text);
        if (this.pendingBytes > FLUSH_BYTES)
            this.flush();
    }
    addLine(text, plain = false) {
        const line = plain ? text : safeText(text);
        this.pending.push(line);
        this.pendingBytes += line.length;
    }
    /** Writes the lines gathered so far (before anything else is printed, and on the way out). */
    flush() {
        if (this.pending.length === 0)
            return;
        info(this.pending.join('\n'));
        this.pending = [];
        this.pendingBytes = 0;
    }
    warning(message) {
        if (this.stopToken)
            this.warnings.push(message);
        else
            warning(safeText(message));
    }
    /** A debug message, written once commands are on again (it is a workflow command). */
    debug(message) {
        if (this.stopToken)
            this.debugs.push(message);
        else
            debug(safeText(message));
    }
    resumeCommands() {
        for (const [status, n] of this.notStarted) {
            this.pending.push(`${status.padEnd(17)} ${n} more file${n === 1 ? ' was' : 's were'} not started`);
        }
        this.notStarted.clear();
        this.flush();
        if (this.progress)
            clearInterval(this.progress);
        if (this.stopToken) {
            info(`::${this.stopToken}::`);
            endGroup();
        }
        this.stopToken = undefined;
        resumeOpenLog = undefined;
    }
    /** Closes the group and turns commands back on, then annotates failures. */
    close() {
        this.resumeCommands();
        for (const message of this.debugs)
            debug(safeText(message));
        for (const message of this.warnings)
            warning(safeText(message));
        const shown = this.failed <= MAX_ANNOTATIONS ? this.failed : MAX_ANNOTATIONS - 1;
        for (const failure of this.failures.slice(0, shown))
            warning(safeText(failure));
        if (this.failed > shown) {
            warning(`${this.failed - shown} more files failed; the log above and the job summary list them all.`);
        }
    }
}
/**
 * The backup step's log. It takes each file's entry as the manifest has it (paths already
 * shown relative to the workspace), so a path is made fit to show once per file, not once
 * for the log and again for the report.
 */
class StepLog extends FileLog {
    constructor(total, keep = 0) {
        super(total, {
            line: entry => {
                const backup = entry.backup ? ` -> ${entry.backup}` : '';
                const why = entry.message ? ` (${entry.message})` : '';
                return `${entry.status.padEnd(17)} ${entry.source}${backup}${why}`;
            },
            failure: entry => (status_isFailure(entry.status) ? `${entry.status}: ${entry.source}: ${entry.message ?? ''}` : undefined),
            moreLines: entry => entry.removed?.map(file => `${'removed'.padEnd(17)} ${file} (${constants_Inputs.Keep}: ${keep})`),
            bytes: entry => entry.bytes,
            notStarted: entry => (isNotStarted(entry.message) ? entry.status : undefined)
        });
    }
}

;// CONCATENATED MODULE: ./build/action/summary.js





/** The runner refuses a step summary over 1 MiB; the table stops well before that. */
const MAX_SUMMARY_BYTES = (/* unused pure expression or super */ null && (1024 * 1024));
const TABLE_BUDGET = 700 * 1024;
const ICON = {
    [status_BackupStatus.Created]: '\u2705',
    [status_BackupStatus.Identical]: '\u23f8\ufe0f',
    [status_BackupStatus.WouldCreate]: '\ud83d\udcdd',
    [status_BackupStatus.InvalidFileType]: '\u26a0\ufe0f',
    [status_BackupStatus.PermissionDenied]: '\u274c',
    [status_BackupStatus.DiskFull]: '\u274c',
    [status_BackupStatus.OutsideWorkspace]: '\u26a0\ufe0f',
    [status_BackupStatus.NotFound]: '\u26a0\ufe0f',
    [status_BackupStatus.KeptChanging]: '\u26a0\ufe0f',
    [status_BackupStatus.Cancelled]: '\u23f9\ufe0f',
    [status_BackupStatus.Timeout]: '\u23f1\ufe0f',
    [status_BackupStatus.Error]: '\u274c'
};
/** Old backups removed by `keep` listed in the summary at most; the manifest has them all. */
const MAX_REMOVED_LISTED = 200;
/** \u2026and at most this many bytes of them (names can be long, and escaping makes them longer). */
const REMOVED_BUDGET = (/* unused pure expression or super */ null && (64 * 1024));
/** The job summary: totals, then one table row per file until the size budget is spent. */
function renderSummary(input, budget = TABLE_BUDGET) {
    const { totals: t } = input;
    const counts = [
        `${t.files} matched`,
        t.created ? `${t.created} created` : '',
        t.identical ? `${t.identical} identical` : '',
        t.wouldCreate ? `${t.wouldCreate} would be created` : '',
        t.failed ? `${t.failed} failed` : '',
        t.removed ? `${t.removed} old backup${t.removed === 1 ? '' : 's'} removed (${Inputs.Keep}: ${input.keep ?? 0})` : '',
        `${formatBytes(t.bytes)} ${t.wouldCreate ? 'to copy' : 'copied'}`,
        `in ${formatDuration(input.durationMs)}`
    ];
    // The list of removed backups comes out of the same budget as the table.
    const footer = removedList(input);
    const { entries } = input;
    const head = {
        title: input.title,
        headline: input.headline,
        counts,
        backupDir: input.backupDir,
        header: ['File', 'Backup', 'Status', 'Size'],
        rowNoun: 'file',
        manifest: input.manifest,
        ...(footer ? { footer } : {}),
        total: input.total ?? (entries instanceof SummaryRows ? entries.rows.length : entries.length)
    };
    const tableBudget = budget - (footer ? Buffer.byteLength(footer) : 0);
    if (entries instanceof SummaryRows)
        return assembleTableReport(head, entries.rows, tableBudget);
    return renderTableReport({ ...head, rows: entries, cells: summaryCells }, tableBudget);
}
/** A file's cells in the summary's table, as HTML. */
function summaryCells(e) {
    return [
        `<code>${htmlText(e.source)}</code>`,
        e.backup ? `<code>${htmlText(e.backup)}</code>` : '',
        `${ICON[e.status]} ${e.status}${e.message ? `: ${htmlText(e.message)}` : ''}`,
        e.bytes ? formatBytes(e.bytes) : ''
    ];
}
/**
 * The summary's table rows, made as a run's files are done (while the run's threads still
 * copy, rather than all at its end), as many as fit in TABLE_BUDGET: renderSummary then
 * shows the first that fit its budget, as it would have made them from the entries.
 */
class SummaryRows {
    rows = [];
    size = 0;
    full = false;
    add(entry) {
        if (this.full)
            return;
        const row = tableRow(summaryCells(entry));
        const size = this.size + Buffer.byteLength(row) + 1;
        if (size > TABLE_BUDGET) {
            this.full = true;
            return;
        }
        this.rows.push(row);
        this.size = size;
    }
}
/** Which old backups `keep` removed, as a list under the table. */
function removedList(input) {
    const { entries } = input;
    const removed = input.removed ?? (entries instanceof SummaryRows ? [] : entries.flatMap(e => e.removed ?? []));
    if (removed.length === 0)
        return undefined;
    const items = [];
    let size = 0;
    for (const file of removed.slice(0, MAX_REMOVED_LISTED)) {
        const item = `<li><code>${htmlText(file)}</code></li>`;
        size += Buffer.byteLength(item);
        if (size > REMOVED_BUDGET)
            break;
        items.push(item);
    }
    const more = Math.max(input.totals.removed, removed.length) - items.length;
    const rest = more ? `<p>\u2026 and ${more} more; ${input.manifest ? `<code>${htmlText(input.manifest)}</code>` : 'the manifest'} lists them all.</p>` : '';
    return `<p><b>Old backups removed (${Inputs.Keep}: ${input.keep ?? 0}):</b></p><ul>${items.join('')}</ul>${rest}`;
}
/** A step's job summary: headline, totals, then table rows until the size budget is spent. */
function renderTableReport(input, budget = TABLE_BUDGET) {
    const { rows, cells, ...head } = input;
    function* made() {
        for (const row of rows)
            yield tableRow(cells(row));
    }
    return assembleTableReport({ ...head, total: input.total ?? rows.length }, made(), budget);
}
/** A table row of `cells` (HTML, already escaped); the last is right-aligned. */
function tableRow(cells) {
    return `<tr>${cells.map((cell, i) => (i === cells.length - 1 ? `<td align="right">${cell}</td>` : `<td>${cell}</td>`)).join('')}</tr>`;
}
/** renderTableReport with its rows made already: as many of them as fit in `budget`. */
function assembleTableReport(input, made, budget) {
    const lines = [];
    lines.push(`<h2>${safe_text_htmlText(input.title)}</h2>`);
    lines.push(`<p>${safe_text_htmlText(input.headline)}</p>`);
    const counts = input.counts.filter(Boolean).join(' \u00b7 ');
    lines.push(`<p><b>Totals:</b> ${safe_text_htmlText(counts)}<br><b>Backup directory:</b> <code>${safe_text_htmlText(input.backupDir)}</code></p>`);
    const rows = [];
    const { total } = input;
    let size = 0;
    for (const row of made) {
        size += Buffer.byteLength(row) + 1;
        if (size > budget)
            break;
        rows.push(row);
    }
    if (total > 0) {
        lines.push(`<table><thead><tr>${input.header.map(h => `<th>${safe_text_htmlText(h)}</th>`).join('')}</tr></thead><tbody>`);
        lines.push(...rows);
        lines.push('</tbody></table>');
        if (rows.length < total) {
            const more = total - rows.length;
            lines.push(`<p>\u2026 and ${more} more ${input.rowNoun}${more === 1 ? '' : 's'} not shown, to keep this summary under the runner's 1 MiB limit.${input.manifest ? ` <code>${safe_text_htmlText(input.manifest)}</code> lists them all.` : ''}</p>`);
        }
    }
    if (input.footer)
        lines.push(input.footer);
    return `${lines.join('\n')}\n`;
}
/** Appends to $GITHUB_STEP_SUMMARY synchronously (see ManifestWriter for why). */
function writeSummary(markdown) {
    const file = process.env['GITHUB_STEP_SUMMARY'];
    if (!file)
        return;
    (0,external_node_fs_namespaceObject.appendFileSync)(file, markdown, { encoding: 'utf8' });
}

;// CONCATENATED MODULE: ./build/steps/list-step.js














const list_step_pad = (n) => String(n).padStart(2, '0');
/** `YYYY-MM-DD hh:mm:ss` in the runner's local time, as bkpfile --list prints times. */
function formatListTime(date) {
    return `${date.getFullYear()}-${list_step_pad(date.getMonth() + 1)}-${list_step_pad(date.getDate())} ${list_step_pad(date.getHours())}:${list_step_pad(date.getMinutes())}:${list_step_pad(date.getSeconds())}`;
}
/** One line as `bkpfile --list` prints it: the path relative to the working directory, and the backup's time. */
function listLine(workspace, backup) {
    return `${external_node_path_namespaceObject.relative(workspace, backup.backup)} (created: ${formatListTime(backup.modified)})`;
}
/** The list step: the backups of the matched files, newest first, in the log, outputs and summary. */
async function run() {
    const startedAt = Date.now();
    const workspace = external_node_path_namespaceObject.resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());
    // A mistake in the inputs throws an InputError, reported by the entry point.
    const settings = await readListSettings(name => getInput(name), workspace);
    const lines = patterns_patternLines(settings.patterns);
    const backups = await listBackups({
        backupDir: settings.backupDir,
        workspace,
        signal: new AbortController().signal,
        ...(lines.length ? { matcher: new PathMatcher(settings.patterns) } : {}),
        onError: (dir, message) => warning(safeText(`Could not read ${dir} in the backup directory: ${message}`))
    });
    const files = new Set(backups.map(b => b.source)).size;
    const text = backups.map(b => listLine(workspace, b));
    const log = new FileLog(backups.length, { line: line => line, failure: () => undefined, bytes: () => 0 });
    if (backups.length > 0) {
        log.open(`${backups.length} backup${backups.length === 1 ? '' : 's'} of ${files} file${files === 1 ? '' : 's'} in ${settings.backupDir}`);
        for (const line of text)
            log.fileDone(line);
        log.close();
    }
    const rows = backups.map(b => ({
        path: paths_displayPath(workspace, b.backup),
        source: paths_displayPath(workspace, b.source),
        time: b.time.toISOString(),
        note: b.note ?? null,
        size: b.size,
        modified: b.modified.toISOString()
    }));
    const { json, listed } = jsonArrayWithin(rows);
    const textOut = textWithin(text, MAX_BACKUPS_OUTPUT_BYTES);
    const truncated = listed < rows.length || textOut.listed < text.length;
    setOutputs([
        [ListOutputs.BackupDir, settings.backupDir],
        [ListOutputs.Count, backups.length],
        [ListOutputs.Text, textOut.text],
        [ListOutputs.Backups, json],
        [ListOutputs.BackupsTruncated, truncated]
    ]);
    if (truncated) {
        warning(`The 'backups' and 'text' outputs list the first ${Math.min(listed, textOut.listed)} of ${rows.length} backups, to stay under the runner's 1 MB output limit; the log lists them all.`);
    }
    const headline = backups.length === 0
        ? `No backups found in ${settings.backupDir}${lines.length ? ` for the provided path: ${lines.join(', ')}` : ''}.`
        : `${backups.length} backup${backups.length === 1 ? '' : 's'} of ${files} file${files === 1 ? '' : 's'}, newest first.`;
    writeSummary(renderTableReport({
        title: 'bkpfile list',
        headline,
        counts: [
            `${backups.length} backups`,
            `${files} files`,
            `${run_report_formatBytes(backups.reduce((n, b) => n + b.size, 0))}`,
            `in ${run_report_formatDuration(Date.now() - startedAt)}`
        ],
        backupDir: settings.backupDir,
        header: ['Backup', 'File', 'Time', 'Note', 'Size'],
        rows: backups,
        cells: b => [
            `<code>${safe_text_htmlText(paths_displayPath(workspace, b.backup))}</code>`,
            `<code>${safe_text_htmlText(paths_displayPath(workspace, b.source))}</code>`,
            safe_text_htmlText(formatListTime(b.time).slice(0, 16) + (b.seq > 1 ? ` (#${b.seq})` : '')),
            b.note === undefined ? '' : safe_text_htmlText(b.note),
            run_report_formatBytes(b.size)
        ],
        rowNoun: 'backup',
        manifest: undefined
    }));
    return backups.length === 0 ? noFilesFound(settings.ifNoFilesFound, headline) : succeeded(headline);
}
/** Whole lines, as many as fit in `maxBytes`. */
function textWithin(lines, maxBytes) {
    let size = 0;
    let listed = 0;
    for (const line of lines) {
        const add = Buffer.byteLength(line) + (listed ? 1 : 0);
        if (size + add > maxBytes)
            break;
        size += add;
        listed += 1;
    }
    return { text: lines.slice(0, listed).join('\n'), listed };
}

;// CONCATENATED MODULE: ./build/entrypoints/list.js
// First: the light `crypto` and `assert` that @actions/core and @actions/glob are given.




useLightStdout(); // before anything is printed
runAsStep(run);


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
__nccwpck_require__(8029);

module.exports = __webpack_exports__;
/******/ })()
;