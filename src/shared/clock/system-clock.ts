import { Clock } from './clock';

export class SystemClock extends Clock {
  override now(): Date {
    return new Date();
  }
}
