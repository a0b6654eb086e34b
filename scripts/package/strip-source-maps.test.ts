import { mkdtemp, readFile, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripSourceMapComments } from '../build-package.ts';

describe('stripSourceMapComments', () => {
  it('removes a trailing sourceMappingURL from .js and .mjs files in nested folders, and leaves the rest', async () => {
    const dir = await mkdtemp(resolve(tmpdir(), 'strip-'));
    await mkdir(resolve(dir, 'assets'));
    await writeFile(resolve(dir, 'assets/w.mjs'), 'self.a=1;\n//# sourceMappingURL=w.mjs.map\n');
    await writeFile(resolve(dir, 'a.js'), 'export const a = "//# sourceMappingURL=inside a string";\n');
    const stripped = await stripSourceMapComments(dir);
    expect(stripped).toEqual([resolve(dir, 'assets/w.mjs')]);
    expect(await readFile(resolve(dir, 'assets/w.mjs'), 'utf8')).toBe('self.a=1;\n');
    expect(await readFile(resolve(dir, 'a.js'), 'utf8')).toContain('inside a string');
  });
});
