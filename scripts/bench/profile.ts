/**
 * `npm run bench -- --profile`: a CPU profile (Chrome DevTools Protocol) of one flick of the story
 * page, summed by function (self time) so the long tasks can be named.
 */
import type { CDPSession } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function key(node: ProfileNode): string {
  const frame = node.callFrame;
  const file = frame.url.split('/').pop() || '';
  return `${frame.functionName || '(anonymous)'} ${file}:${frame.lineNumber + 1}`;
}

/** Self and total time per function during the flick, the `top` largest of each, as printable lines. */
export function summarise(profile: Profile, top = 20): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    self.set(key(byId.get(id)!), (self.get(key(byId.get(id)!)) ?? 0) + ms);
    // Each function on the sampled stack once, however often it recurses.
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) seen.add(key(byId.get(n)!));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + ms);
  });
  const sampled = [...self.values()].reduce((a, b) => a + b, 0);
  const lines = (map: Map<string, number>) =>
    [...map.entries()]
      .filter(([k]) => !/^\((idle|root|program)\)/.test(k))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, ms]) => `  ${ms.toFixed(1).padStart(8)} ms  ${k}`);
  return [
    `CPU profile of one flick: ${sampled.toFixed(0)} ms sampled, ${(self.get('(program) :0') ?? 0).toFixed(0)} ms of it in the browser outside JavaScript.`,
    'Self time by function:',
    ...lines(self),
    'Total time by function (with what it calls):',
    ...lines(total),
  ];
}

/** Profiles the main thread of the page `cdp` is attached to while `during` runs; prints the summary. */
export async function profileFlick(cdp: CDPSession, during: () => Promise<void>): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await during();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(`\n${summarise(profile).join('\n')}`);
}
