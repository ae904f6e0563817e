import { Injectable } from '@nestjs/common';
import { Clock } from '../../shared/clock/clock';
import type { PortalSession } from '../domain/portal-session';
import { PortalSessionRepository } from './portal-session.repository';

/** Ends a session for good: its cookie no longer signs anyone in, even if kept. */
@Injectable()
export class SignOutUseCase {
  constructor(
    private readonly sessions: PortalSessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(session: PortalSession): Promise<void> {
    await this.sessions.endSession(session.id, this.clock.now());
  }
}
