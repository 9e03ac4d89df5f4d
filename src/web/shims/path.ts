// node:path for the web page's bundle: the POSIX calls the copy writer makes on package part names.

function normalize(p: string): string {
  const abs = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!abs) out.push('..');
    } else out.push(seg);
  }
  const s = (abs ? '/' : '') + out.join('/');
  if (!s) return abs ? '/' : '.';
  return p.endsWith('/') && s !== '/' ? `${s}/` : s;
}

function dirname(p: string): string {
  if (/^\/+$/.test(p)) return '/';
  const i = p.replace(/\/+$/, '').lastIndexOf('/');
  if (i < 0) return '.';
  return i === 0 ? '/' : p.slice(0, i);
}

function basename(p: string, ext?: string): string {
  const b = p.replace(/\/+$/, '').split('/').pop() ?? '';
  return ext && b.endsWith(ext) && b !== ext ? b.slice(0, b.length - ext.length) : b;
}

function extname(p: string): string {
  const b = basename(p);
  const i = b.lastIndexOf('.');
  return i <= 0 ? '' : b.slice(i);
}

function join(...parts: string[]): string {
  return normalize(parts.filter((x) => x !== '').join('/'));
}

function relative(from: string, to: string): string {
  const f = normalize(from).split('/').filter((x) => x && x !== '.');
  const t = normalize(to).split('/').filter((x) => x && x !== '.');
  let i = 0;
  while (i < f.length && i < t.length && f[i] === t[i]) i++;
  return [...f.slice(i).map(() => '..'), ...t.slice(i)].join('/');
}

const posix = { normalize, dirname, basename, extname, join, relative, sep: '/' };

export { normalize, dirname, basename, extname, join, relative, posix };
export const sep = '/';
export default { ...posix, posix };
