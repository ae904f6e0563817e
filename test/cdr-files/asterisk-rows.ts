/** `count` answered Asterisk Master.csv rows from `line`, one minute apart, with uniqueids `<prefix>.<n>`. */
export function asteriskRows(
  line: string,
  count: number,
  prefix: string,
  start = Date.UTC(2026, 9, 1),
): string {
  const rows: string[] = [];
  for (let n = 0; n < count; n += 1) {
    const answer = new Date(start + n * 60_000).toISOString().slice(0, 19).replace('T', ' ');
    rows.push(
      `"","${line}","+14155550100","from-internal","""Ada"" <100>","SIP/100-${n}","SIP/trunk-${n}","Dial","SIP/trunk/+14155550100,60","${answer}","${answer}","${answer}",61,60,"ANSWERED","DOCUMENTATION","${prefix}.${n}",""\n`,
    );
  }
  return rows.join('');
}
