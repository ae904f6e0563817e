import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../../auth';
import { ASSETS_DIR } from './portal-fastify';

/** The one stylesheet, served by the service itself (no CDN: the portal works offline). */
@ApiExcludeController()
@Public()
@Controller('portal/assets')
export class PortalAssetsController {
  private readonly stylesheet = readFileSync(join(ASSETS_DIR, 'portal.css'));

  @Get('portal.css')
  stylesheetFile(@Res() reply: FastifyReply): void {
    void reply
      .header('Content-Type', 'text/css; charset=utf-8')
      .header('Cache-Control', 'public, max-age=3600')
      .send(this.stylesheet);
  }
}
