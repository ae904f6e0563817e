export { PrepaidModule } from './prepaid.module';
