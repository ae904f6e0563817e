// Huge pages for the bench's PostgreSQL. With 4 KB pages, every backend maps each page of
// shared_buffers it touches with a minor page fault of its own, the first time it touches it: a
// history request reading ~55 buffers scattered over a 5 GB table then costs PostgreSQL ~1.5 ms of
// CPU instead of ~0.3-0.4 ms, and the service's pooled connections never warm up within a phase.
// PostgreSQL's documentation recommends huge pages for large shared_buffers ("Linux Huge Pages",
// in the server administration chapter), the usual advice for a production server.
import { readFileSync, writeFileSync } from 'node:fs';

const NR_HUGEPAGES = '/proc/sys/vm/nr_hugepages';

function meminfo() {
  const text = readFileSync('/proc/meminfo', 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+)`, 'm').exec(text)?.[1] ?? 0);
  return { total: field('HugePages_Total'), free: field('HugePages_Free'), pageKb: field('Hugepagesize') };
}

/**
 * Makes room for `bytes` of shared memory in huge pages, raising `vm.nr_hugepages` when that needs
 * more than are free (as root; otherwise it says so and PostgreSQL falls back to 4 KB pages under
 * `huge_pages = try`). Returns a function that puts the previous count back.
 * @param {number} bytes shared_buffers; a 10% margin covers PostgreSQL's other shared structures
 */
export function reserveHugePages(bytes, log) {
  const before = meminfo();
  if (before.pageKb === 0) {
    log('huge pages: not supported by this kernel; PostgreSQL runs on 4 KB pages');
    return () => {};
  }
  const needed = Math.ceil((bytes * 1.1) / (before.pageKb * 1024));
  if (before.free >= needed) return () => {};
  const wanted = before.total + (needed - before.free);
  try {
    writeFileSync(NR_HUGEPAGES, String(wanted));
  } catch (error) {
    log(
      `huge pages: could not set vm.nr_hugepages to ${wanted} (${error.code}); PostgreSQL runs on 4 KB pages`,
    );
    return () => {};
  }
  const after = meminfo();
  if (after.free < needed)
    log(
      `huge pages: only ${after.free} of ${needed} free after asking for ${wanted}; PostgreSQL may run on 4 KB pages`,
    );
  return () => {
    try {
      writeFileSync(NR_HUGEPAGES, String(before.total));
    } catch {
      // the count stays raised; the pages are free again once PostgreSQL has stopped
    }
  };
}
