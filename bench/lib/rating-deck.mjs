// A destination deck of N prefixes, generated at bench time (never committed): country codes of one
// to three digits, each extended by one to five more digits, as large operators' decks are. The
// bench's destinations (+1415 and 7 digits) fall on prefixes several levels deep (+1, +1415, +1415x,
// ...), so every call walks the longest-prefix match, not a one-step miss.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `bench-deck.csv` and a catalog whose default plan rates by it, billed like the flat default
 * plan (60/60) so that a run with the deck and one without differ by the deck alone; answers the
 * catalog path.
 */
export function writeRatingDeckCatalog(folder, { prefixes, random }) {
  const seen = new Set();
  const rows = ['prefix,group,ratePerMinute'];
  // Operators price by group: every prefix of a group has the group's rate.
  const rateOfGroup = new Map();
  const add = (prefix, group) => {
    if (seen.has(prefix) || seen.size >= prefixes) return;
    seen.add(prefix);
    if (!rateOfGroup.has(group))
      rateOfGroup.set(group, (0.005 + Math.floor(random() * 200) / 1000).toFixed(3));
    rows.push(`${prefix},${group},${rateOfGroup.get(group)}`);
  };
  add('+1', 'US and Canada');
  add('+1415', 'US San Francisco');
  for (let digit = 0; digit < 10; digit++) add(`+1415${digit}`, 'US San Francisco block');
  for (let n = 0; n < 1000; n++) add(`+1415${String(n).padStart(3, '0')}`, 'US San Francisco exchange');
  while (seen.size < prefixes) {
    const codeLength = 1 + Math.floor(random() * 3);
    const code = String(1 + Math.floor(random() * (10 ** codeLength - 1)));
    const extra = Array.from({ length: 1 + Math.floor(random() * 5) }, () => Math.floor(random() * 10)).join(
      '',
    );
    add(`+${code}${extra}`, `Zone ${code}${random() < 0.3 ? ' mobile' : ''}`);
  }
  writeFileSync(join(folder, 'bench-deck.csv'), `${rows.join('\n')}\n`);
  const catalog = {
    postpaid: { type: 'postpaid', ratePerMinute: '0.02', currency: 'USD' },
    prepaid: { type: 'prepaid', ratePerMinute: '0.02', currency: 'USD' },
    flat: {
      type: 'flat',
      monthlyFee: '20.00',
      includedMinutes: null,
      overageRatePerMinute: '0.02',
      currency: 'USD',
    },
    'bench-deck': {
      type: 'postpaid',
      currency: 'USD',
      ratePerMinute: '0.02',
      destinationsFile: 'bench-deck.csv',
    },
  };
  const file = join(folder, 'bench-plans.json');
  writeFileSync(file, JSON.stringify(catalog));
  return file;
}
