import { ApiProperty } from '@nestjs/swagger';
import { UUID } from '../../../shared/http/schema-fragments';
import { CUSTOMER_KEY_PATTERN } from '../../domain/api-key';

/** `pbk_c_` + the customer id without dashes + `_` + 43 base64url characters (256 random bits). */
export const CUSTOMER_API_KEY = {
  type: String,
  pattern: CUSTOMER_KEY_PATTERN.source,
  maxLength: 82,
  example: 'pbk_c_0b7c6f0e6a444e8e9d1b2f5c8f4c1a11_Vq3X9yQm0bWcZ1rT8uKfE2hJ5nL7pA4sD6gB0vN3xY8',
};

export class CustomerApiKeyResponse {
  @ApiProperty(UUID)
  customerId!: string;
  @ApiProperty({
    ...CUSTOMER_API_KEY,
    description: 'The new key. Returned once, here; store it now. The previous key no longer works.',
  })
  apiKey!: string;
}
