import { Injectable } from '@nestjs/common';
import { AuthenticateCallerQuery, CustomerKeyVersionQuery } from '../../auth';
import { AppConfiguration } from '../../config';
import { Clock } from '../../shared/clock/clock';
import { DomainError } from '../../shared/domain/domain-error';
import { NotACustomerKeyError } from '../domain/portal.errors';
import { PortalSessionRepository } from './portal-session.repository';
import { newSession, type StartedSession } from './started-session';

/** Longest text the form's key field is looked at: a customer key is 82 characters. */
const MAX_KEY_LENGTH = 200;

/**
 * The sign-in form: a customer's current API key starts a session for that customer. Anything
 * else (a wrong, rotated or malformed key, the operator key) is a NotACustomerKeyError.
 */
@Injectable()
export class SignInWithKeyUseCase {
  constructor(
    private readonly authenticate: AuthenticateCallerQuery,
    private readonly keyVersions: CustomerKeyVersionQuery,
    private readonly sessions: PortalSessionRepository,
    private readonly clock: Clock,
    private readonly config: AppConfiguration,
  ) {}

  async execute(apiKey: unknown): Promise<StartedSession> {
    const key = typeof apiKey === 'string' ? apiKey.trim() : '';
    if (key === '' || key.length > MAX_KEY_LENGTH) throw new NotACustomerKeyError();
    const caller = await this.authenticate.execute(key).catch((error: unknown) => {
      if (error instanceof DomainError) throw new NotACustomerKeyError();
      throw error;
    });
    if (caller.kind !== 'customer') throw new NotACustomerKeyError();
    const { session, started } = newSession(
      {
        customerId: caller.customerId,
        keyVersion: this.keyVersions.ofKey(key),
        origin: 'api_key',
        linkId: null,
      },
      this.clock.now(),
      this.config.PORTAL_SESSION_TTL_SECONDS,
    );
    await this.sessions.startSession(session);
    return started;
  }
}
