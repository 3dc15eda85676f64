import { readFileSync } from 'node:fs';

/**
 * CPU seconds the whole machine spent busy (all cores, every process: the server's backends
 * too), from /proc/stat; null where there is none. Wall time on a shared 2-core machine swings
 * by a tenth between runs of one build; the CPU a run cost swings much less.
 */
export const machineBusySeconds = (): number | null => {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal: busy is all but idle and iowait.
    const [user, nice, system, , , irq, softirq, steal] = fields;
    return (user + nice + system + irq + softirq + (steal ?? 0)) / 100;
  } catch {
    return null;
  }
};

/** This process's CPU seconds (user and system) since `from` (process.cpuUsage()). */
export const processCpuSeconds = (from: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(from);
  return Number(((used.user + used.system) / 1e6).toFixed(1));
};
