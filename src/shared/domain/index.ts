export * from './billing-period';
export * from './domain-error';
export * from './money';
export * from './shared.errors';
export * from './time-zone';
