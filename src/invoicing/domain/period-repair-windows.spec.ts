import { BillingPeriod } from '../../shared/domain/billing-period';
import { TimeZone } from '../../shared/domain/time-zone';
import { periodsWithMovedBounds, periodsWithMovedStarts, windowsAroundStarts } from './period-repair-windows';

const asuncion = TimeZone.of('America/Asuncion');

describe('where stored periods may be wrong', () => {
  it('finds none in a zone without clock changes', () => {
    expect(periodsWithMovedStarts(TimeZone.of('UTC'), BillingPeriod.parse('2026-12', TimeZone.UTC))).toEqual(
      [],
    );
    expect(
      periodsWithMovedStarts(
        TimeZone.of('Asia/Kolkata'),
        BillingPeriod.parse('2026-12', TimeZone.of('Asia/Kolkata')),
      ),
    ).toEqual([]);
  });

  it('lists a period whose start has a clock change near it, and the next one (its end was start plus a month)', () => {
    const codes = periodsWithMovedStarts(asuncion, BillingPeriod.parse('2023-12', asuncion));
    expect(codes).toEqual(expect.arrayContaining(['2023-10', '2023-11']));
    expect(codes).not.toContain('2023-12');
    expect(
      periodsWithMovedStarts(
        TimeZone.of('America/Managua'),
        BillingPeriod.parse('2006-12', TimeZone.of('America/Managua')),
      ),
    ).toEqual(expect.arrayContaining(['2006-10']));
  });

  it('lists the periods whose invoice was issued with other bounds', () => {
    const issued = {
      invoiceId: 'inv-1',
      period: '2023-10',
      start: new Date('2023-10-01T04:00:00Z'),
      end: new Date('2023-11-01T04:00:00Z'),
      issuedAt: new Date('2023-11-01T04:30:00Z'),
    };
    expect(periodsWithMovedBounds(asuncion, [issued])).toEqual(['2023-11']);
    expect(periodsWithMovedBounds(asuncion, [{ ...issued, end: new Date('2023-11-01T03:00:00Z') }])).toEqual(
      [],
    );
  });

  it('looks two days either side of a start, each side naming its period', () => {
    expect(
      windowsAroundStarts(asuncion, ['2023-11']).map((w) => [
        w.start.toISOString(),
        w.end.toISOString(),
        w.period,
      ]),
    ).toEqual([
      ['2023-10-30T03:00:00.000Z', '2023-11-01T03:00:00.000Z', '2023-10'],
      ['2023-11-01T03:00:00.000Z', '2023-11-03T03:00:00.000Z', '2023-11'],
    ]);
    expect(windowsAroundStarts(TimeZone.UTC, ['1970-01'])).toHaveLength(1);
  });
});
