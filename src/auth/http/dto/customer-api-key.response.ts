import { ApiProperty } from '@nestjs/swagger';

export class CustomerApiKeyResponse {
  @ApiProperty({ format: 'uuid', example: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11' })
  customerId!: string;
  @ApiProperty({
    description: 'The new key. Returned once, here; store it now. The previous key no longer works.',
    example: 'pbk_c_0b7c6f0e6a444e8e9d1b2f5c8f4c1a11_Vq3X9yQm0bWcZ1rT8uKfE2hJ5nL7pA4sD6gB0vN3xY8',
  })
  apiKey!: string;
}
