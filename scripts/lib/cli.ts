/** Command-line plumbing shared by the build scripts. */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** Whether the module at `moduleUrl` is the script node was started with (and not imported, as by a test). */
export function runsAsCommand(moduleUrl: string): boolean {
  return !!process.argv[1] && moduleUrl === pathToFileURL(resolve(process.argv[1])).href;
}

/**
 * Parses the command line with `--help` added: prints `usage` and exits 0 for `--help`, or exits 2
 * with the message for an unknown or malformed option.
 */
export function parseCommandLine<T extends ParseArgsConfig>(config: T, usage: string): ReturnType<typeof parseArgs<T>> {
  const withHelp = { ...config, options: { ...config.options, help: { type: 'boolean' } } } as T;
  let parsed: ReturnType<typeof parseArgs<T>>;
  try {
    parsed = parseArgs(withHelp);
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    process.exit(2);
  }
  if ((parsed.values as { help?: boolean }).help) {
    console.log(usage);
    process.exit(0);
  }
  return parsed;
}
