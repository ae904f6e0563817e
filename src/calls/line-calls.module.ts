import { Global, Module } from '@nestjs/common';
import { LineCalls } from '../customers';
import { MikroOrmLineCalls } from './infrastructure/mikro-orm-line-calls';

/**
 * What the customers module asks of a line's calls (its `LineCalls` port, for releasing a line),
 * answered from the calls table. Global, imported once by the application: the customers module
 * cannot import calls, which imports customers.
 */
@Global()
@Module({
  providers: [{ provide: LineCalls, useClass: MikroOrmLineCalls }],
  exports: [LineCalls],
})
export class LineCallsModule {}
