import { defineEntity, p } from '@mikro-orm/core';
import { CdrFileEntity } from './cdr-file.entity';

/** Table `cdr_file_errors`: the rejected rows of an import, by line, with the reason. */
export const CdrFileErrorEntity = defineEntity({
  name: 'CdrFileError',
  tableName: 'cdr_file_errors',
  properties: {
    cdrFile: () =>
      p
        .manyToOne(CdrFileEntity)
        .mapToPk()
        .primary()
        .deleteRule('cascade')
        .foreignKeyName('cdr_file_errors_cdr_file_id_fkey'),
    line: p.integer().primary(),
    reason: p.text(),
  },
});
