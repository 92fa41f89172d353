import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, fstatSync, openSync, promises as fs, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import typescript from 'typescript';
import { CHILD_COPY_MIN, SMALL_FILE_MAX, copyOpenFileSync, copyToTemp, dataRuns } from '../../src/engine/copy-file.js';
import { copyWithChild, isKernelCopyingCat, kernelCopyTool, parentDeathWrapper } from '../../src/engine/kernel-copy.js';
import { writeDenseFile } from '../dense-file.js';
import { holdersUnder } from '../open-files.js';

/** A buffer of `blocks` 4 KiB blocks; those listed in `data` hold non-zero bytes. */
function blocks(count: number, data: number[], tail = 0): Buffer {
  const buffer = Buffer.alloc(count * 4096 + tail);
  for (const b of data) buffer[b * 4096 + 100] = 1;
  return buffer;
}

describe('dataRuns (what a sparse copy writes)', () => {
  it('skips all-zero blocks and joins neighbouring data blocks into one write', () => {
    const buffer = blocks(8, [0, 1, 4, 7]);
    expect(dataRuns(buffer, buffer.length)).toEqual([
      [0, 2 * 4096],
      [4 * 4096, 4096],
      [7 * 4096, 4096]
    ]);
  });

  it('gives nothing for a chunk of zeros, and the whole chunk when nothing is zero', () => {
    expect(dataRuns(Buffer.alloc(64 * 1024), 64 * 1024)).toEqual([]);
    const full = Buffer.alloc(3 * 4096, 7);
    expect(dataRuns(full, full.length)).toEqual([[0, 3 * 4096]]);
  });

  it('handles a short last block and only looks at the first `length` bytes', () => {
    const buffer = blocks(2, [], 10);
    buffer[2 * 4096 + 5] = 9; // in the 10-byte tail
    expect(dataRuns(buffer, buffer.length)).toEqual([[2 * 4096, 10]]);
    expect(dataRuns(buffer, 2 * 4096)).toEqual([]);
    // A non-zero byte in the last byte of a block counts.
    const edge = Buffer.alloc(2 * 4096);
    edge[4095] = 1;
    expect(dataRuns(edge, edge.length)).toEqual([[0, 4096]]);
  });
});

describe('copyOpenFileSync (a small file)', () => {
  let tmp: string;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-small-'));
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  it("knows by folder whether a new file gets its mode exactly: another folder's answer is never taken for it", async () => {
    // Folder `a` gives 0644 exactly (umask 022); under umask 077, folder `b` gives 0600 and
    // needs the fchmod. Were `a`'s answer (kept for the next file) taken for `b`, its copy
    // would keep 0600.
    const source = path.join(tmp, 'source');
    await fs.writeFile(source, 'x', { mode: 0o644 });
    await fs.chmod(source, 0o644);
    const copy = async (dir: string): Promise<number> => {
      await fs.mkdir(path.join(tmp, dir));
      const temp = path.join(tmp, dir, '1.tmp');
      const fd = openSync(source, 'r');
      try {
        copyOpenFileSync(fd, temp, fstatSync(fd));
      } finally {
        closeSync(fd);
      }
      return (await fs.stat(temp)).mode & 0o7777;
    };
    const umask = process.umask(0o022);
    try {
      expect(await copy('a')).toBe(0o644);
      process.umask(0o077);
      expect(await copy('b')).toBe(0o644);
    } finally {
      process.umask(umask);
    }
  });
});

describe('copyToTemp of a large file (in chunks, several at once)', () => {
  let tmp: string;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-copy-'));
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const MiB = 1024 * 1024;

  it('copies every byte, the mode and the times, for a size that is not a whole number of chunks', async () => {
    // Over SMALL_FILE_MAX, more chunks than run at once, and a short last chunk.
    const data = randomBytes(SMALL_FILE_MAX + 13 * MiB + 12_345);
    const source = path.join(tmp, 'big.bin');
    await fs.writeFile(source, data, { mode: 0o640 });
    await fs.utimes(source, 1_000_000, 1_234_567);
    const temp = path.join(tmp, 'big.tmp');
    await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal);
    const copy = await fs.readFile(temp);
    expect(copy.length).toBe(data.length);
    expect(copy.equals(data)).toBe(true);
    const stat = await fs.stat(temp);
    expect(stat.mode & 0o7777).toBe(0o640);
    expect(stat.mtimeMs).toBe(1_234_567_000);
  });

  it('keeps a sparse file sparse, its data where it was and its length with a hole at the end', async () => {
    const source = path.join(tmp, 'sparse.bin');
    const size = 64 * MiB + 100;
    const marks: [number, string][] = [
      [0, 'head'],
      [5 * MiB + 7, 'middle'],
      [30 * MiB - 2, 'across a chunk edge'],
      [40 * MiB, 'late']
    ];
    const handle = await fs.open(source, 'w');
    await handle.truncate(size);
    for (const [at, text] of marks) await handle.write(text, at);
    await handle.close();
    const temp = path.join(tmp, 'sparse.tmp');
    await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal);
    const stat = await fs.stat(temp);
    expect(stat.size).toBe(size);
    expect(stat.blocks * 512).toBeLessThan(MiB); // a few 4 KiB blocks, not 64 MiB
    expect((await fs.readFile(temp)).equals(await fs.readFile(source))).toBe(true);
  });

  it('stops at a cancel between chunks, with the reason, and leaves the partial temporary to its caller', async () => {
    const source = path.join(tmp, 'big.bin');
    await fs.writeFile(source, randomBytes(64 * MiB));
    const controller = new AbortController();
    const temp = path.join(tmp, 'big.tmp');
    const copying = copyToTemp(source, temp, await fs.stat(source), controller.signal);
    controller.abort(new Error('cancelled'));
    await expect(copying).rejects.toThrow('cancelled');
    // The temporary is the caller's to remove; it holds at most what was copied.
    expect((await fs.stat(temp)).size).toBeLessThan(64 * MiB);
    await fs.unlink(temp);
  });
});

describe('the kernel copy of a large file, in a child process (Linux)', () => {
  let tmp: string;
  const MiB = 1024 * 1024;

  beforeEach(async () => {
    tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'bkpfile-kcopy-'));
  });

  afterEach(async () => {
    await fs.rm(tmp, { recursive: true, force: true });
  });

  const linux = process.platform === 'linux';
  if (!linux) {
    it('is Linux only: elsewhere there is no kernel copy tool', () => {
      expect(kernelCopyTool()).toBeUndefined();
    });
    return;
  }

  it('tells GNU cat 9.1 and later (which copies with copy_file_range) from older and other cats', () => {
    expect(isKernelCopyingCat('cat (GNU coreutils) 9.1\nCopyright (C) 2022 Free Software Foundation, Inc.\n')).toBe(true);
    expect(isKernelCopyingCat('cat (GNU coreutils) 10.0\n')).toBe(true);
    expect(isKernelCopyingCat('cat (GNU coreutils) 8.32\n')).toBe(false);
    expect(isKernelCopyingCat('cat (GNU coreutils) 9.0\n')).toBe(false);
    expect(isKernelCopyingCat('cat (GNU coreutils) 9.4\n')).toBe(true);
    expect(isKernelCopyingCat('BusyBox v1.36.1 (2023-07-27 17:12:24 UTC) multi-call binary.\n')).toBe(false);
    expect(isKernelCopyingCat('')).toBe(false);
  });

  it("finds this machine's cat by its absolute path if it is such a cat, run under setpriv --pdeathsig where that works, and none otherwise", () => {
    const cat = ['/usr/bin/cat', '/bin/cat'].find(file => existsSync(file));
    const version = cat ? execFileSync(cat, ['--version'], { encoding: 'utf8' }) : '';
    if (!isKernelCopyingCat(version)) return expect(kernelCopyTool()).toBeUndefined();
    const wrapper = parentDeathWrapper();
    let wrapperWorks = wrapper.length > 0;
    try {
      if (wrapperWorks) execFileSync(wrapper[0]!, [...wrapper.slice(1), 'true'], { stdio: 'ignore' });
    } catch {
      wrapperWorks = false;
    }
    const tool = kernelCopyTool()!;
    expect(tool.at(-1)).toMatch(/^\/(usr\/)?bin\/cat$/);
    expect(tool.slice(0, -1)).toEqual(wrapperWorks ? wrapper : []);
  });

  it("the wrapper makes a copy's child die with the process that started it, even by SIGKILL", async () => {
    const wrapper = parentDeathWrapper();
    if (wrapper.length === 0) return console.log('skipped: no setpriv here (util-linux) to end a child with its parent');
    // A parent that starts `sleep 30` as copyWithChild starts its child, and prints its pid.
    const parent = spawn(
      process.execPath,
      [
        '-e',
        "const c = require('node:child_process').spawn(process.argv[1], process.argv.slice(2), { stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000);",
        ...wrapper,
        'sleep',
        '30'
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] }
    );
    const pid = await new Promise<number>((resolve, reject) => {
      parent.stdout.once('data', (d: Buffer) => resolve(Number(String(d).trim())));
      parent.once('exit', () => reject(new Error('the parent exited first')));
    });
    const alive = (): boolean => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
    for (let i = 0; i < 200 && !/sleep/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8')); i++) await new Promise(r => setTimeout(r, 5));
    expect(alive()).toBe(true); // sleeping, under setpriv's signal
    parent.kill('SIGKILL');
    const killedAt = Date.now();
    while (alive() && Date.now() - killedAt < 2000) await new Promise(r => setTimeout(r, 5));
    expect(alive()).toBe(false);
    expect(Date.now() - killedAt).toBeLessThan(1000); // not the 30 s of its sleep
  });

  it('copies the open file from its start to the end, exactly', async () => {
    if (!kernelCopyTool()) return console.log('skipped: no GNU cat 9.1 or later here to copy with');
    const source = path.join(tmp, 'src.bin');
    await writeDenseFile(source, 20 * MiB + 7);
    const src = await fs.open(source, 'r');
    const dst = await fs.open(path.join(tmp, 'dst.bin'), 'wx');
    try {
      await expect(copyWithChild(kernelCopyTool()!, src.fd, dst.fd, new AbortController().signal)).resolves.toBe(true);
    } finally {
      await src.close();
      await dst.close();
    }
    expect((await fs.readFile(path.join(tmp, 'dst.bin'))).equals(await fs.readFile(source))).toBe(true);
  });

  it('says false, not an error, when the program fails or cannot be started', async () => {
    const source = path.join(tmp, 'src.bin');
    await fs.writeFile(source, 'data');
    const src = await fs.open(source, 'r');
    const dst = await fs.open(path.join(tmp, 'dst.bin'), 'wx');
    try {
      const signal = new AbortController().signal;
      await expect(copyWithChild('/bin/false', src.fd, dst.fd, signal)).resolves.toBe(false);
      await expect(copyWithChild(path.join(tmp, 'no-such-program'), src.fd, dst.fd, signal)).resolves.toBe(false);
      await expect(copyWithChild(path.join(tmp, 'not\0a-path'), src.fd, dst.fd, signal)).resolves.toBe(false); // spawn throws
    } finally {
      await src.close();
      await dst.close();
    }
  });

  it('kills the child at a cancel and rejects with the reason at once; nothing holds the copy open after', async () => {
    // A stand-in that holds both files and never ends by itself.
    const tool = path.join(tmp, 'hold.sh');
    await fs.writeFile(tool, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const source = path.join(tmp, 'src.bin');
    await fs.writeFile(source, 'data');
    const temp = path.join(tmp, 'out', 'dst.bin');
    await fs.mkdir(path.dirname(temp));
    const src = await fs.open(source, 'r');
    const dst = await fs.open(temp, 'wx');
    const controller = new AbortController();
    try {
      const copying = copyWithChild(tool, src.fd, dst.fd, controller.signal);
      for (let i = 0; i < 400 && (await holdersUnder(path.dirname(temp))).length === 0; i++) await new Promise(r => setTimeout(r, 5));
      expect(await holdersUnder(path.dirname(temp))).toHaveLength(1);
      const abortedAt = Date.now();
      controller.abort(new Error('cancelled'));
      await expect(copying).rejects.toThrow('cancelled');
      expect(Date.now() - abortedAt).toBeLessThan(400);
    } finally {
      await src.close();
      await dst.close();
    }
    expect(await holdersUnder(path.dirname(temp))).toEqual([]);
  });

  it('rejects at once, starting nothing, when the cancel came first', async () => {
    const tool = path.join(tmp, 'mark.sh');
    const mark = path.join(tmp, 'ran');
    await fs.writeFile(tool, `#!/bin/sh\n: > '${mark}'\n`, { mode: 0o755 });
    const controller = new AbortController();
    controller.abort(new Error('cancelled'));
    await expect(copyWithChild(tool, 0, 1, controller.signal)).rejects.toThrow('cancelled');
    await new Promise(r => setTimeout(r, 200));
    expect(existsSync(mark)).toBe(false);
  });

  describe('copyToTemp of a file of CHILD_COPY_MIN bytes or more', () => {
    let source: string;
    beforeEach(async () => {
      source = path.join(tmp, 'big.bin');
      await writeDenseFile(source, CHILD_COPY_MIN + 12_345);
      await fs.chmod(source, 0o640);
      await fs.utimes(source, 1_000_000, 1_234_567);
    });

    /** A stand-in for cat that leaves a mark, then does what `program` does. */
    async function marking(program: string): Promise<{ tool: string; mark: string }> {
      const tool = path.join(tmp, 'tool.sh');
      const mark = path.join(tmp, 'ran');
      await fs.writeFile(tool, `#!/bin/sh\n: > '${mark}'\nexec ${program}\n`, { mode: 0o755 });
      return { tool, mark };
    }

    /** `temp` holds `want` (the source's bytes unless given), with the source's mode and time. */
    async function expectExactCopy(temp: string, want?: Buffer): Promise<void> {
      expect((await fs.readFile(temp)).equals(want ?? (await fs.readFile(source)))).toBe(true);
      const stat = await fs.stat(temp);
      expect(stat.mode & 0o7777).toBe(0o640);
      expect(stat.mtimeMs).toBe(1_234_567_000);
    }

    it("hands it to the child and keeps the child's copy, with the source's mode and times", async () => {
      // A stand-in that writes every byte plus one: a copy made in chunks would not.
      const { tool } = await marking(`tr '\\000-\\377' '\\001-\\377\\000'`);
      const temp = path.join(tmp, 'big.tmp');
      await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal, tool);
      const want = await fs.readFile(source);
      for (let i = 0; i < want.length; i++) want[i] = (want[i]! + 1) & 0xff;
      await expectExactCopy(temp, want);
    });

    it('with the real cat, the copy is exact', async () => {
      if (!kernelCopyTool()) return console.log('skipped: no GNU cat 9.1 or later here to copy with');
      const temp = path.join(tmp, 'big.tmp');
      await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal);
      await expectExactCopy(temp);
    });

    it('copies it in chunks when the child ends well but its copy is short', async () => {
      const { tool, mark } = await marking('head -c 1000');
      const temp = path.join(tmp, 'big.tmp');
      await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal, tool);
      await expect(fs.stat(mark)).resolves.toBeDefined();
      await expectExactCopy(temp);
    });

    it('copies it in chunks when the child fails, over whatever the child wrote', async () => {
      // Copies it all and more, then fails: the chunked copy must not keep the extra bytes.
      const { tool, mark } = await marking(`sh -c 'cat; printf extra; exit 1'`);
      const temp = path.join(tmp, 'big.tmp');
      await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal, tool);
      await expect(fs.stat(mark)).resolves.toBeDefined();
      await expectExactCopy(temp);
    });

    /** Why the reservation of a copy's blocks cannot be seen in `dir`, or undefined where it can. */
    async function noReservationIn(dir: string): Promise<string | undefined> {
      if (!['/usr/bin/fallocate', '/bin/fallocate'].some(file => existsSync(file))) return "no util-linux fallocate here to reserve a copy's blocks";
      const type = (await fs.statfs(dir)).type;
      return type === 0xef53 ? undefined : `${dir} is not on ext4 (statfs type 0x${type.toString(16)}), where blocks are reserved`;
    }

    it("on ext4, the child's program finds the copy's blocks reserved and the file still empty, and the copy is exact", async () => {
      const why = await noReservationIn(tmp);
      if (why) return console.log(`skipped: ${why}`);
      const seen = path.join(tmp, 'seen');
      const { tool } = await marking(`sh -c 'stat -L -c "%s %b %B" /proc/self/fd/3 3>&1 > ${seen}; exec cat'`);
      const temp = path.join(tmp, 'big.tmp');
      await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal, tool);
      const [size, blocks, unit] = readFileSync(seen, 'utf8').trim().split(' ').map(Number);
      expect(size).toBe(0);
      expect(blocks! * unit!).toBeGreaterThanOrEqual(CHILD_COPY_MIN + 12_345);
      await expectExactCopy(temp);
    });

    it('reserves the blocks of a read-only source for a user who is not root', async () => {
      const why = await noReservationIn(tmp);
      if (why) return console.log(`skipped: ${why}`);
      // A user other than root may open the copy again only if it may write to it; root may
      // always. As root, the copy runs in a Node process of the user nobody, on the engine's
      // modules compiled to JavaScript; otherwise here, as this user.
      const asRoot = process.getuid?.() === 0;
      const dir = path.join(tmp, 'user');
      await fs.mkdir(dir);
      await fs.chmod(source, 0o440);
      const seen = path.join(dir, 'seen');
      const { tool } = await marking(`sh -c 'stat -L -c "%b %B" /proc/self/fd/3 3>&1 > ${seen}; exec cat'`);
      const temp = path.join(dir, 'big.tmp');
      if (asRoot) {
        for (const file of [tmp, dir, source]) await fs.chown(file, 65534, 65534);
        const code = path.join(tmp, 'engine');
        await fs.mkdir(code);
        await fs.chmod(tmp, 0o755);
        await fs.writeFile(path.join(code, 'package.json'), '{ "type": "module" }');
        for (const name of ['copy-file', 'kernel-copy', 'fs-errors', 'abort', 'status', 'paths']) {
          const ts = readFileSync(path.join('src', 'engine', `${name}.ts`), 'utf8');
          const { outputText } = typescript.transpileModule(ts, {
            compilerOptions: { module: typescript.ModuleKind.ESNext, target: typescript.ScriptTarget.ES2022 }
          });
          await fs.writeFile(path.join(code, `${name}.js`), outputText);
        }
        const script = `import { statSync } from 'node:fs'; import { copyToTemp } from './copy-file.js'; const [s, t, tool] = process.argv.slice(2); await copyToTemp(s, t, statSync(s), new AbortController().signal, tool);`;
        await fs.writeFile(path.join(code, 'run.mjs'), script);
        execFileSync(process.execPath, [path.join(code, 'run.mjs'), source, temp, tool], { uid: 65534, gid: 65534, stdio: ['ignore', 'ignore', 'inherit'] });
      } else {
        await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal, tool);
      }
      const [blocks, unit] = readFileSync(seen, 'utf8').trim().split(' ').map(Number);
      expect(blocks! * unit!).toBeGreaterThanOrEqual(CHILD_COPY_MIN + 12_345);
      expect((await fs.readFile(temp)).equals(await fs.readFile(source))).toBe(true);
      expect((await fs.stat(temp)).mode & 0o7777).toBe(0o440);
    });

    it('reserves nothing on tmpfs, where it gained nothing', async () => {
      const shm = '/dev/shm';
      if (!existsSync(shm) || (await fs.statfs(shm)).type !== 0x01021994) return console.log(`skipped: no tmpfs at ${shm}`);
      const dir = await fs.mkdtemp(path.join(shm, 'bkpfile-kcopy-'));
      try {
        const seen = path.join(tmp, 'seen');
        const { tool } = await marking(`sh -c 'stat -L -c "%b" /proc/self/fd/3 3>&1 > ${seen}; exec cat'`);
        const temp = path.join(dir, 'big.tmp');
        await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal, tool);
        expect(readFileSync(seen, 'utf8').trim()).toBe('0');
        await expectExactCopy(temp);
      } finally {
        await fs.rm(dir, { recursive: true, force: true });
      }
    });

    it('gives back the blocks reserved past the end of a source that shrank during the copy', async () => {
      const why = await noReservationIn(tmp);
      if (why) return console.log(`skipped: ${why}`);
      const { tool } = await marking(`sh -c 'truncate -s 1000000 /proc/self/fd/0 && exec cat'`);
      const temp = path.join(tmp, 'big.tmp');
      await copyToTemp(source, temp, await fs.stat(source), new AbortController().signal, tool);
      const copy = await fs.stat(temp);
      expect(copy.size).toBe(1_000_000);
      expect(copy.blocks * 512).toBeLessThan(2 * MiB); // not the 256 MiB reserved
      expect((await fs.readFile(temp)).equals(await fs.readFile(source))).toBe(true);
    });

    it('keeps a sparse file of that size to the chunked copy (which keeps its holes)', async () => {
      const { tool, mark } = await marking('cat');
      const sparse = path.join(tmp, 'sparse.bin');
      const handle = await fs.open(sparse, 'w');
      await handle.truncate(CHILD_COPY_MIN + MiB);
      await handle.write('head', 0);
      await handle.close();
      const temp = path.join(tmp, 'sparse.tmp');
      await copyToTemp(sparse, temp, await fs.stat(sparse), new AbortController().signal, tool);
      await expect(fs.stat(mark)).rejects.toThrow();
      expect((await fs.stat(temp)).blocks * 512).toBeLessThan(MiB);
    });
  });
});
