import { Body, Controller, Get, Post, Query, Req, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../../auth';
import { AppConfiguration } from '../../config';
import { CurrentSessionQuery } from '../application/current-session.query';
import { EnterWithLinkUseCase } from '../application/enter-with-link.use-case';
import { SignInWithKeyUseCase } from '../application/sign-in-with-key.use-case';
import { SignOutUseCase } from '../application/sign-out.use-case';
import type { StartedSession } from '../application/started-session';
import type { PortalSession } from '../domain/portal-session';
import { NotACustomerKeyError, SignInRequiredError } from '../domain/portal.errors';
import { LoginThrottleGuard } from './login-throttle.guard';
import { sendPage } from './pages';
import { PORTAL_HOME, PORTAL_LOGIN } from './portal-paths';
import { portalCookie, SESSION_COOKIE, sessionCookie } from './session-cookie';

/**
 * Signing in and out: an operator's link (`/portal/enter?token=`), the customer's API key typed
 * into a form (`/portal/login`), and the sign-out button (`POST /portal/logout`). Every form
 * carries a CSRF token, checked before any handler runs (see `registerPortalPlugins`).
 */
@ApiExcludeController()
@Public()
@Controller('portal')
export class PortalSignInController {
  constructor(
    private readonly enterWithLink: EnterWithLinkUseCase,
    private readonly signInWithKey: SignInWithKeyUseCase,
    private readonly signOut: SignOutUseCase,
    private readonly currentSession: CurrentSessionQuery,
    private readonly config: AppConfiguration,
  ) {}

  @Get('enter')
  async enter(@Query('token') token: unknown, @Res() reply: FastifyReply): Promise<void> {
    this.startSession(reply, await this.enterWithLink.execute(token));
  }

  @Get('login')
  async loginForm(
    @Query('signed-out') signedOut: unknown,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (await this.sessionOf(request)) return void (await reply.redirect(PORTAL_HOME, 303));
    await this.sendLoginForm(reply, 200, signedOut !== undefined ? 'You have signed out.' : null, null);
  }

  @Post('login')
  @UseGuards(LoginThrottleGuard)
  async login(@Body() body: Record<string, unknown> | undefined, @Res() reply: FastifyReply): Promise<void> {
    try {
      this.startSession(reply, await this.signInWithKey.execute(body?.apiKey));
    } catch (error) {
      if (!(error instanceof NotACustomerKeyError)) throw error;
      // The key is never written back into the page.
      await this.sendLoginForm(reply, 401, null, 'That API key is not valid. Check it and try again.');
    }
  }

  @Post('logout')
  async logout(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const session = await this.sessionOf(request);
    if (session) await this.signOut.execute(session);
    await reply
      .clearCookie(SESSION_COOKIE, portalCookie(this.config))
      .redirect(`${PORTAL_LOGIN}?signed-out`, 303);
  }

  /** The browser's session if it still counts, else null (these pages also serve the signed-out). */
  private async sessionOf(request: FastifyRequest): Promise<PortalSession | null> {
    try {
      return await this.currentSession.execute(request.cookies[SESSION_COOKIE]);
    } catch (error) {
      if (error instanceof SignInRequiredError) return null;
      throw error;
    }
  }

  private startSession(reply: FastifyReply, started: StartedSession): void {
    void reply
      .setCookie(SESSION_COOKIE, started.token, sessionCookie(this.config))
      .redirect(PORTAL_HOME, 303);
  }

  private async sendLoginForm(
    reply: FastifyReply,
    status: number,
    notice: string | null,
    error: string | null,
  ): Promise<void> {
    await sendPage(
      reply,
      'login',
      {
        title: 'Sign in',
        brand: this.config.INVOICE_ISSUER_NAME,
        csrfToken: reply.generateCsrf(),
        notice,
        error,
      },
      status,
    );
  }
}
