import { Module } from '@nestjs/common';
import { NotBillableLedger, type NotBillableMonthTotals, type UtcMonthRange } from '../../src/reconciliation';

/**
 * Test-only stand-in for the CDR files' not-billable ledger, until that module lands: records a
 * test puts in, answered by the port's contract (records that started in the month, each callId
 * once). Never part of the application module.
 */
export interface NotAnsweredRecord {
  callId: string;
  startedAt: string;
  seconds: number;
}

export class ProvisionalNotBillableLedger extends NotBillableLedger {
  readonly records: NotAnsweredRecord[] = [];

  monthTotals(range: UtcMonthRange): Promise<NotBillableMonthTotals> {
    const distinct = [...new Map(this.records.map((record) => [record.callId, record])).values()];
    const month = distinct.filter((record) => {
      const time = Date.parse(record.startedAt);
      return time >= range.start.getTime() && time < range.end.getTime();
    });
    return Promise.resolve({
      calls: month.length,
      seconds: month.reduce((sum, record) => sum + record.seconds, 0),
    });
  }
}

@Module({
  providers: [{ provide: NotBillableLedger, useClass: ProvisionalNotBillableLedger }],
  exports: [NotBillableLedger],
})
export class ProvisionalLedgersModule {}
