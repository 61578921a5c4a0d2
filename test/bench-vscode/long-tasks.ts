// The long tasks of a V8 CPU profile of the extension host: each stretch of samples between two
// idle ones, how long it took, how much of it ran this extension's code (its bundles, and the
// worker's messages it waits on), and the functions that took its time.

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface LongTask {
  /** From the profile's start. */
  atMs: number;
  ms: number;
  /** Of it, samples with this extension's code on the stack. */
  oursMs: number;
  /** The functions with the most self time, `name file:line ms`. */
  top: string[];
}

export function longTasks(profile: CpuProfile, thresholdMs: number, isOurs: (url: string) => boolean): LongTask[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const ours = new Map<number, boolean>();
  const hasOurs = (id: number): boolean => {
    let known = ours.get(id);
    if (known === undefined) {
      const parent = parentOf.get(id);
      known = isOurs(nodes.get(id)!.callFrame.url) || (parent !== undefined && hasOurs(parent));
      ours.set(id, known);
    }
    return known;
  };
  const name = ({ callFrame: f }: ProfileNode) =>
    `${f.functionName || '(anonymous)'} ${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}`;

  const tasks: LongTask[] = [];
  let samples: { id: number; t: number; dt: number }[] = [];
  const close = () => {
    if (samples.length === 0) return;
    const ms = (samples.at(-1)!.t - samples[0]!.t) / 1000;
    if (ms >= thresholdMs) {
      const self = new Map<string, number>();
      let oursMs = 0;
      for (const { id, dt } of samples) {
        const n = name(nodes.get(id)!);
        self.set(n, (self.get(n) ?? 0) + dt / 1000);
        if (hasOurs(id)) oursMs += dt / 1000;
      }
      const top = [...self]
        .sort((a, b) => b[1] - a[1])
        .slice(0, 6)
        .map(([n, v]) => `${n} ${v.toFixed(1)} ms`);
      tasks.push({ atMs: (samples[0]!.t - profile.startTime) / 1000, ms, oursMs, top });
    }
    samples = [];
  };
  let t = profile.startTime;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i] ?? 0;
    if (nodes.get(id)!.callFrame.functionName === '(idle)') close();
    else samples.push({ id, t, dt: profile.timeDeltas[i + 1] ?? 0 });
  });
  close();
  return tasks;
}
