export { CdrFilesModule } from './cdr-files.module';
export { acceptCdrFiles } from './http/cdr-upload';
