import { ApiProperty } from '@nestjs/swagger';
import { CallResponse, POSTPAID_CALL_EXAMPLE } from '../../../calls';
import { MAX_PAGE_SIZE } from '../../../shared/http/page-query.dto';
import { NEXT_CURSOR } from '../../../shared/http/schema-fragments';

/** A call an invoice billed: the `Call` resource, and whether it reached this invoice late. */
export class BilledCallResponse extends CallResponse {
  @ApiProperty({
    type: Boolean,
    example: false,
    description:
      'true: a call of an earlier, already invoiced period, billed by this invoice as late usage; ' +
      "false: a call of the invoice's own period",
  })
  late!: boolean;
}

export class BilledCallPageResponse {
  @ApiProperty({ type: [BilledCallResponse], maxItems: MAX_PAGE_SIZE })
  data!: BilledCallResponse[];
  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}

export const BILLED_CALL_EXAMPLE: BilledCallResponse = { ...POSTPAID_CALL_EXAMPLE, late: false };
