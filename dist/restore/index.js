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

/***/ 7659:
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
function randomHex(size) {
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
function toCommandValue(input) {
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
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + external_os_namespaceObject.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
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
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
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




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${toCommandValue(message)}${external_os_namespaceObject.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
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
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    process.stdout.write(external_node_os_namespaceObject.EOL);
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
        return issueFileCommand('OUTPUT', outputs.map(([name, value]) => prepareKeyValueMessage(name, value)).join(external_node_os_namespaceObject.EOL));
    for (const [name, value] of outputs)
        setOutput(name, value);
}
/** saveState of each of `states`, in order, in one append to GITHUB_STATE (as setOutputs). */
function saveStates(states) {
    if (process.env['GITHUB_STATE'])
        return issueFileCommand('STATE', states.map(([name, value]) => prepareKeyValueMessage(name, value)).join(external_node_os_namespaceObject.EOL));
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
    issueCommand('debug', {}, message);
}
function warning(message) {
    issueCommand('warning', {}, message);
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
;// CONCATENATED MODULE: ./build/engine/paths.js


/**
 * The part of the backup directory where files outside the workspace are mirrored under
 * their absolute path. No workspace file maps here (a workspace folder of this name at the
 * top is refused, see `isReservedSource`), so a workspace file `etc/app.conf` and the
 * system's `/etc/app.conf` never share backups, identical checks or retention.
 */
const paths_OUTSIDE_DIR = '.bkpfile-outside';
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
function paths_isDirectlyIn(dir, file) {
    return (external_node_path_namespaceObject.sep === '/' &&
        file.length > dir.length + 1 &&
        file.charCodeAt(dir.length) === 0x2f &&
        dir.charCodeAt(dir.length - 1) !== 0x2f &&
        file.indexOf('/', dir.length + 1) === -1 &&
        hasPrefix(file, dir));
}
/** path.basename of a normalized path (no separator at its end). */
function paths_fileNameOf(file) {
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
function paths_mirrorDir(backupDir, workspace, source, p = external_node_path_namespaceObject_0) {
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
    return p.join(backupDir, paths_OUTSIDE_DIR, ...drive, dir.slice(root.length));
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
    if (parts[0] !== paths_OUTSIDE_DIR)
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
function paths_isReservedSource(workspace, source, p = path) {
    if (!source.includes(paths_OUTSIDE_DIR))
        return false;
    if (!paths_isInside(workspace, source, p))
        return false;
    return p.relative(workspace, source).split(p.sep)[0] === paths_OUTSIDE_DIR;
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
function paths_nameCaseClash(other) {
    return `its name differs only in case from ${other}, and the backup directory's file system ignores case: their backups would be one file there. Rename one of them, or use a backup-dir on a case-sensitive file system`;
}
/** As nameCaseClash, for a file in a folder whose path differs only in case from another folder of the run. */
function folderCaseClash(otherFolder) {
    return `its folder differs only in case from ${otherFolder}, and the backup directory's file system ignores case: the backups of both folders would be in one folder there. Rename one of them, or use a backup-dir on a case-sensitive file system`;
}
const swapCase = (name) => [...name].map(ch => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase())).join('');

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
async function compare_sameContent(a, b, size, signal) {
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
function compare_sameSizeAndContentSync(fd, size, other) {
    let fb;
    try {
        fb = openSync(other, OTHER_FLAGS);
    }
    catch (err) {
        if (statSync(other).size !== size)
            return false;
        throw err;
    }
    try {
        const stat = fstatSync(fb);
        if (!stat.isFile() || stat.size !== size)
            return false;
        return sameOpenContentSync(fd, fb, size);
    }
    finally {
        closeSync(fb);
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
function status_isFailure(status) {
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
function fs_errors_statusForError(err, signal) {
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
const copy_file_SMALL_FILE_MAX = 8 * 1024 * 1024;
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
async function copy_file_copyToTemp(source, temp, stat, signal, 
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
function copy_file_copyOpenFileSync(fd, temp, stat) {
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
    if (lastLookedUp !== undefined && paths_isDirectlyIn(lastLookedUp.dir, temp)) {
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
const open_source_PROC_FD = '/proc/self/fd';
let procFdWorks;
/** A file's or folder's path as read from its descriptor: an unlinked one reads as "<path> (deleted)". */
const DELETED = / \(deleted\)$/;
/** How a source is opened: read only, and O_NONBLOCK, so that a FIFO swapped in after the type check cannot hang the open. */
const SOURCE_FLAGS = external_node_fs_namespaceObject.constants.O_RDONLY | (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
function open_source_openSourceSync(source, followSymbolicLinks) {
    const flags = SOURCE_FLAGS | (followSymbolicLinks ? 0 : (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0));
    const fd = (0,external_node_fs_namespaceObject.openSync)(source, flags);
    try {
        const stat = (0,external_node_fs_namespaceObject.fstatSync)(fd);
        const fdPath = `${open_source_PROC_FD}/${fd}`; // /proc exists only where the separator is /
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
class open_source_FolderOpener {
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
            return open_source_openSourceSync(source, false);
        }
        const dir = source.slice(0, cut);
        if (dir !== this.dir)
            this.hold(dir);
        else if (this.fd >= 0 && this.home < 0)
            this.moveIn(this.fd); // stepped out since its last file
        if (this.fd < 0)
            return open_source_openSourceSync(source, false);
        const name = source.slice(cut + 1);
        const inFolder = this.home >= 0 ? name : `${open_source_PROC_FD}/${this.fd}/${name}`;
        let fd;
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(inFolder, SOURCE_FLAGS | (external_node_fs_namespaceObject.constants.O_NOFOLLOW ?? 0));
        }
        catch (err) {
            throw namingSource(err, inFolder, source);
        }
        try {
            const real = this.realPrefix + name;
            return { fd, stat: (0,external_node_fs_namespaceObject.fstatSync)(fd), readPath: `${open_source_PROC_FD}/${fd}`, realPath: () => real };
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
            process.chdir(`${open_source_PROC_FD}/${fd}`);
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
            const real = (0,external_node_fs_namespaceObject.readlinkSync)(`${open_source_PROC_FD}/${fd}`).replace(DELETED, '');
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
        const fd = (0,external_node_fs_namespaceObject.openSync)(file, 'wx', 0o600);
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
            (0,external_node_fs_namespaceObject.closeSync)(this.fd);
        }
        catch {
            // already closed
        }
    }
    write(text) {
        const data = Buffer.from(text);
        // write() alone survives a SIGKILL: the kernel holds the data, not the process.
        for (let offset = 0; offset < data.length;)
            offset += (0,external_node_fs_namespaceObject.writeSync)(this.fd, data, offset);
    }
}
const header = (token) => `bkpfile-action restore journal ${token}\n`;
const MAX_JOURNAL_BYTES = (/* unused pure expression or super */ null && (64 * 1024 * 1024));
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
        const stat = await fs.lstat(file);
        if (!stat.isFile() || stat.size > MAX_JOURNAL_BYTES)
            return refuse('the journal is not a regular file of a sensible size');
        if (typeof process.getuid === 'function' && stat.uid !== process.getuid())
            return refuse('the journal belongs to another user');
        text = await fs.readFile(file, 'utf8');
    }
    catch (err) {
        if (errnoCode(err) === 'ENOENT')
            return report; // main cleaned up, or never got that far
        return refuse(`cannot read the journal: ${errorMessage(err)}`);
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
        if (typeof temp !== 'string' || !path.isAbsolute(temp) || path.resolve(temp) !== temp || !tempName.test(path.basename(temp)))
            continue;
        try {
            const stat = await fs.lstat(temp);
            if (!stat.isFile())
                continue;
            if (typeof process.getuid === 'function' && stat.uid !== process.getuid())
                continue;
            await fs.unlink(temp);
            report.removed += 1;
        }
        catch (err) {
            if (errnoCode(err) !== 'ENOENT')
                report.problems.push(`${temp}: ${errorMessage(err)}`);
        }
    }
    await unlinkQuietly(file, report);
    return report;
}
async function unlinkQuietly(file, report) {
    try {
        await fs.unlink(file);
    }
    catch (err) {
        if (errnoCode(err) !== 'ENOENT')
            report.problems.push(`${file}: ${errorMessage(err)}`);
    }
}

;// CONCATENATED MODULE: ./build/engine/restore-status.js
/** What happened to one file that restore matched. */
const RestoreStatus = {
    Restored: 'restored',
    Identical: 'identical',
    WouldRestore: 'would-restore',
    /** Matched only by a wildcard (or listed without a backup in a manifest): left alone. */
    NoBackup: 'no-backup',
    /** Named explicitly in `path`, but no backup fits the selector. */
    MissingBackup: 'missing-backup',
    /** The backup named (by a manifest) is not a backup of this file in the backup directory. */
    InvalidBackup: 'invalid-backup',
    OutsideWorkspace: 'outside-workspace',
    InvalidFileType: 'invalid-file-type',
    PermissionDenied: 'permission-denied',
    DiskFull: 'disk-full',
    Cancelled: 'cancelled',
    Timeout: 'timeout',
    Error: 'error'
};
const NOT_FAILURES = new Set([RestoreStatus.Restored, RestoreStatus.Identical, RestoreStatus.WouldRestore, RestoreStatus.NoBackup]);
function isRestoreFailure(status) {
    return !NOT_FAILURES.has(status);
}

;// CONCATENATED MODULE: ./build/engine/time-slice.js
/**
 * For a loop of synchronous system calls, which must let timers, signals and messages run
 * now and then (or a cancel would wait for the whole loop): `due` once the loop has worked
 * for `ms` since they last ran, `pause()` to let them run and start a new slice.
 */
class time_slice_TimeSlice {
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
const IF_NO_FILES_FOUND = ['warn', 'error', 'ignore'];

;// CONCATENATED MODULE: ./build/engine/restore-engine.js













/** How long the loop makes synchronous calls before it lets timers and signals run, in ms. */
const SLICE_MS = 10;
/**
 * Puts each planned file back from its backup: a temporary beside it, renamed over it, so a
 * reader sees the old file or the restored one, never a mix. Returns one result per plan,
 * in order; a file's failure is its status, never a throw.
 *
 * One file at a time, as the backup engine does: a file of up to SMALL_FILE_MAX bytes is
 * checked, compared and copied with synchronous calls on this thread, which cost far less
 * than a round trip through libuv's thread pool per call, and every SLICE_MS the loop lets
 * timers and signals run, so a cancel is seen at once. A larger file is compared and copied
 * asynchronously (copyToTemp), stopping at the signal.
 */
async function restoreFiles(plans, options, ctx) {
    return new RestoreEngine(options, ctx).run(plans);
}
class RestoreEngine {
    options;
    ctx;
    counter = 0;
    realWorkspace;
    realBackupDir;
    /** Real paths this run restores, and from which backup: two names of one file are restored once. */
    claimed = new Map();
    /**
     * The backups' folder held open: a backup is opened by its name in it, and its real path
     * is the folder's, read once, instead of a `readlink` of each backup's descriptor (see
     * FolderOpener). The backups of one folder's files sit in one mirror folder, and the plans
     * come folder by folder.
     */
    backupFolders = new open_source_FolderOpener();
    constructor(options, ctx) {
        this.options = options;
        this.ctx = ctx;
        if (!options.dryRun && !ctx.journal)
            throw new Error('restoreFiles needs a journal unless dryRun');
    }
    async run(plans) {
        const { signal, reporter } = this.ctx;
        const results = new Array(plans.length).fill(undefined);
        // The file in hand is always finished, also after an abort: a copy still running could
        // otherwise create its temporary beside a user's file after cleanup. A large file's copy
        // stops between chunks.
        const slice = new time_slice_TimeSlice(SLICE_MS);
        try {
            for (let i = 0; i < plans.length && !signal.aborted; i++) {
                if (slice.due) {
                    await slice.pause();
                    if (signal.aborted)
                        break;
                }
                const result = await this.restoreOne(plans[i]);
                results[i] = result;
                reporter.fileDone(result);
            }
        }
        finally {
            this.backupFolders.release();
        }
        return results.map((result, i) => {
            if (result)
                return result;
            const plan = plans[i];
            const stopped = { target: plan.target, backup: plan.backup, status: abort_abortStatus(signal), bytes: 0, message: status_StopMessage.Unfinished };
            reporter.fileDone(stopped);
            return stopped;
        });
    }
    async restoreOne(plan) {
        const { signal } = this.ctx;
        const done = (status, message, bytes = 0) => ({
            target: plan.target,
            backup: plan.backup,
            status,
            bytes,
            ...(message ? { message } : {})
        });
        if (plan.status)
            return done(plan.status, plan.message);
        if (plan.backup === null)
            return done(RestoreStatus.MissingBackup, 'no backup');
        if (signal.aborted)
            return done(abort_abortStatus(signal), status_StopMessage.NotStarted);
        try {
            return await this.restore(plan.target, plan.backup, done);
        }
        catch (err) {
            const status = fs_errors_statusForError(err, signal);
            return done(status, describeFailure(status, err));
        }
    }
    async restore(target, backup, done) {
        const { options } = this;
        const inside = paths_isInside(options.workspace, target);
        if (!inside && !options.allowOutsideWorkspace) {
            return done(RestoreStatus.OutsideWorkspace, `it is outside the workspace (${constants_Inputs.AllowOutsideWorkspace} is false)`);
        }
        const parent = this.resolveParent(target, inside);
        if (typeof parent === 'string')
            return done(RestoreStatus.OutsideWorkspace, parent);
        if ('notDirectory' in parent)
            return done(RestoreStatus.InvalidFileType, `${parent.notDirectory} is not a directory`);
        const real = paths_joinName(parent.real, external_node_path_namespaceObject.basename(target));
        // The target's own string where the two are the same (no symlink above it): `claimed`
        // keeps one for every file restored.
        const finalPath = real === target ? target : real;
        const other = this.claimed.get(finalPath);
        if (other !== undefined) {
            // One file reached by two names (a symlinked folder): fine when both backups agree.
            if (other.backup === backup || (await this.sameBackup(other.backup, backup))) {
                return done(RestoreStatus.Identical, `it is the same file as ${other.target}, restored from an identical backup`);
            }
            return done(RestoreStatus.Error, `it is the same file as ${other.target} (through a symbolic link), whose chosen backup differs; restore one of the two names`);
        }
        this.claimed.set(finalPath, { target, backup });
        let opened;
        try {
            // O_NOFOLLOW: a backup is a regular file, never a symlink to something else.
            opened = this.backupFolders.openRegular(backup);
        }
        catch (err) {
            const code = fs_errors_errnoCode(err);
            if (code === 'ELOOP' || code === 'EMLINK')
                return done(RestoreStatus.InvalidBackup, 'the backup is a symbolic link');
            if (code === 'ENOENT')
                return done(RestoreStatus.MissingBackup, 'the backup no longer exists');
            throw err;
        }
        try {
            if (!opened.stat.isFile())
                return done(RestoreStatus.InvalidBackup, 'the backup is not a regular file');
            const real = opened.realPath();
            const realBackupDir = this.backupDirReal();
            if (!paths_isInside(realBackupDir, real))
                return done(RestoreStatus.InvalidBackup, `the backup resolves to ${real}, outside the backup directory`);
            // Not through a symlinked folder inside the backup directory either: the backup must be
            // in the very folder that mirrors this file.
            if (external_node_path_namespaceObject.dirname(real) !== external_node_path_namespaceObject.join(realBackupDir, external_node_path_namespaceObject.relative(options.backupDir, external_node_path_namespaceObject.dirname(backup)))) {
                return done(RestoreStatus.InvalidBackup, 'the backup is reached through a symbolic link inside the backup directory');
            }
            const current = (0,external_node_fs_namespaceObject.lstatSync)(finalPath, { throwIfNoEntry: false });
            if (current?.isDirectory())
                return done(RestoreStatus.InvalidFileType, 'it is a directory now; it was not replaced');
            if (current && !current.isFile() && !current.isSymbolicLink()) {
                return done(RestoreStatus.InvalidFileType, 'it is a FIFO, socket or device now; it was not replaced');
            }
            if (current?.isFile() && (await this.isIdentical(finalPath, current, opened)))
                return done(RestoreStatus.Identical);
            if (options.dryRun)
                return done(RestoreStatus.WouldRestore, undefined, opened.stat.size);
            this.ctx.signal.throwIfAborted();
            if (parent.missing)
                this.makeParent(parent.real, inside);
            await this.replace(opened, parent.real, finalPath);
            return done(RestoreStatus.Restored, undefined, opened.stat.size);
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(opened.fd);
        }
    }
    /**
     * The target's directory with its existing part resolved through symlinks. Inside the
     * workspace it must stay inside after resolving (a parent `cfg -> ~/.ssh` must not
     * steer a restore there); the message says why when it does not.
     */
    resolveParent(target, inside) {
        const missing = [];
        let dir = external_node_path_namespaceObject.dirname(target);
        let real;
        for (;;) {
            try {
                real = external_node_fs_namespaceObject.realpathSync.native(dir);
                break;
            }
            catch (err) {
                const code = fs_errors_errnoCode(err);
                if (code === 'ENOTDIR')
                    return { notDirectory: ancestorThatIsAFile(target) };
                if (code !== 'ENOENT' || external_node_path_namespaceObject.dirname(dir) === dir)
                    throw err;
                missing.unshift(external_node_path_namespaceObject.basename(dir));
                dir = external_node_path_namespaceObject.dirname(dir);
            }
        }
        const stat = (0,external_node_fs_namespaceObject.statSync)(real);
        if (!stat.isDirectory())
            return { notDirectory: dir };
        const full = external_node_path_namespaceObject.join(real, ...missing);
        if (inside && !paths_isInside(this.workspaceReal(), full)) {
            return `its folder ${dir} resolves to ${real}, outside the workspace: a symbolic link there is not followed`;
        }
        return { real: full, missing: missing.length > 0 };
    }
    /** Recreates missing parents, then checks that what exists now is what was checked. */
    makeParent(dir, inside) {
        (0,external_node_fs_namespaceObject.mkdirSync)(dir, { recursive: true });
        const real = external_node_fs_namespaceObject.realpathSync.native(dir);
        if (real !== dir || (inside && !paths_isInside(this.workspaceReal(), real))) {
            throw new Error(`its folder changed while it was being created (now ${real})`);
        }
    }
    /** Content, permission bits and modification time already equal. */
    async isIdentical(file, current, backup) {
        const want = backup.stat;
        if (current.size !== want.size || (current.mode & 0o7777) !== (want.mode & 0o7777))
            return false;
        // Times pass through utimes() as seconds in a double: equal to well under a millisecond.
        if (Math.abs(current.mtimeMs - want.mtimeMs) >= 1)
            return false;
        if (want.size > copy_file_SMALL_FILE_MAX)
            return compare_sameContent(backup.readPath, file, want.size, this.ctx.signal);
        // Opened as a backup is (O_NONBLOCK, O_NOFOLLOW): a FIFO or a symlink put there since the
        // lstat cannot block this thread, on which the timeout and the signal handlers run too.
        let opened;
        try {
            opened = open_source_openSourceSync(file, false);
        }
        catch (err) {
            const code = fs_errors_errnoCode(err);
            if (code === 'ELOOP' || code === 'EMLINK' || code === 'ENOENT')
                return false; // replaced, then
            throw err;
        }
        try {
            if (!opened.stat.isFile() || opened.stat.size !== want.size)
                return false;
            return sameOpenContentSync(backup.fd, opened.fd, want.size);
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(opened.fd);
        }
    }
    /** A temporary beside the target, recorded and registered before it exists, renamed over it. */
    async replace(backup, dir, finalPath) {
        const { resources, signal, journal } = this.ctx;
        this.counter += 1;
        const temp = external_node_path_namespaceObject.join(dir, restoreTempName(this.options.runId, this.counter));
        journal.record(temp);
        resources.addTempFile(temp);
        try {
            if (backup.stat.size <= copy_file_SMALL_FILE_MAX) {
                copy_file_copyOpenFileSync(backup.fd, temp, backup.stat);
            }
            else {
                await copy_file_copyToTemp(backup.readPath, temp, backup.stat, signal);
                signal.throwIfAborted();
            }
            // rename() replaces the name: a symlink at the target is replaced, never written through.
            (0,external_node_fs_namespaceObject.renameSync)(temp, finalPath);
            resources.removeTempFile(temp);
        }
        catch (err) {
            resources.discardTempFile(temp);
            throw err;
        }
    }
    /** Two backups with the same content, permission bits and modification time. */
    async sameBackup(a, b) {
        const [sa, sb] = await Promise.all([external_node_fs_namespaceObject.promises.stat(a), external_node_fs_namespaceObject.promises.stat(b)]);
        if (sa.size !== sb.size || (sa.mode & 0o7777) !== (sb.mode & 0o7777) || Math.abs(sa.mtimeMs - sb.mtimeMs) >= 1)
            return false;
        return compare_sameContent(a, b, sa.size, this.ctx.signal);
    }
    workspaceReal() {
        this.realWorkspace ??= external_node_fs_namespaceObject.realpathSync.native(this.options.workspace);
        return this.realWorkspace;
    }
    backupDirReal() {
        // Resolved as openSourceSync resolves the backup opened where /proc is missing (macOS,
        // Windows): the two are compared.
        this.realBackupDir ??= (0,external_node_fs_namespaceObject.realpathSync)(this.options.backupDir);
        return this.realBackupDir;
    }
}
/** For a message: the nearest ancestor of `target` that exists and is not a directory. */
function ancestorThatIsAFile(target) {
    for (let dir = external_node_path_namespaceObject.dirname(target); external_node_path_namespaceObject.dirname(dir) !== dir; dir = external_node_path_namespaceObject.dirname(dir)) {
        let stat;
        try {
            stat = (0,external_node_fs_namespaceObject.statSync)(dir);
        }
        catch {
            continue; // missing, or not reachable: not the one
        }
        if (!stat.isDirectory())
            return dir;
    }
    return external_node_path_namespaceObject.dirname(target);
}
function describeFailure(status, err) {
    switch (status) {
        case RestoreStatus.Cancelled:
            return 'stopped: the run was cancelled; the file was left as it was';
        case RestoreStatus.Timeout:
            return 'stopped: the run timed out; the file was left as it was';
        case RestoreStatus.DiskFull:
            return `no space left to restore it (${fs_errors_errnoCode(err) ?? 'disk full'}); the file was left as it was`;
        case RestoreStatus.PermissionDenied:
            return `permission denied: ${fs_errors_errorMessage(err)}`;
        default:
            return fs_errors_errorMessage(err);
    }
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
        const dir = path.join(this.dir, `t${slot}`);
        const thread = new staging_StagingDir(dir, undefined);
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
        return new staging_StagingDir(dir, created);
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
    return /^~(?=$|[\\/])/.test(pattern) ? external_node_os_namespaceObject.homedir() + pattern.slice(1) : pattern;
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

;// CONCATENATED MODULE: ./build/action/input-error.js
/** A mistake in the step's inputs: reported as the step's error, with no stack trace. */
class input_error_InputError extends Error {
    constructor(message) {
        super(message);
        this.name = 'InputError';
    }
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
const MAX_MANIFEST_BYTES = 512 * 1024 * 1024;
/**
 * Reads a backup step's manifest for restore. Anything that is not one (not JSON, another
 * tool's, another version, a dry run's) is an input error naming `input`. Its paths are
 * only hints: restore checks every one against the backup-dir input.
 */
async function readManifestFiles(file, input) {
    const bad = (why) => new input_error_InputError(`Input '${input}': ${file} ${why}`);
    let text;
    try {
        const stat = await external_node_fs_namespaceObject.promises.stat(file);
        if (!stat.isFile())
            throw bad('is not a regular file.');
        if (stat.size > MAX_MANIFEST_BYTES)
            throw bad('is larger than 512 MiB: it is not a manifest of this action.');
        text = await external_node_fs_namespaceObject.promises.readFile(file, 'utf8');
    }
    catch (err) {
        if (err instanceof input_error_InputError)
            throw err;
        throw bad(`cannot be read: ${fs_errors_errorMessage(err)}`);
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
function backup_name_formatStamp(date) {
    return [pad(date.getFullYear(), 4), pad(date.getMonth() + 1), pad(date.getDate()), pad(date.getHours()), pad(date.getMinutes())].join('-');
}
function backup_name_backupName(fileName, stamp, seq, note) {
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
        let parent = dirname(tempKey);
        while (parent !== tempKey) {
            if (searchPathMap[parent]) {
                foundAncestor = true;
                break;
            }
            tempKey = parent;
            parent = dirname(tempKey);
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
    throw new input_error_InputError(`Input '${name}' must be true or false, got ${show(raw)}.`);
}
const NOTE_RULES = [
    [/^\.\.?$/, 'cannot be "." or ".."'],
    [/[/\\]/, 'cannot contain a slash or a backslash'],
    [/\0/, 'cannot contain a NUL character'],
    [/[\r\n\u2028\u2029]/, 'cannot contain a line break'],
    [/[\u0001-\u001f\u007f-\u009f]/, 'cannot contain control characters'],
    // Windows refuses these in file names: a backup made on one runner must restore on any.
    [/[:*?"<>|]/, 'cannot contain : * ? " < > | (Windows forbids them in file names)'],
    [/[. ]$/, 'cannot end with a dot or a space (Windows drops them from file names)']
];
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
        throw new input_error_InputError(`Input '${constants_Inputs.Note}' ${problem}: it becomes part of the backup's file name (FILE-YYYY-MM-DD-hh-mm=NOTE). Got ${show(raw)}.`);
    }
    return raw;
}
function parseTimeout(raw) {
    if (raw === '')
        return 0;
    const seconds = /^\d+(\.\d+)?$/.test(raw) ? Number(raw) : NaN;
    if (!Number.isFinite(seconds) || seconds > MAX_TIMEOUT_SECONDS) {
        throw new input_error_InputError(`Input '${constants_Inputs.Timeout}' must be a number of seconds from 0 (no limit) to ${MAX_TIMEOUT_SECONDS}, got ${show(raw)}.`);
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

;// CONCATENATED MODULE: ./build/action/restore-inputs.js






/** Reads and checks every input of the restore step before anything is changed. */
async function readRestoreSettings(getInput, workspace) {
    const patterns = getInput(constants_Inputs.Path);
    const selectors = [constants_Inputs.Note, RestoreInputs.Before, RestoreInputs.Manifest].filter(name => getInput(name) !== '');
    if (selectors.length > 1) {
        throw new input_error_InputError(`Inputs ${selectors.map(s => `'${s}'`).join(' and ')} cannot be used together: give one of '${constants_Inputs.Note}', '${RestoreInputs.Before}' or '${RestoreInputs.Manifest}' (or none, for the newest backup).`);
    }
    const dryRun = parseBoolean(constants_Inputs.DryRun, getInput(constants_Inputs.DryRun), false);
    const timeoutSeconds = parseTimeout(getInput(constants_Inputs.Timeout));
    const ifNoFilesFound = parseIfNoFilesFound(getInput(constants_Inputs.IfNoFilesFound));
    const allowOutsideWorkspace = parseBoolean(constants_Inputs.AllowOutsideWorkspace, getInput(constants_Inputs.AllowOutsideWorkspace), false);
    let selector = { kind: 'newest' };
    const note = getInput(constants_Inputs.Note);
    const before = getInput(RestoreInputs.Before);
    const manifest = getInput(RestoreInputs.Manifest);
    if (note)
        selector = { kind: 'note', note: parseNote(note) };
    if (before)
        selector = { kind: 'before', stamp: parseBefore(before), shown: before };
    if (manifest) {
        const file = external_node_path_namespaceObject.resolve(workspace, manifest);
        selector = { kind: 'manifest', file, files: await readManifestFiles(file, RestoreInputs.Manifest) };
    }
    if (patterns_patternLines(patterns).length === 0 && selector.kind !== 'manifest') {
        throw new input_error_InputError(`Input '${constants_Inputs.Path}' is required (unless '${RestoreInputs.Manifest}' is given): glob patterns of the files to restore, one per line, as in the backup step.`);
    }
    if (patterns_patternLines(patterns).length > 0)
        await checkPatterns(patterns);
    const { backupDir, backupDirFrom, configFile, dirWhat } = await backup_dir_input_resolveBackupDir(getInput, workspace);
    checkBackupDir(backupDir, workspace, dirWhat);
    await checkBackupDirIsDirectory(backupDir, dirWhat);
    return { patterns, workspace, backupDir, backupDirFrom, configFile, selector, dryRun, timeoutSeconds, ifNoFilesFound, allowOutsideWorkspace };
}
const BEFORE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const restore_inputs_pad = (n, width = 2) => String(n).padStart(width, '0');
/**
 * `before` as a backup name's stamp (`YYYY-MM-DD-hh-mm`, local time): `YYYY-MM-DD` (that
 * day at 00:00), `YYYY-MM-DD hh:mm`, or ISO 8601. A time without a zone is the runner's
 * local time, as in the names; one with a zone is converted to it. Names carry minutes,
 * so seconds are dropped: a backup made in that minute counts as at or before it.
 */
function parseBefore(raw) {
    const fail = (why) => new input_error_InputError(`Input '${RestoreInputs.Before}' must be a time: YYYY-MM-DD, "YYYY-MM-DD hh:mm" (the runner's local time, as in backup names) or ISO 8601 such as 2025-05-12T13:49:00Z; ${why}, got ${show(raw)}.`);
    const m = BEFORE.exec(raw.trim());
    if (!m)
        throw fail('that is not one of these forms');
    const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
    const zone = m[7];
    const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month) && hour <= 23 && minute <= 59 && second <= 59;
    if (!valid)
        throw fail('there is no such date or time');
    if (!zone)
        return [restore_inputs_pad(year, 4), restore_inputs_pad(month), restore_inputs_pad(day), restore_inputs_pad(hour), restore_inputs_pad(minute)].join('-');
    let offsetMinutes = 0;
    if (zone.toUpperCase() !== 'Z') {
        const sign = zone.startsWith('-') ? -1 : 1;
        const digits = zone.slice(1).replace(':', '');
        const oh = Number(digits.slice(0, 2));
        const om = digits.length > 2 ? Number(digits.slice(2)) : 0;
        if (oh > 23 || om > 59)
            throw fail('the zone offset is not valid');
        offsetMinutes = sign * (oh * 60 + om);
    }
    return backup_name_formatStamp(new Date(Date.UTC(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000));
}
function daysIn(year, month) {
    return new Date(Date.UTC(year, month, 0)).getUTCDate();
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
            this.addName(backup_name_backupName(fileName, stamp, seq, note), file);
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
class backup_index_BackupIndex {
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

;// CONCATENATED MODULE: ./build/engine/backup-tree.js







/** How long the walk reads directories before it lets timers and signals run, in ms. */
const backup_tree_SLICE_MS = 20;
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
    const slice = new time_slice_TimeSlice(backup_tree_SLICE_MS);
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

;// CONCATENATED MODULE: ./build/engine/work-queue.js

/** WorkQueue.next: not yet; the results in order are too far behind. */
const work_queue_WAIT = (/* unused pure expression or super */ null && (-2));
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
                    return work_queue_WAIT;
                const chunk = Atomics.load(claimed, 0);
                if (chunk >= bounds.length - 1)
                    return -1;
                if (order[bounds[chunk]] - Atomics.load(inOrder, 0) > aheadLimit)
                    return work_queue_WAIT;
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
                lostResult: (index, message) => backup_engine_failed(sources[index], BackupStatus.Error, message),
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
            ? backup_engine_failed(sources[index], abortStatus(signal), StopMessage.Unfinished)
            : backup_engine_failed(sources[index], BackupStatus.Error, `not backed up: ${lost}`));
    }
}
/** How long the engine works on this thread before it lets timers and signals run. */
const backup_engine_SLICE_MS = 10;
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
        this.ignoresCase = ctx.ignoresCase ?? ignoresCase(options.backupDir);
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
            const slice = new TimeSlice(backup_engine_SLICE_MS);
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
        await untilDoneOrGraceAfterAbort(all, signal, ABORT_GRACE_MS);
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
            return backup_engine_failed(source, BackupStatus.Error, `the top-level folder ${OUTSIDE_DIR} is reserved: the backup directory keeps backups of files outside the workspace under that name`);
        }
        const clash = this.ignoresCase ? this.caseClash(source) : undefined;
        if (clash !== undefined)
            return backup_engine_failed(source, BackupStatus.Error, nameCaseClash(clash));
        return undefined;
    }
    backupOne(source, walked = 0) {
        const { signal } = this.ctx;
        if (signal.aborted)
            return backup_engine_failed(source, abortStatus(signal), StopMessage.NotStarted);
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
        return backup_engine_failed(source, status, backup_engine_describeFailure(status, err));
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
                if (errnoCode(err) !== 'ELOOP')
                    throw err;
            }
            if (opened)
                return this.backupOpenedChecked(source, opened);
        }
        const linkStat = lstatSync(source);
        if (linkStat.isSymbolicLink() && !options.followSymbolicLinks) {
            return backup_engine_failed(source, BackupStatus.InvalidFileType, `is a symbolic link and ${Inputs.FollowSymbolicLinks} is false`);
        }
        // Never open a device or FIFO: opening one can block or have side effects.
        const target = linkStat.isSymbolicLink() ? statSync(source) : linkStat;
        if (!target.isFile())
            return backup_engine_failed(source, BackupStatus.InvalidFileType, `is ${describeType(target)}, not a regular file`);
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
        const stat = lstatSync(source);
        if (!stat.isFile())
            return undefined;
        return this.wouldCreate(source, backups, fileName, stat.size);
    }
    /** A dry run's result for a file that needs a backup: the name it would get. */
    wouldCreate(source, backups, fileName, size) {
        const name = backupName(fileName, this.stamp, backups.nextSeq(fileName, this.stamp), this.options.note);
        return { source, backup: joinName(backups.dir, name), status: BackupStatus.WouldCreate, bytes: size };
    }
    /** Checks the opened file (type, real path), backs it up, and closes it. */
    backupOpenedChecked(source, opened) {
        const { options } = this;
        let outcome;
        try {
            if (!opened.stat.isFile()) {
                outcome = backup_engine_failed(source, BackupStatus.InvalidFileType, `is ${describeType(opened.stat)}, not a regular file`);
            }
            else {
                const real = options.allowOutsideWorkspace ? undefined : opened.realPath();
                outcome =
                    real !== undefined && !isInside(this.workspaceReal(), real)
                        ? backup_engine_failed(source, BackupStatus.OutsideWorkspace, `resolves to ${real}, outside the workspace (${Inputs.AllowOutsideWorkspace} is false)`)
                        : this.backupOpened(source, opened);
            }
        }
        catch (err) {
            closeSync(opened.fd);
            throw err;
        }
        if (outcome instanceof Promise)
            return outcome.finally(() => closeSync(opened.fd));
        closeSync(opened.fd);
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
            return { source, backup: latest.path, status: BackupStatus.Identical, bytes: 0, ...removed };
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
        if (!(staging instanceof StagingDir))
            return backup_engine_failed(source, staging.status, staging.message);
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
        const parent = path.dirname(backups.dir);
        let madeAbove;
        if (this.parentChecked?.parent !== parent) {
            try {
                const first = mkdirSync(parent, { recursive: true });
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
            mkdirSync(dir);
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
        const there = statSync(parent);
        const here = (this.stagingStat ??= statSync(staging.dir));
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
                if (errnoCode(err) === 'EEXIST')
                    continue;
                this.unstage(folder, file);
                throw err;
            }
            if (!(bytes instanceof Promise))
                return this.keepStaged(folder, file, source, bytes, fileName, seq);
            return bytes.then(done => this.keepStaged(folder, file, source, done, fileName, seq), (err) => {
                if (errnoCode(err) !== 'EEXIST')
                    this.unstage(folder, file); // another file's name is not this copy's
                throw err;
            });
        }
    }
    /** A copy into a staged folder done: its result, held until the folder is in place. */
    keepStaged(folder, file, source, bytes, fileName, seq) {
        if (bytes === undefined) {
            this.unstage(folder, file);
            return backup_engine_failed(source, BackupStatus.KeptChanging, `changed while it was being copied, ${COPY_ATTEMPTS} times in a row; no backup was kept`);
        }
        const result = { source, backup: joinName(folder.backups.dir, fileNameOf(file)), status: BackupStatus.Created, bytes };
        folder.files.push({ result, file, fileName, seq, index: -1 });
        return result;
    }
    /** A staged copy that failed goes; if it cannot, the folder is never renamed into place whole (its other backups go in one by one). */
    unstage(folder, file) {
        try {
            rmSync(file, { force: true });
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
            if (lstatSync(mirror, { throwIfNoEntry: false }) !== undefined)
                return false;
            renameSync(folder.dir, mirror);
            return true;
        }
        catch (err) {
            return errnoCode(err) === 'EXDEV' ? 'EXDEV' : false;
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
            if (errnoCode(err) === 'EXDEV')
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
                        closeSync(opened.fd);
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
            rmSync(folder.dir, { recursive: true, force: true });
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
                return backup_engine_failed(source, BackupStatus.KeptChanging, `changed while it was being copied, ${COPY_ATTEMPTS} times in a row; no backup was kept`);
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
            if (errnoCode(err) !== 'EXDEV' || crossed)
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
                unlinkSync(temp);
                before = fstatSync(opened.fd);
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
        const bytes = statSync(temp).size;
        return isOneVersion(opened.fd, before, bytes) ? bytes : this.copyOneVersion(opened, temp, attempt + 1);
    }
    /** Same size first (no byte is read otherwise), then the same bytes. */
    isIdentical(opened, backup) {
        const size = opened.stat.size;
        if (size <= SMALL_FILE_MAX)
            return sameSizeAndContentSync(opened.fd, size, backup);
        if (statSync(backup).size !== size)
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
                if (errnoCode(err) !== 'EEXIST')
                    throw err;
                // Another run took this name in the same minute: same content is our backup too.
                if (sameFileContentSync(temp, target, size)) {
                    unlinkSync(temp);
                    return { source, backup: target, status: BackupStatus.Identical, bytes: 0 };
                }
                continue;
            }
            this.filled(backups.dir);
            backups.addMade(target, fileName, this.stamp, seq, this.options.note);
            const removed = this.applyRetention(backups, fileName, target);
            return { source, backup: target, status: BackupStatus.Created, bytes: size, ...removed };
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
                linkSync(temp, target);
                unlinkSync(temp);
                return;
            }
            catch (err) {
                if (!NO_HARD_LINKS.has(errnoCode(err) ?? '') || linksWorkIn(staging, temp))
                    throw err;
                this.withoutLinks.add(staging);
            }
        }
        const fd = openSync(target, fsConstants.O_WRONLY | fsConstants.O_CREAT | fsConstants.O_EXCL, 0o600);
        try {
            staging.journalReservation(target, fstatSync(fd).ino);
        }
        catch (err) {
            closeSync(fd);
            rmSync(target, { force: true }); // our empty reservation, never a backup
            throw err;
        }
        closeSync(fd);
        try {
            renameSync(temp, target);
        }
        catch (err) {
            rmSync(target, { force: true });
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
                unlinkSync(entry.path);
                backups.remove(entry);
                removed.push(entry.path);
            }
            catch (err) {
                if (errnoCode(err) === 'ENOENT')
                    backups.remove(entry);
                else
                    this.ctx.reporter.warning(`keep: could not delete old backup ${entry.path}: ${errorMessage(err)}`);
            }
        }
        return removed.length ? { removed } : {};
    }
    /** Creates the mirror directory the first time a backup goes into it. */
    ensureDir(backups) {
        if (backups.exists || this.createdDirs.has(backups.dir))
            return;
        const first = mkdirSync(backups.dir, { recursive: true });
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
        const parent = path.dirname(source);
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
        const parent = path.dirname(source);
        let dir = this.mirrors.get(parent);
        if (dir === undefined) {
            dir = mirrorDir(this.options.backupDir, this.options.workspace, source);
            this.mirrors.set(parent, dir);
        }
        this.lastFolder = { parent, dir };
        return dir;
    }
    workspaceReal() {
        this.realWorkspace ??= realpathSync(this.options.workspace);
        return this.realWorkspace;
    }
}
/**
 * Whether the copy just made (`bytes` long) is of one version of the open file: its size,
 * modification and change times the same now as before the copy (`before`), and the copy
 * as long as the file (or the file's size says 0: procfs, sysfs).
 */
function isOneVersion(fd, before, bytes) {
    const after = fstatSync(fd);
    const sameVersion = after.size === before.size && after.mtimeMs === before.mtimeMs && after.ctimeMs === before.ctimeMs;
    return sameVersion && (bytes === after.size || after.size === 0);
}
/** Two files of `size` bytes with the same content (both small, or read in chunks). */
function sameFileContentSync(a, b, size) {
    const fd = openSync(a, 'r');
    try {
        return sameSizeAndContentSync(fd, size, b);
    }
    finally {
        closeSync(fd);
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
        linkSync(temp, probe);
    }
    catch (err) {
        if (NO_HARD_LINKS.has(errnoCode(err) ?? ''))
            return false;
        throw err;
    }
    rmSync(probe, { force: true });
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
function backup_engine_failed(source, status, message) {
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
function backup_engine_describeFailure(status, err) {
    switch (status) {
        case BackupStatus.Cancelled:
            return 'stopped: the run was cancelled';
        case BackupStatus.Timeout:
            return 'stopped: the run timed out';
        case BackupStatus.DiskFull:
            return `no space left for the backup (${errnoCode(err) ?? 'disk full'}); its temporary was removed`;
        case BackupStatus.PermissionDenied:
            return `permission denied: ${errorMessage(err)}`;
        default:
            return errorMessage(err);
    }
}

;// CONCATENATED MODULE: ./build/action/case-clashes.js



/**
 * Where the backup directory ignores case, the files of a run whose backups would meet
 * under one name there, found as the walk finds them, for the whole run (so a cut between
 * the walk's segments hides none): two names in a folder that differ only in case
 * (`README.md` beside `readme.md`), and the files of a folder whose path differs only in
 * case from an earlier folder's (`Docs/` beside `docs/`: their backups would share one
 * folder). The first keeps its name; a later one is not backed up, and says why.
 *
 * Held: the names of each folder whose files may still come (the walk says when a folder is
 * done), and one entry per folder, by its path in lower case.
 */
class CaseClashes {
    workspace;
    /** By a folder's path in lower case: the folder first met with it. */
    folders = new Map();
    /** By folder, while its files may still come: its file names so far, by their lower case. */
    names = new Map();
    lastDir;
    /** For the files of lastDir: whether their names are checked, or why they are refused. */
    last = { checkNames: true };
    constructor(workspace) {
        this.workspace = workspace;
    }
    /** Why `file` (in `dir`) is not backed up, or undefined: then its name is taken. */
    check(file, dir) {
        if (dir !== this.lastDir) {
            this.lastDir = dir;
            const lower = dir.toLowerCase();
            const first = this.folders.get(lower);
            if (first === undefined)
                this.folders.set(lower, dir);
            // Another spelling of the same folder, where the source ignores case too (two patterns
            // spell it apart), is no clash; nor can two of its names differ only in case there.
            if (first === undefined || first === dir)
                this.last = { checkNames: true };
            else if (sameFolderSpelledApart(first, dir))
                this.last = { checkNames: false };
            else
                this.last = { checkNames: false, clash: folderCaseClash(paths_displayPath(this.workspace, first)) };
        }
        if (!this.last.checkNames)
            return this.last.clash;
        let names = this.names.get(dir);
        if (!names)
            this.names.set(dir, (names = new Map()));
        const name = external_node_path_namespaceObject.basename(file);
        const lower = name.toLowerCase();
        const other = names.get(lower);
        if (other !== undefined && other !== name)
            return paths_nameCaseClash(other);
        names.set(lower, name);
        return undefined;
    }
    /** No more files of `dir` will come: its names go. */
    folderDone(dir) {
        this.names.delete(dir);
    }
}
/**
 * Whether `other` is `first` under another spelling: the same entry (not a symlink to it,
 * which is an entry of its own), on a source file system that ignores case. Elsewhere (a
 * bind mount, say) it is another folder, whose names the first's are not checked against.
 */
function sameFolderSpelledApart(first, other) {
    try {
        const one = (0,external_node_fs_namespaceObject.lstatSync)(first, { bigint: true });
        const two = (0,external_node_fs_namespaceObject.lstatSync)(other, { bigint: true });
        if (one.ino !== two.ino || one.dev !== two.dev)
            return false;
    }
    catch {
        return false;
    }
    return paths_ignoresCase(first);
}

;// CONCATENATED MODULE: ./build/action/walk-files.js
// One streaming walk of the file system with @actions/glob's own pattern rules (its
// Pattern and pattern helper, imported by file: the package exports only its globber).
// It finds what the globber finds with the options the actions use (implicitDescendants,
// matchDirectories false, omitBrokenSymbolicLinks, hidden files included), but:
// - it never descends into the backup directory, nor into a directory every pattern
//   excludes (a `!node_modules/**` prunes node_modules instead of walking it);
// - it uses directory entries' types, and stats only symbolic links;
// - a path it cannot enter (unreadable, a symlink loop, vanished) becomes an entry with a
//   status, and the walk carries on with the rest;
// - it hands out one batch of entries per directory as it goes, never the whole list;
// - it says when a folder has no more files to come (its files may come between its
//   subfolders' in directory order).









/**
 * A folder this large in bytes holds thousands of entries: about 5,000 on tmpfs (20 bytes an
 * entry), 4,000 and more on ext4 and XFS with short names. A stat of the folder costs about
 * a microsecond; it is made only while someone watches.
 */
const LARGE_FOLDER_BYTES = 100 * 1024;
/** How long the walk works before it lets timers and signals run. */
const walk_files_SLICE_MS = 20;
/** Entries in a batch at most, between slices. */
const BATCH_ENTRIES = 1024;
/**
 * True when nothing below `dir` can be matched: a later `!` pattern ending in `**` covers
 * the whole subtree and no include pattern after it reaches into it again.
 */
function excludedSubtree(patterns, dir) {
    for (let k = patterns.length - 1; k >= 0; k--) {
        const p = patterns[k];
        if (p.negate) {
            if (p.segments[p.segments.length - 1] === '**' && !p.trailingSeparator && p.match(dir) === MatchKind.All)
                return true;
        }
        else if (p.match(dir) !== MatchKind.None || p.partialMatch(dir)) {
            return false;
        }
    }
    return false;
}
/** False only when `file` is known not to exist (ENOENT, as the globber's lstat of a search path). */
function existsOrUnknown(file) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(file, { throwIfNoEntry: false }) !== undefined;
    }
    catch {
        return true;
    }
}
async function* walkFiles(options) {
    const patterns = globPatterns(options.patterns);
    const wholeSubtree = wholeSubtreePatterns(patterns);
    const { followSymbolicLinks, signal } = options;
    const stack = [];
    // By folder: how many of its entries that may give a file are still to be looked at. One
    // count per folder, even where two search roots give the same folder's files.
    const pending = new Map();
    const expectFiles = (dir, count) => {
        let folder = pending.get(dir);
        if (!folder)
            pending.set(dir, (folder = { dir, left: 0 }));
        folder.left += count;
        return folder;
    };
    const searchPaths = getSearchPaths(patterns);
    // @actions/glob keeps a search root that is not normalized (`[.]/**` gives `<cwd>/.`) beside
    // roots inside it (`a/**` gives `<cwd>/a`): both walks reach the files they share, and the
    // globber lists those twice. Here each file is given once, the first time it is reached;
    // only where roots overlap so are the paths given kept, to know.
    const given = rootsOverlap(searchPaths) ? new Set() : undefined;
    const firstTime = (file) => {
        if (given === undefined)
            return true;
        if (given.has(file))
            return false;
        given.add(file);
        return true;
    };
    for (const searchPath of searchPaths.reverse()) {
        // As the globber does, a search path that does not exist is left out before anything
        // else: its lstat is all it costs (not its pattern's first compile, about 0.4 ms). Any
        // other error is visit()'s to report.
        if (!existsOrUnknown(searchPath))
            continue;
        // A search root may be a file: its folder is done when no other root may give it one.
        stack.push({ path: searchPath, dirent: undefined, chain: [], parentReal: undefined, whole: false, folder: expectFiles(external_node_path_namespaceObject.dirname(searchPath), 1) });
    }
    const slice = new time_slice_TimeSlice(walk_files_SLICE_MS);
    let batch = [];
    while (stack.length > 0) {
        if (slice.due) {
            if (batch.length)
                yield batch;
            batch = [];
            await slice.pause();
        }
        else if (batch.length >= BATCH_ENTRIES) {
            // Handed out early too: the caller learns soon how many files there are (and starts
            // worker threads while the walk goes on).
            yield batch;
            batch = [];
        }
        signal.throwIfAborted();
        const item = stack.pop();
        try {
            visit(item);
        }
        finally {
            // Counted down after the item's own entry, and after its children were counted: a
            // search root that is not normalized (`<cwd>/.`) has its children's folder for its own.
            const folder = item.folder;
            if (folder && --folder.left === 0) {
                pending.delete(folder.dir);
                batch.push({ kind: 'folder-done', dir: folder.dir });
            }
        }
    }
    if (batch.length)
        yield batch;
    function visit(item) {
        const matched = item.whole ? MatchKind.All : internal_pattern_helper_match(patterns, item.path);
        if (!item.whole) {
            const partial = matched !== MatchKind.None || partialMatch(patterns, item.path);
            if (!partial)
                return;
            // Only a partial match: skip it when a `!` pattern takes everything below it anyway,
            // before it is stat'ed (an excluded symlink loop is no problem of ours).
            if (matched === MatchKind.None && excludedSubtree(patterns, item.path))
                return;
        }
        // The type: from the directory entry when it is not a link; else stat (or lstat).
        let isDir;
        let viaLink = false;
        const d = item.dirent;
        if (d && !d.isSymbolicLink()) {
            isDir = d.isDirectory();
        }
        else {
            let stats;
            try {
                stats = followSymbolicLinks ? (0,external_node_fs_namespaceObject.statSync)(item.path) : (0,external_node_fs_namespaceObject.lstatSync)(item.path);
            }
            catch (err) {
                const code = fs_errors_errnoCode(err);
                // A broken symlink (omitted, as the globber does), or a search path that does not exist.
                if (code === 'ENOENT' || code === 'ENOTDIR')
                    return;
                batch.push(problem(item.path, err));
                return;
            }
            isDir = stats.isDirectory();
            viaLink = d ? d.isSymbolicLink() : true;
        }
        if (!isDir) {
            if ((matched & MatchKind.File) !== 0 && firstTime(item.path)) {
                batch.push({
                    kind: 'file',
                    path: item.path,
                    dir: item.folder?.dir ?? external_node_path_namespaceObject.dirname(item.path),
                    realDir: item.parentReal,
                    regular: d !== undefined && d.isFile()
                });
            }
            return;
        }
        if (options.skipDir(item.path) || (!item.whole && matched !== MatchKind.None && excludedSubtree(patterns, item.path)))
            return;
        // Cycle detection through symlinks, as the globber does: a directory whose real path is
        // already above it is not entered again.
        let real;
        if (followSymbolicLinks) {
            real = !viaLink && item.parentReal !== undefined ? paths_joinName(item.parentReal, external_node_path_namespaceObject.basename(item.path)) : realpathOrUndefined(item.path);
            if (real === undefined)
                return; // vanished
            if (item.chain.includes(real))
                return;
            if (real !== item.path && options.skipDir(real))
                return;
        }
        else if (!viaLink && item.parentReal !== undefined) {
            real = paths_joinName(item.parentReal, external_node_path_namespaceObject.basename(item.path));
        }
        else if (!d) {
            real = realpathOrUndefined(item.path);
        }
        const { largeFolders } = options;
        if (largeFolders?.watching() && sizeOf(item.path) > LARGE_FOLDER_BYTES)
            largeFolders.before(item.path);
        let entries;
        try {
            entries = (0,external_node_fs_namespaceObject.readdirSync)(item.path, { withFileTypes: true });
        }
        catch (err) {
            batch.push(problem(item.path, err));
            return;
        }
        const chain = followSymbolicLinks && real !== undefined ? [...item.chain, real] : item.chain;
        // Only a search root may not be normalized (`[.]/**` gives `<cwd>/.`): its children are
        // then joined with path.join, which normalizes, as the globber's are. Every other path
        // is normalized, and the plain joinName gives what path.join would (an entry's name is
        // never `.` or `..` and holds no separator) without path.join's loop over every
        // character, which on a long root got V8's optimizing compiler going during the walk,
        // before the backup turns it off (forgoOptimizingCompiler): 5 MiB more at the step's
        // peak. Everything below a directory a `\u2026/**` pattern matches is matched too, but only
        // where the paths below it extend its own: below a root that is not normalized, they
        // are matched one by one.
        const root = item.dirent === undefined;
        const normalized = !root || item.path === external_node_path_namespaceObject.normalize(item.path);
        const whole = item.whole || (normalized && wholeSubtree.some(p => p.match(item.path) === MatchKind.All));
        const join = normalized ? paths_joinName : external_node_path_namespaceObject.join;
        // Children in directory order, as the globber visits them. The regular files before the
        // first entry of another type need nothing more than a match: up to a batch of them are
        // taken here, in order, and everything after them is visited from the stack (in a folder
        // with no subfolders and no more files than a batch, nothing goes on the stack). The
        // stack's walk hands out its batches and sees a stop between items, so a folder of a
        // million files still does. Those that are not directories may give this folder's files
        // (a link, until it is looked at).
        let leading = 0;
        while (leading < entries.length && leading < BATCH_ENTRIES && entries[leading].isFile())
            leading++;
        let folder;
        for (let i = entries.length - 1; i >= leading; i--) {
            const entry = entries[i];
            const child = { path: join(item.path, entry.name), dirent: entry, chain, parentReal: real, whole };
            if (!entry.isDirectory()) {
                child.folder = folder ??= expectFiles(external_node_path_namespaceObject.dirname(child.path), 0);
                folder.left++;
            }
            stack.push(child);
        }
        let dir;
        for (let i = 0; i < leading; i++) {
            const file = join(item.path, entries[i].name);
            dir ??= external_node_path_namespaceObject.dirname(file);
            if ((whole || internal_pattern_helper_match(patterns, file) & MatchKind.File) && firstTime(file))
                batch.push({ kind: 'file', path: file, dir, realDir: real, regular: true });
        }
        // Its files all taken here, and no search root still to give one: the folder is done.
        if (dir !== undefined && folder === undefined && !pending.has(dir))
            batch.push({ kind: 'folder-done', dir });
    }
}
/**
 * Whether a search root lies inside another (or is it) once both are normalized. Only a root
 * that is not normalized can: getSearchPaths leaves out any other root inside another.
 */
function rootsOverlap(roots) {
    const normalized = roots.map(root => external_node_path_namespaceObject.normalize(root));
    return roots.some((root, i) => normalized[i] !== root && normalized.some((other, j) => j !== i && (paths_isInside(normalized[i], other) || paths_isInside(other, normalized[i]))));
}
/** A folder's size in bytes, 0 where it cannot be had (the readdir after it says why). */
function sizeOf(dir) {
    try {
        return (0,external_node_fs_namespaceObject.statSync)(dir, { throwIfNoEntry: false })?.size ?? 0;
    }
    catch {
        return 0;
    }
}
function realpathOrUndefined(p) {
    try {
        return (0,external_node_fs_namespaceObject.realpathSync)(p);
    }
    catch {
        return undefined;
    }
}
function problem(p, err) {
    const code = fs_errors_errnoCode(err);
    if (code === 'EACCES' || code === 'EPERM') {
        return { kind: 'problem', path: p, status: status_BackupStatus.PermissionDenied, message: `cannot be read: permission denied (${code})` };
    }
    if (code === 'ELOOP')
        return { kind: 'problem', path: p, status: status_BackupStatus.InvalidFileType, message: 'is a symbolic link loop' };
    if (code === 'ENOENT' || code === 'ENOTDIR')
        return { kind: 'problem', path: p, status: status_BackupStatus.NotFound, message: 'vanished while the files were being found' };
    return { kind: 'problem', path: p, status: status_BackupStatus.Error, message: `cannot be read: ${fs_errors_errorMessage(err)}` };
}

;// CONCATENATED MODULE: ./build/action/find-files.js









/**
 * A walk that finds more files than this hands them on in segments (see FindOptions.
 * onSegment), so the list of paths it holds never grows past about this many.
 */
const SEGMENT_FILES = 100_000;
/**
 * One walk with @actions/glob's pattern rules (multi-line patterns, `!` excludes, hidden
 * files included). Matched directories contribute the files below them; the backup
 * directory is never entered, even by `**`.
 */
async function findFiles(options) {
    // `let`: a segment's backups can create the backup directory while the walk goes on, and
    // then its real path (behind a symlink in backup-dir) is known, and skipped, from then on.
    let backupDirs = backupDirAliases(options.backupDir);
    const inBackupDir = (file) => backupDirs.some(dir => paths_isInside(dir, file));
    // A symlink to the backup directory (or into it) must not make backups of backups:
    // the real directory of every match is checked, once per directory.
    const realDirs = new Map();
    const inBackupDirReally = (dir) => {
        let pending = realDirs.get(dir);
        if (!pending) {
            pending = external_node_fs_namespaceObject.promises.realpath(dir).then(real => inBackupDir(real), () => false);
            realDirs.set(dir, pending);
        }
        return pending;
    };
    // The walk gives every path once (its search roots never lie inside one another), so
    // nothing is deduplicated; only the files named explicitly are looked for. (A search root
    // that is not normalized, `[.]/**` beside `a/**`, gives a path twice, as @actions/glob does.)
    let files = [];
    let problems = [];
    let regularFlags = [];
    // By directory, the index of its last file.
    const lastInDir = new Map();
    const segmentFiles = options.segmentFiles ?? SEGMENT_FILES;
    let handedOn = 0;
    let clashes; // false: case counts
    /** The files found so far as a segment: each directory's last file marked (see WalkedAs). */
    const segment = () => {
        const walked = Uint8Array.from(regularFlags);
        for (const index of lastInDir.values())
            walked[index] |= WalkedAs.LastInDirectory;
        return { files, walked, problems };
    };
    const realWorkspace = realPathOrUndefined(options.workspace);
    // What holds for every file of a directory is worked out when the walk comes to it
    // (depth first, a directory's files may come between its subdirectories', so the same
    // directory may come again): whether it lies in the backup directory, by name or really,
    // and whether it really lies in the workspace. A directory that had files pushed (not
    // skipped, not all refused) had the last of them just before the walk left it.
    let dirOfLast;
    let pushedInDir = false;
    let skipDir = false;
    let inWorkspace = false;
    const literals = patterns_includePatterns(options.patterns).filter(isLiteral);
    const literalTargets = new Set(literals.map(line => external_node_path_namespaceObject.resolve(options.workspace, expandHome(line))));
    const foundLiterals = new Set();
    // The folders that hold a found file, and the folders above them: a literal folder in
    // `path` with a file below it was matched.
    const holding = new Set();
    const holds = (file) => {
        for (let dir = external_node_path_namespaceObject.dirname(file); !holding.has(dir); dir = external_node_path_namespaceObject.dirname(dir)) {
            holding.add(dir);
            if (external_node_path_namespaceObject.dirname(dir) === dir)
                break;
        }
    };
    // The walk checks the signal between directories and lets signals run every few ms, so a
    // long search that matches nothing still stops at once on a cancel or timeout.
    const walk = walkFiles({
        patterns: options.patterns,
        followSymbolicLinks: options.followSymbolicLinks,
        skipDir: inBackupDir,
        signal: options.signal,
        ...(options.largeFolders ? { largeFolders: options.largeFolders } : {})
    });
    for await (const batch of walk) {
        for (const entry of batch) {
            if (entry.kind === 'folder-done') {
                if (clashes)
                    clashes.folderDone(entry.dir);
                continue;
            }
            if (entry.kind === 'problem') {
                problems.push({ source: entry.path, backup: null, status: entry.status, bytes: 0, message: entry.message });
                continue;
            }
            const { path: file, dir } = entry;
            if (dir !== dirOfLast) {
                if (pushedInDir)
                    lastInDir.set(dirOfLast, files.length - 1);
                pushedInDir = false;
                if (options.onSegment && files.length >= segmentFiles) {
                    // A directory the walk comes back to (its files may come between its
                    // subdirectories') then has a last file in each segment: it is read again in the next.
                    await options.onSegment(segment());
                    backupDirs = backupDirAliases(options.backupDir);
                    handedOn += files.length;
                    files = [];
                    problems = [];
                    regularFlags = [];
                    lastInDir.clear();
                }
                dirOfLast = dir;
                skipDir = inBackupDir(dir) || (entry.realDir !== undefined ? inBackupDir(entry.realDir) : await inBackupDirReally(dir));
                inWorkspace = entry.realDir !== undefined && realWorkspace !== undefined && paths_isInside(realWorkspace, entry.realDir);
            }
            if (skipDir)
                continue;
            if (literals.length > 0 && !holding.has(dir))
                holds(file);
            if (literalTargets.has(file))
                foundLiterals.add(file);
            clashes ??= options.ignoresCase?.() ? new CaseClashes(options.workspace) : false;
            const clash = clashes ? clashes.check(file, dir) : undefined;
            if (clash !== undefined) {
                problems.push({ source: file, backup: null, status: status_BackupStatus.Error, bytes: 0, message: clash });
                continue;
            }
            files.push(file);
            pushedInDir = true;
            let known = 0;
            if (entry.regular)
                known |= WalkedAs.Regular;
            if (entry.regular && inWorkspace)
                known |= WalkedAs.InWorkspace;
            regularFlags.push(known);
        }
        options.onFound?.(handedOn + files.length);
    }
    const skippedExplicit = [];
    for (const line of literals) {
        const target = external_node_path_namespaceObject.resolve(options.workspace, expandHome(line));
        if (foundLiterals.has(target) || holding.has(target))
            continue;
        skippedExplicit.push({ pattern: line, reason: await whyNotMatched(target, inBackupDir) });
    }
    if (pushedInDir)
        lastInDir.set(dirOfLast, files.length - 1);
    return { ...segment(), skippedExplicit, handedOn };
}
async function whyNotMatched(target, inBackupDir) {
    if (inBackupDir(target))
        return 'it is inside the backup directory, which is never backed up';
    try {
        const link = await external_node_fs_namespaceObject.promises.lstat(target);
        if (link.isSymbolicLink()) {
            try {
                await external_node_fs_namespaceObject.promises.stat(target);
            }
            catch {
                return 'it is a broken symbolic link';
            }
        }
        const stat = await external_node_fs_namespaceObject.promises.stat(target);
        if (stat.isDirectory())
            return 'it is a directory with no files to back up';
        return 'a "!" pattern excludes it';
    }
    catch (err) {
        return fs_errors_errnoCode(err) === 'ENOENT' ? 'it does not exist' : `it cannot be read (${fs_errors_errnoCode(err) ?? 'error'})`;
    }
}
/** The backup directory as written and as resolved through symlinks (if it exists). */
function backupDirAliases(backupDir) {
    const real = realPathOrUndefined(backupDir);
    return real === undefined || real === backupDir ? [backupDir] : [backupDir, real];
}
/**
 * realpath(3), synchronously: called once or twice per step, and fs.promises costs about
 * 2 ms of every step's start-up to load.
 */
function realPathOrUndefined(file) {
    try {
        return external_node_fs_namespaceObject.realpathSync.native(file);
    }
    catch {
        return undefined;
    }
}

;// CONCATENATED MODULE: ./build/action/restore-targets.js









/**
 * Decides, before anything is written, which backup each matched file gets back from.
 * `path` matches the files that have backups (the mirrored tree), so deleted files come
 * back, and the files that exist now, so one without a backup is reported.
 */
async function planRestore(settings, signal) {
    const unreadable = [];
    const plans = settings.selector.kind === 'manifest'
        ? await planFromManifest(settings, settings.selector)
        : await planFromPatterns(settings, settings.selector, signal, unreadable);
    plans.sort((a, b) => (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
    return { plans, unreadable };
}
async function planFromPatterns(settings, selector, signal, unreadable) {
    const { workspace, backupDir } = settings;
    const matcher = new PathMatcher(settings.patterns);
    const backedUp = new Map();
    for await (const mirrored of walkBackupTree({
        backupDir,
        workspace,
        signal,
        wanted: dir => matcher.mayMatchBelow(dir),
        onError: (dir, message) => unreadable.push({ dir, message })
    })) {
        // A folder a `\u2026/**` pattern takes whole needs no match per file.
        const all = matcher.matchesAllBelow(mirrored.sourceDir);
        for (const fileName of mirrored.backups.fileNames()) {
            const target = paths_joinName(mirrored.sourceDir, fileName);
            if (all || matcher.matchesFile(target))
                backedUp.set(target, { target, fileName, backups: mirrored.backups });
        }
    }
    // Existing files only matter for reporting the ones without a backup: a symlinked folder
    // is not followed, so a link to / cannot walk (and print) the whole file system.
    const existing = await findFiles({ patterns: settings.patterns, workspace, backupDir, followSymbolicLinks: false, signal });
    const literals = patterns_includePatterns(settings.patterns)
        .filter(isLiteral)
        .map(line => external_node_path_namespaceObject.resolve(workspace, expandHome(line)));
    const explicit = new Set(literals);
    const plans = [];
    const wanted = describeSelector(selector, paths_displayPath(workspace, backupDir));
    for (const { target, fileName, backups } of backedUp.values()) {
        const chosen = await choose(backups, fileName, selector);
        if (chosen)
            plans.push({ target, backup: chosen.path });
        else
            plans.push(noFit(target, explicit.has(target), `no backup of it ${wanted}`));
    }
    for (const file of existing.files) {
        if (backedUp.has(file))
            continue;
        plans.push(noFit(file, explicit.has(file), `no backup of it ${wanted}; it was left as it is`));
    }
    // A file named in `path` that neither has a backup nor exists is still an error of its own.
    const matched = [...backedUp.keys(), ...existing.files];
    for (const literal of new Set(literals)) {
        if (matched.some(file => paths_isInside(literal, file)))
            continue;
        plans.push(noFit(literal, true, `no backup of it ${wanted}, and it does not exist`));
    }
    return plans;
}
function noFit(target, explicit, message) {
    return explicit ? { target, backup: null, status: RestoreStatus.MissingBackup, message } : { target, backup: null, status: RestoreStatus.NoBackup, message };
}
function describeSelector(selector, backupDir) {
    switch (selector.kind) {
        case 'newest':
            return `in ${backupDir}`;
        case 'note':
            return `with note ${JSON.stringify(selector.note)} in ${backupDir}`;
        case 'before':
            return `at or before ${selector.shown} in ${backupDir}`;
    }
}
/**
 * The newest backup that fits, by the time in its name (minute, then the same-minute
 * counter). Backups of one minute without a counter (bkpfile's, with and without a note)
 * are told apart by their modification time, as list orders them.
 */
async function choose(backups, fileName, selector) {
    const fits = (entry) => selector.kind === 'newest' || (selector.kind === 'note' && entry.note === selector.note) || (selector.kind === 'before' && entry.stamp <= selector.stamp);
    const candidates = backups.backupsOf(fileName).filter(fits);
    // A name that also reads as another file's backup is used only when there is no other.
    const pool = candidates.some(e => !e.ambiguous) ? candidates.filter(e => !e.ambiguous) : candidates;
    const newest = pool[0]; // backupsOf() is newest first
    if (!newest)
        return undefined;
    const tied = pool.filter(e => compareBackupAge(e, newest) === 0);
    if (tied.length === 1)
        return newest;
    const withTimes = await Promise.all(tied.map(async (e) => ({
        e,
        mtime: await external_node_fs_namespaceObject.promises.stat(e.path).then(s => s.mtimeMs, () => -Infinity)
    })));
    withTimes.sort((a, b) => b.mtime - a.mtime || (a.e.path < b.e.path ? -1 : a.e.path > b.e.path ? 1 : 0));
    return withTimes[0].e;
}
/**
 * Exactly the backups a backup step's manifest names, looked up in the backup-dir input:
 * the manifest's paths must be where this file's backups live, by a name that is a backup
 * of this file; anything else is that file's error.
 */
async function planFromManifest(settings, selector) {
    const { workspace, backupDir } = settings;
    const matcher = patterns_patternLines(settings.patterns).length > 0 ? new PathMatcher(settings.patterns) : undefined;
    const plans = new Map();
    for (const entry of selector.files) {
        const target = external_node_path_namespaceObject.resolve(workspace, entry.source);
        if (matcher && !matcher.matchesFile(target))
            continue;
        if (plans.has(target))
            continue;
        if ((entry.status !== 'created' && entry.status !== 'identical') || entry.backup === null) {
            plans.set(target, {
                target,
                backup: null,
                status: RestoreStatus.NoBackup,
                message: `the manifest lists no backup of it (its status in that run: ${entry.status}); it was left as it is`
            });
            continue;
        }
        if (!paths_isInside(workspace, target) && !settings.allowOutsideWorkspace) {
            plans.set(target, {
                target,
                backup: null,
                status: RestoreStatus.OutsideWorkspace,
                message: 'it is outside the workspace (allow-outside-workspace is false)'
            });
            continue;
        }
        const invalid = (why) => void plans.set(target, { target, backup: null, status: RestoreStatus.InvalidBackup, message: `the manifest's backup ${entry.backup} ${why}` });
        if (entry.backup.split(/[\\/]/).includes('..')) {
            invalid('has a ".." in its path');
            continue;
        }
        const expectedDir = paths_mirrorDir(backupDir, workspace, target);
        const named = external_node_path_namespaceObject.resolve(workspace, entry.backup);
        const name = external_node_path_namespaceObject.basename(named);
        if (external_node_path_namespaceObject.dirname(named) !== expectedDir) {
            invalid(`is not where this file's backups live (${paths_displayPath(workspace, expectedDir)}, from the backup-dir input)`);
            continue;
        }
        if (!backup_name_parseBackupName(name).some(reading => reading.fileName === external_node_path_namespaceObject.basename(target))) {
            invalid(`is not named as a backup of ${external_node_path_namespaceObject.basename(target)}`);
            continue;
        }
        plans.set(target, { target, backup: named });
    }
    return [...plans.values()];
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
    const runId = core.getState(State.RunId);
    if (!runId)
        return undefined;
    return {
        stagingDir: core.getState(State.StagingDir),
        extraStagingDirs: core.getState(State.ExtraStagingDirs).split('\n').filter(Boolean),
        runId,
        token: core.getState(State.Token),
        manifestTemp: core.getState(State.ManifestTemp)
    };
}
function saveRestoreCleanupState(state) {
    saveStates([
        [constants_State.RunId, state.runId],
        [constants_State.Token, state.token],
        [constants_State.RestoreJournal, state.journal]
    ]);
}
function readRestoreCleanupState() {
    const journal = core.getState(State.RestoreJournal);
    if (!journal)
        return undefined;
    return { journal, runId: core.getState(State.RunId), token: core.getState(State.Token) };
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
const step_log_FLUSH_BYTES = 32 * 1024;
/** Whether a file's message is one the engines give a file a stop left (see StopMessage). */
function isNotStarted(message) {
    return message === status_StopMessage.Unfinished || message === status_StopMessage.NotStarted;
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
        this.stopToken = randomHex(16);
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
        if (this.pendingBytes > step_log_FLUSH_BYTES)
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

;// CONCATENATED MODULE: ./build/action/crash-handlers.js



/**
 * While installed, an uncaught exception or unhandled rejection anywhere in the step
 * still removes every registered temporary and fails the step with the error's message
 * (Node's counterpart of bkpfile's panic recovery).
 */
function installCrashHandlers(resources, step = {
    report: reportOutcome,
    exit: code => process.exit(code)
}) {
    const exit = (message) => {
        // cleanup() does its removals synchronously before its first await.
        void resources.cleanup();
        closeOpenLog();
        step.report(failed(message));
        return step.exit(1);
    };
    const onCrash = (err) => {
        exit(`bkpfile-action failed unexpectedly: ${fs_errors_errorMessage(err)}`);
    };
    process.on('uncaughtException', onCrash);
    process.on('unhandledRejection', onCrash);
    return {
        exit,
        [Symbol.dispose]() {
            process.off('uncaughtException', onCrash);
            process.off('unhandledRejection', onCrash);
        }
    };
}

;// CONCATENATED MODULE: ./build/action/run-control.js


/** After an abort, the step must be gone well inside the runner's 7.5 s before SIGTERM. */
const FORCED_EXIT_MS = 5000;
/**
 * One AbortController for the step: the `timeout` input and the runner's cancellation
 * (SIGINT, then SIGTERM) abort it with a reason the engine turns into file statuses.
 */
class RunControl {
    forceExit;
    controller = new AbortController();
    timer;
    onSignal = (signal) => {
        this.abort(new AbortReason(status_BackupStatus.Cancelled, `the step was cancelled (${signal})`));
    };
    constructor(timeoutSeconds, 
    /** Last resort when an abort is not followed by an exit in time. */
    forceExit) {
        this.forceExit = forceExit;
        if (timeoutSeconds > 0) {
            this.timer = setTimeout(() => {
                this.abort(new AbortReason(status_BackupStatus.Timeout, `the step timed out after ${timeoutSeconds} s (timeout input)`));
            }, timeoutSeconds * 1000);
            this.timer.unref();
        }
        process.on('SIGINT', this.onSignal);
        process.on('SIGTERM', this.onSignal);
    }
    get signal() {
        return this.controller.signal;
    }
    /** 'cancelled' or 'timeout' once aborted. */
    get stoppedBy() {
        const reason = this.controller.signal.reason;
        return reason instanceof AbortReason ? reason.status : undefined;
    }
    get reason() {
        const reason = this.controller.signal.reason;
        return reason instanceof AbortReason ? reason.message : undefined;
    }
    abort(reason) {
        if (this.controller.signal.aborted)
            return;
        this.controller.abort(reason);
        this.exitTimer = setTimeout(this.forceExit, FORCED_EXIT_MS);
        this.exitTimer.unref();
    }
    /** The last resort after an abort; cleared when the run ends, so it never outlives it. */
    exitTimer;
    [Symbol.dispose]() {
        if (this.timer)
            clearTimeout(this.timer);
        if (this.exitTimer)
            clearTimeout(this.exitTimer);
        process.off('SIGINT', this.onSignal);
        process.off('SIGTERM', this.onSignal);
    }
}

;// CONCATENATED MODULE: ./build/action/step-runtime.js





/**
 * What every step that writes holds for its whole run: the ResourceManager (bkpfile's
 * `defer rm.Cleanup()`), the crash handlers that still clean up on an uncaught error, and
 * the one AbortController that a timeout, SIGINT or SIGTERM aborts.
 * `await using step = new StepRuntime(timeout)` releases them in that reverse order on
 * every exit path.
 */
class StepRuntime {
    resources = new ResourceManager(message => warning(safeText(message)));
    control;
    crash;
    constructor(timeoutSeconds) {
        this.crash = installCrashHandlers(this.resources);
        this.control = new RunControl(timeoutSeconds, () => this.crash.exit(`Stopped: ${this.control.reason ?? 'stopped'}, and the step did not finish stopping in time; temporaries were removed.`));
    }
    get signal() {
        return this.control.signal;
    }
    async [Symbol.asyncDispose]() {
        this.control[Symbol.dispose]();
        this.crash[Symbol.dispose]();
        await this.resources.cleanup();
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

;// CONCATENATED MODULE: ./build/steps/restore-step.js
var __addDisposableResource = (undefined && undefined.__addDisposableResource) || function (env, value, async) {
    if (value !== null && value !== void 0) {
        if (typeof value !== "object" && typeof value !== "function") throw new TypeError("Object expected.");
        var dispose, inner;
        if (async) {
            if (!Symbol.asyncDispose) throw new TypeError("Symbol.asyncDispose is not defined.");
            dispose = value[Symbol.asyncDispose];
        }
        if (dispose === void 0) {
            if (!Symbol.dispose) throw new TypeError("Symbol.dispose is not defined.");
            dispose = value[Symbol.dispose];
            if (async) inner = dispose;
        }
        if (typeof dispose !== "function") throw new TypeError("Object not disposable.");
        if (inner) dispose = function() { try { inner.call(this); } catch (e) { return Promise.reject(e); } };
        env.stack.push({ value: value, dispose: dispose, async: async });
    }
    else if (async) {
        env.stack.push({ async: true });
    }
    return value;
};
var __disposeResources = (undefined && undefined.__disposeResources) || (function (SuppressedError) {
    return function (env) {
        function fail(e) {
            env.error = env.hasError ? new SuppressedError(e, env.error, "An error was suppressed during disposal.") : e;
            env.hasError = true;
        }
        var r, s = 0;
        function next() {
            while (r = env.stack.pop()) {
                try {
                    if (!r.async && s === 1) return s = 0, env.stack.push(r), Promise.resolve().then(next);
                    if (r.dispose) {
                        var result = r.dispose.call(r.value);
                        if (r.async) return s |= 2, Promise.resolve(result).then(next, function(e) { fail(e); return next(); });
                    }
                    else s |= 1;
                }
                catch (e) {
                    fail(e);
                }
            }
            if (s === 1) return env.hasError ? Promise.reject(env.error) : Promise.resolve();
            if (env.hasError) throw env.error;
        }
        return next();
    };
})(typeof SuppressedError === "function" ? SuppressedError : function (error, suppressed, message) {
    var e = new Error(message);
    return e.name = "SuppressedError", e.error = error, e.suppressed = suppressed, e;
});





















/**
 * The restore step: inputs -> which backup for which file -> atomic replacement -> report.
 * Gives the step's outcome; the entry point reports it.
 */
async function run() {
    const env_1 = { stack: [], error: void 0, hasError: false };
    try {
        const startedAt = Date.now();
        const workspace = external_node_path_namespaceObject.resolve(process.env['GITHUB_WORKSPACE'] || process.cwd());
        // A mistake in the inputs throws an InputError before anything is written.
        const settings = await readRestoreSettings(name => getInput(name), workspace);
        const step = __addDisposableResource(env_1, new StepRuntime(settings.timeoutSeconds), true);
        const { resources, control, signal } = step;
        debug(safeText(`workspace ${workspace}; backup-dir ${settings.backupDir} (from ${settings.backupDirFrom}); selector ${settings.selector.kind}; dry-run ${settings.dryRun}`));
        // Before any temporary exists: what the post step needs after a SIGKILL.
        const identity = newRunIdentity();
        let journal;
        if (!settings.dryRun) {
            const file = restoreJournalPath(identity.runId);
            saveRestoreCleanupState({ ...identity, journal: file });
            (0,external_node_fs_namespaceObject.mkdirSync)(external_node_path_namespaceObject.dirname(file), { recursive: true });
            resources.addTempFile(file);
            journal = RestoreJournal.create(file, identity);
        }
        let plans = [];
        try {
            const planning = await planRestore(settings, signal);
            plans = planning.plans;
            for (const { dir, message } of planning.unreadable)
                warning(safeText(`Could not read ${dir} in the backup directory: ${message}`));
        }
        catch (err) {
            if (!signal.aborted)
                throw err;
        }
        let results = [];
        if (plans.length > 0 && !signal.aborted) {
            const log = new FileLog(plans.length, {
                line: r => `${r.status.padEnd(17)} ${paths_displayPath(workspace, r.target)}${r.backup ? ` <- ${paths_displayPath(workspace, r.backup)}` : ''}${r.message ? ` (${r.message})` : ''}`,
                failure: r => (isRestoreFailure(r.status) ? `${r.status}: ${paths_displayPath(workspace, r.target)}: ${r.message ?? ''}` : undefined),
                bytes: r => r.bytes,
                notStarted: r => (isNotStarted(r.message) ? r.status : undefined)
            });
            log.open(`${settings.dryRun ? 'Dry run: ' : ''}Restoring ${plans.length} file${plans.length === 1 ? '' : 's'} from ${settings.backupDir}`);
            try {
                results = await restoreFiles(plans, {
                    workspace,
                    backupDir: settings.backupDir,
                    allowOutsideWorkspace: settings.allowOutsideWorkspace,
                    dryRun: settings.dryRun,
                    runId: identity.runId
                }, { signal, resources, journal, reporter: log });
            }
            finally {
                log.close();
            }
        }
        journal?.close();
        await resources.cleanup();
        const t = restoreTotals(results);
        const stoppedBy = control.stoppedBy;
        // Nothing matched, or nothing matched has a backup that fits: a rollback that restores
        // nothing must not pass unnoticed (a mistyped backup-dir or note, a fresh runner).
        const nothing = !stoppedBy && t.files === t.noBackup;
        const backupDirMissing = !(0,external_node_fs_namespaceObject.existsSync)(settings.backupDir);
        // Made one at a time, only as many as the output takes: not a second list of every file.
        const rows = function* () {
            for (const r of results)
                yield { path: paths_displayPath(workspace, r.target), backup: r.backup === null ? null : paths_displayPath(workspace, r.backup), status: r.status };
        };
        const { json, listed } = jsonArrayWithin(rows());
        setOutputs([
            [RestoreOutputs.Restored, t.restored],
            [RestoreOutputs.Identical, t.identical],
            [RestoreOutputs.Failed, t.failed],
            [RestoreOutputs.Files, json],
            [RestoreOutputs.FilesTruncated, listed < results.length]
        ]);
        if (listed < results.length) {
            warning(`The 'files' output lists ${listed} of ${results.length} files, to stay under the runner's 1 MB output limit; the log lists them all.`);
        }
        const headline = stoppedBy
            ? `Stopped: ${control.reason}. ${count(t.restored, 'file was', 'files were')} restored before that; every other file was left as it was.`
            : nothing
                ? nothingToRestore(settings, t.files, backupDirMissing)
                : restoreHeadline(settings.dryRun, t, Date.now() - startedAt);
        writeSummary(renderTableReport({
            title: settings.dryRun ? 'bkpfile restore (dry run)' : 'bkpfile restore',
            headline,
            counts: [
                `${t.files} matched`,
                t.restored ? `${t.restored} restored` : '',
                t.identical ? `${t.identical} identical` : '',
                t.wouldRestore ? `${t.wouldRestore} would be restored` : '',
                t.noBackup ? `${t.noBackup} without a backup, left alone` : '',
                t.failed ? `${t.failed} failed` : '',
                `${run_report_formatBytes(t.bytes)} ${settings.dryRun ? 'to write' : 'written'}`,
                `in ${run_report_formatDuration(Date.now() - startedAt)}`
            ],
            backupDir: settings.backupDir,
            header: ['File', 'From backup', 'Status', 'Size'],
            rows: results,
            cells: r => [
                `<code>${safe_text_htmlText(paths_displayPath(workspace, r.target))}</code>`,
                r.backup ? `<code>${safe_text_htmlText(paths_displayPath(workspace, r.backup))}</code>` : '',
                `${r.status}${r.message ? `: ${safe_text_htmlText(r.message)}` : ''}`,
                r.bytes ? run_report_formatBytes(r.bytes) : ''
            ],
            rowNoun: 'file',
            manifest: undefined
        }));
        if (stoppedBy || t.failed > 0)
            return failed(headline);
        return nothing ? noFilesFound(settings.ifNoFilesFound, headline) : succeeded(headline);
    }
    catch (e_1) {
        env_1.error = e_1;
        env_1.hasError = true;
    }
    finally {
        const result_1 = __disposeResources(env_1);
        if (result_1)
            await result_1;
    }
}
function nothingToRestore(settings, matched, backupDirMissing) {
    const missing = backupDirMissing ? ` The backup directory ${settings.backupDir} does not exist.` : '';
    if (settings.selector.kind === 'manifest') {
        const lists = matched
            ? `lists ${count(matched, 'file', 'files')} but no backup of ${matched === 1 ? 'it' : 'them'}`
            : `lists no file${patterns_patternLines(settings.patterns).length ? ' that the provided path matches' : ''}`;
        return `The manifest ${settings.selector.file} ${lists}. Nothing was restored.${missing}`;
    }
    const found = matched
        ? `None of the ${count(matched, 'file', 'files')} the provided path matches has a backup${settings.selector.kind === 'newest' ? '' : ' that fits the selector'}`
        : 'No files with backups, and no existing files, were found with the provided path';
    return `${found}: ${patterns_patternLines(settings.patterns).join(', ')}. Nothing was restored.${missing}`;
}
function restoreTotals(results) {
    const t = { files: results.length, restored: 0, identical: 0, wouldRestore: 0, noBackup: 0, failed: 0, bytes: 0, failures: new Map() };
    for (const r of results) {
        t.bytes += r.bytes;
        if (r.status === RestoreStatus.Restored)
            t.restored += 1;
        else if (r.status === RestoreStatus.Identical)
            t.identical += 1;
        else if (r.status === RestoreStatus.WouldRestore)
            t.wouldRestore += 1;
        else if (r.status === RestoreStatus.NoBackup)
            t.noBackup += 1;
        if (isRestoreFailure(r.status)) {
            t.failed += 1;
            t.failures.set(r.status, (t.failures.get(r.status) ?? 0) + 1);
        }
    }
    return t;
}
function restoreHeadline(dryRun, t, ms) {
    const left = t.noBackup ? `, ${count(t.noBackup, 'file has', 'files have')} no backup and ${t.noBackup === 1 ? 'was' : 'were'} left alone` : '';
    const done = dryRun
        ? `Dry run: ${count(t.wouldRestore, 'file', 'files')} would be restored, ${count(t.identical, 'is', 'are')} identical to ${t.identical === 1 ? 'its' : 'their'} backup${left}`
        : `${count(t.restored, 'file', 'files')} restored, ${count(t.identical, 'file', 'files')} already identical to ${t.identical === 1 ? 'its' : 'their'} backup${left} (${run_report_formatBytes(t.bytes)} in ${run_report_formatDuration(ms)})`;
    if (!t.failed)
        return `${done}.`;
    const parts = [...t.failures].sort((a, b) => b[1] - a[1]).map(([status, n]) => `${n} ${status}`);
    return `${t.failed} of ${count(t.files, 'file', 'files')} could not be restored: ${parts.join(', ')}. ${done}.`;
}

;// CONCATENATED MODULE: ./build/entrypoints/restore.js
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
__nccwpck_require__(7659);

module.exports = __webpack_exports__;
/******/ })()
;