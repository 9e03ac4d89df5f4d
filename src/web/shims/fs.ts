// node:fs for the web page's worker: the preflight reads a file through descriptors, here served from the bytes the
// user dropped (registered by name); nothing on a disk is ever read or written.

const files = new Map<string, Uint8Array>();
const open = new Map<number, Uint8Array>();
let nextFd = 3;

/** Makes `bytes` readable under `name` for the preflight. */
export function registerFile(name: string, bytes: Uint8Array): void {
  files.set(name, bytes);
}

export function unregisterFile(name: string): void {
  files.delete(name);
}

function notFound(name: string): Error {
  return Object.assign(new Error(`ENOENT: no such file, open '${name}'`), { code: 'ENOENT' });
}

export interface Stats {
  size: number;
  isFile(): boolean;
  isDirectory(): boolean;
}

export function statSync(name: string): Stats {
  const b = files.get(name);
  if (!b) throw notFound(name);
  return { size: b.length, isFile: () => true, isDirectory: () => false };
}

export function openSync(name: string): number {
  const b = files.get(name);
  if (!b) throw notFound(name);
  const fd = nextFd++;
  open.set(fd, b);
  return fd;
}

export function readSync(fd: number, buf: Uint8Array, offset: number, length: number, position: number | null): number {
  const b = open.get(fd);
  if (!b) throw Object.assign(new Error('EBADF: bad file descriptor'), { code: 'EBADF' });
  const from = position ?? 0;
  const n = Math.max(0, Math.min(length, b.length - from));
  buf.set(b.subarray(from, from + n), offset);
  return n;
}

export function closeSync(fd: number): void {
  open.delete(fd);
}

function unsupported(): never {
  throw new Error('the web page writes no files');
}

export const writeFileSync = unsupported;
export const renameSync = unsupported;
export const unlinkSync = unsupported;
export const mkdirSync = unsupported;
export const readFileSync = (name: string): Uint8Array => {
  const b = files.get(name);
  if (!b) throw notFound(name);
  return b;
};
export const promises = { readFile: async (name: string): Promise<Uint8Array> => readFileSync(name) };

export default { registerFile, unregisterFile, statSync, openSync, readSync, closeSync, writeFileSync, renameSync, unlinkSync, mkdirSync, readFileSync, promises };
