import { ApiProperty } from '@nestjs/swagger';
import { INSTANT } from '../../../shared/http/schema-fragments';
import { PORTAL_TOKEN_PATTERN } from '../../domain/portal-token';

const TOKEN = PORTAL_TOKEN_PATTERN.source.replace(/^\^|\$$/g, '');

export class PortalSessionResponse {
  @ApiProperty({
    type: String,
    format: 'uri',
    pattern: `^https?://[^/?#]+/portal/enter\\?token=${TOKEN}$`,
    maxLength: 2048,
    example: 'https://billing.example.com/portal/enter?token=Vq3X9yQm0bWcZ1rT8uKfE2hJ5nL7pA4sD6gB0vN3xY8',
    description:
      'The sign-in link: PUBLIC_BASE_URL + /portal/enter?token=... It works once, until expiresAt, and only while the customer keeps the API key it had when the link was made. Send it to the customer (e-mail, your own site); the token is shown here only.',
  })
  url!: string;

  @ApiProperty({
    ...INSTANT,
    description: 'When the link stops working: now + PORTAL_LINK_TTL_SECONDS (default 900)',
  })
  expiresAt!: string;
}
