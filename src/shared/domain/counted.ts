const plurals = new Intl.PluralRules('en');

/** A count and its noun in the right number: "1 call", "2 calls", "0 calls" (English). */
export function counted(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${plurals.select(count) === 'one' ? singular : plural}`;
}
