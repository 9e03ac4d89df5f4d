// Node's Buffer for the worker, set before the modules that use it run (imported first): the preflight, the fast
// reader and the copy writer are the CLI's own code, which keeps its bytes in Buffers.
import { Buffer } from 'buffer';

const g = globalThis as { Buffer?: unknown };
if (typeof g.Buffer === 'undefined') g.Buffer = Buffer;
