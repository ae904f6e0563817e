import { ApiProperty } from '@nestjs/swagger';
import type { Customer } from '../../domain/customer';

export class CustomerResponse {
  @ApiProperty({ format: 'uuid', example: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11' })
  id!: string;
  @ApiProperty({ example: 'Ada Lovelace' })
  name!: string;
  @ApiProperty({ example: 'ada@example.com', nullable: true, type: String })
  email!: string | null;
  @ApiProperty({ example: 'Europe/Lisbon' })
  timezone!: string;
  @ApiProperty({ example: 'postpaid', description: 'The plan in force now' })
  plan!: string;
  @ApiProperty({
    example: 'flat',
    nullable: true,
    type: String,
    description: 'A plan change waiting for the next period',
  })
  pendingPlan!: string | null;
  @ApiProperty({
    example: '2026-11',
    nullable: true,
    type: String,
    description: 'The period the pending plan starts',
  })
  planEffectiveFrom!: string | null;
  @ApiProperty({ example: ['+351912345678'], type: [String] })
  phoneNumbers!: string[];
  @ApiProperty({ example: '2026-10-01T09:30:00.000Z' })
  createdAt!: string;

  static of(customer: Customer, now: Date): CustomerResponse {
    const current = customer.currentPeriod(now).code;
    const pending = customer.planHistory.pendingAfter(current);
    return {
      id: customer.id,
      name: customer.name,
      email: customer.email,
      timezone: customer.timezone.name,
      plan: customer.planHistory.inForceDuring(current),
      pendingPlan: pending?.plan ?? null,
      planEffectiveFrom: pending?.from ?? null,
      phoneNumbers: customer.phoneNumbers.map((number) => number.e164),
      createdAt: customer.createdAt.toISOString(),
    };
  }
}

export class CreatedCustomerResponse extends CustomerResponse {
  @ApiProperty({
    description:
      "The customer's own API key, for reading its own customer, calls, invoices and balance. Returned once, here; store it now (POST /v1/customers/{customerId}/api-key issues a new one).",
    example: 'pbk_c_0b7c6f0e6a444e8e9d1b2f5c8f4c1a11_Vq3X9yQm0bWcZ1rT8uKfE2hJ5nL7pA4sD6gB0vN3xY8',
  })
  apiKey!: string;
}

export class CustomerPageResponse {
  @ApiProperty({ type: [CustomerResponse] })
  data!: CustomerResponse[];
  @ApiProperty({ nullable: true, type: String, example: null })
  nextCursor!: string | null;
}
