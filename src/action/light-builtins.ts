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
import { createRequire } from 'node:module';
import { randomUUID } from '../engine/random.js';

const nodeRequire = createRequire(import.meta.url);

/** `own`, with every other property read from Node's module `name`, loaded when first asked. */
function withRestOf<T extends object>(own: T, name: string): T {
  return new Proxy(own, {
    get: (target, key, receiver) => (Reflect.has(target, key) ? Reflect.get(target, key, receiver) : Reflect.get(nodeRequire(name) as object, key))
  });
}

/** What `require('crypto')` gives in this process. */
export const lightCrypto = withRestOf({ randomUUID }, 'node:crypto');

/** What `require('assert')` gives in this process: assert(value, message), and node:assert's other functions. */
export const lightAssert = withRestOf(function assert(value: unknown, message?: string | Error): void {
  if (value) return;
  const nodeAssert = nodeRequire('node:assert') as (value: unknown, message?: string | Error) => void;
  nodeAssert(value, message);
}, 'node:assert');

for (const [name, exports] of [
  ['crypto', lightCrypto],
  ['assert', lightAssert]
] as const) {
  nodeRequire.cache[name] ??= { id: name, filename: name, loaded: true, exports } as unknown as NodeJS.Module;
}
