/** One Asterisk Master.csv row (18 columns), its times on the switch's clock. */
export function asteriskRow(row: {
  src: string;
  start: string;
  answer: string;
  billsec: number;
  disposition: string;
  uniqueid: string;
}): string {
  const text = (value: string) => `"${value}"`;
  return [
    text(''),
    text(row.src),
    text('+14155550100'),
    text('from-internal'),
    text('"Ada" <100>'.replace(/"/g, '""')),
    text('SIP/100-1'),
    text('SIP/trunk-2'),
    text('Dial'),
    text('SIP/trunk/+14155550100,60'),
    text(row.start),
    text(row.answer),
    text(row.start),
    String(row.billsec + 5),
    String(row.billsec),
    text(row.disposition),
    text('DOCUMENTATION'),
    text(row.uniqueid),
    text(''),
  ].join(',');
}

/** Not-answered rows (billsec 0): counted as not billable, never charged. */
export function notAnswered(src: string, start: string, uniqueid: string): string {
  return asteriskRow({ src, start, answer: '', billsec: 0, disposition: 'BUSY', uniqueid });
}
