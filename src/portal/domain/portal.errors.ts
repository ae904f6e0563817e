import { DomainError } from '../../shared/domain/domain-error';
import type { LinkRefusal } from './portal-link';

/** No session, or one that ended, expired or was started under a key since rotated: sign in again. */
export class SignInRequiredError extends DomainError {
  readonly code = 'portal_sign_in_required';
  readonly category = 'unauthorized';
  constructor() {
    super('Sign in to see this page.');
  }
}

/** A sign-in link that starts nothing; `reason` tells the customer why (their own link, so no secret). */
export class PortalLinkRefusedError extends DomainError {
  readonly code = 'portal_link_refused';
  readonly category = 'not_found';
  constructor(readonly reason: LinkRefusal) {
    super(`This sign-in link cannot be used (${reason}).`);
  }
}

/** The sign-in form's key is not a customer's current key (the operator key included). */
export class NotACustomerKeyError extends DomainError {
  readonly code = 'portal_invalid_api_key';
  readonly category = 'unauthorized';
  constructor() {
    super('That is not a valid customer API key.');
  }
}
