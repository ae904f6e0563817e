// A process that claims a data directory at an agreed instant, for the claim race tests:
//   node --import tsx test/support/claim-racer.ts <dataDir> <startAtEpochMs> <holdMs>
// Prints {"pid":..,"won":true} or {"pid":..,"won":false,"error":"..."} and holds a won claim for holdMs.
import { claimDataDirectory } from '../../src/shared/database/embedded/data-directory-claim';

const [dataDir, startAt, holdMs] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // spin until the agreed instant, so the racers really race
}
try {
  const claim = claimDataDirectory(dataDir, { purpose: 'service', port: 1 });
  console.log(JSON.stringify({ pid: process.pid, won: true }));
  setTimeout(() => claim.release(), Number(holdMs));
} catch (error) {
  console.log(JSON.stringify({ pid: process.pid, won: false, error: (error as Error).message }));
}
