// Per phase: the service's peak resident memory, and the CPU time the service and PostgreSQL
// spent. Peak RSS is VmRSS sampled every 100 ms plus VmHWM (the kernel's high-water mark, reset at
// each phase start through /proc/<pid>/clear_refs) so a spike between two samples still counts.
// CPU seconds are what a phase cost whatever else ran on the machine: wall-clock figures are not.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const SAMPLE_MS = 100;
export const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export class PhaseMonitor {
  constructor(servicePid, postmasterPid) {
    this.servicePid = servicePid;
    this.postmasterPid = postmasterPid;
    this.rssMb = {};
    // The part of the peak that is the process's own (heap, buffers): VmRSS also counts the pages
    // of the node binary and its libraries that it touched, which are file-backed and shared.
    this.anonMb = {};
    this.cpuSeconds = {};
    this.hwmResettable = true;
    this.timer = null;
  }

  /** `service: false` for a limit measurement (COPY, bare SQL): CPU only, the idle service's RSS is not a figure. */
  begin(phase, { service = true } = {}) {
    this.end();
    this.phase = phase;
    this.trackRss = service;
    this.peakKb = 0;
    this.peakAnonKb = 0;
    try {
      writeFileSync(`/proc/${this.servicePid}/clear_refs`, '5');
    } catch {
      this.hwmResettable = false;
    }
    this.cpuAtStart = { service: serviceTicks(this.servicePid), postgres: postgresTicks(this.postmasterPid) };
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_MS);
  }

  /** Closes the current phase, if any. */
  end() {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    const status = this.status();
    const hwm = this.hwmResettable ? (status?.VmHWM ?? 0) : 0;
    const peakMb = Math.round(Math.max(this.peakKb, status?.VmRSS ?? 0, hwm) / 1024);
    if (this.trackRss) {
      this.rssMb[this.phase] = Math.max(this.rssMb[this.phase] ?? 0, peakMb);
      this.anonMb[this.phase] = Math.round(Math.max(this.peakAnonKb, status?.RssAnon ?? 0) / 1024);
    }
    const spent = (now, start) => Math.round(((now - start) / TICKS_PER_SECOND) * 100) / 100;
    this.cpuSeconds[this.phase] = {
      service: spent(serviceTicks(this.servicePid), this.cpuAtStart.service),
      postgres: spent(postgresTicks(this.postmasterPid), this.cpuAtStart.postgres),
    };
  }

  sample() {
    const status = this.status();
    if (!status) return;
    this.peakKb = Math.max(this.peakKb, status.VmRSS);
    this.peakAnonKb = Math.max(this.peakAnonKb, status.RssAnon);
  }

  status() {
    return processMemory(this.servicePid);
  }
}

/** VmRSS, VmHWM (its peak so far) and RssAnon of a process, in kB, from /proc/<pid>/status; null once it is gone. */
export function processMemory(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0);
    return { VmRSS: field('VmRSS'), VmHWM: field('VmHWM'), RssAnon: field('RssAnon') };
  } catch {
    return null; // the process is gone
  }
}

/** utime, stime, cutime, cstime and the parent pid from /proc/<pid>/stat, or null. */
function stat(pid) {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return {
      ppid: Number(fields[1]),
      own: Number(fields[11]) + Number(fields[12]),
      children: Number(fields[13]) + Number(fields[14]),
    };
  } catch {
    return null;
  }
}

function serviceTicks(pid) {
  return stat(pid)?.own ?? 0;
}

/** The postmaster, its live backends and workers, and the backends that already exited. */
function postgresTicks(postmasterPid) {
  const postmaster = stat(postmasterPid);
  if (!postmaster) return 0;
  let ticks = postmaster.own + postmaster.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === postmasterPid) ticks += child.own;
  }
  return ticks;
}
