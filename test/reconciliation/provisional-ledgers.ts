import { Module } from '@nestjs/common';
import {
  NotBillableLedger,
  type NotBillableMonthTotals,
  SuspenseLedger,
  type SuspenseMonthTotals,
  type UtcMonthRange,
} from '../../src/reconciliation';

/**
 * Test-only stand-ins for the suspense and CDR-file ledgers, until those modules land: records a
 * test puts in, answered by the ports' contract (calls that started in the month, each callId once,
 * a held call by where it stands now). Never part of the application module.
 */
export interface HeldRecord {
  callId: string;
  startedAt: string;
  seconds: number;
  reason: 'unknown-phone-number' | 'no-rate';
  status: 'suspended' | 'recorded' | 'written_off';
}

export interface NotAnsweredRecord {
  callId: string;
  startedAt: string;
  seconds: number;
}

const inMonth = (startedAt: string, range: UtcMonthRange) => {
  const time = Date.parse(startedAt);
  return time >= range.start.getTime() && time < range.end.getTime();
};

/** Keeps the last record per callId, as a store keyed by callId would. */
function byCallId<T extends { callId: string }>(records: T[]): T[] {
  return [...new Map(records.map((record) => [record.callId, record])).values()];
}

export class ProvisionalSuspenseLedger extends SuspenseLedger {
  readonly held: HeldRecord[] = [];

  monthTotals(range: UtcMonthRange): Promise<SuspenseMonthTotals> {
    const month = byCallId(this.held).filter((record) => inMonth(record.startedAt, range));
    const suspended = month.filter((record) => record.status === 'suspended');
    const writtenOff = month.filter((record) => record.status === 'written_off');
    return Promise.resolve({
      suspended: {
        calls: suspended.length,
        seconds: suspended.reduce((sum, record) => sum + record.seconds, 0),
        byReason: {
          'unknown-phone-number': suspended.filter((r) => r.reason === 'unknown-phone-number').length,
          'no-rate': suspended.filter((r) => r.reason === 'no-rate').length,
        },
      },
      writtenOff: {
        calls: writtenOff.length,
        seconds: writtenOff.reduce((sum, record) => sum + record.seconds, 0),
      },
    });
  }
}

export class ProvisionalNotBillableLedger extends NotBillableLedger {
  readonly records: NotAnsweredRecord[] = [];

  monthTotals(range: UtcMonthRange): Promise<NotBillableMonthTotals> {
    const month = byCallId(this.records).filter((record) => inMonth(record.startedAt, range));
    return Promise.resolve({
      calls: month.length,
      seconds: month.reduce((sum, record) => sum + record.seconds, 0),
    });
  }
}

@Module({
  providers: [
    { provide: SuspenseLedger, useClass: ProvisionalSuspenseLedger },
    { provide: NotBillableLedger, useClass: ProvisionalNotBillableLedger },
  ],
  exports: [SuspenseLedger, NotBillableLedger],
})
export class ProvisionalLedgersModule {}
