/** Time is a port: an abstract class so that it doubles as the injection token. */
export abstract class Clock {
  abstract now(): Date;
}
