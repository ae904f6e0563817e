import { InvalidConfigurationError, loadConfig } from './load-config';
import { withOperatorKey } from './operator-key';

const A_KEY = 'a-long-operator-key-0123456789';

function failureOf(work: () => unknown): Error {
  try {
    work();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

describe('the operator key at start-up', () => {
  it('refuses to start in production without OPERATOR_API_KEY, in one line naming it', () => {
    const error = failureOf(() => loadConfig({ NODE_ENV: 'production' }));
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    expect(error.message).toMatch(
      /^Invalid configuration: OPERATOR_API_KEY must be set when NODE_ENV=production/,
    );
    expect(error.message.split('\n')).toHaveLength(1);
  });

  it('refuses a blank key in production as a missing one', () => {
    expect(failureOf(() => loadConfig({ NODE_ENV: 'production', OPERATOR_API_KEY: '' })).message).toContain(
      'OPERATOR_API_KEY',
    );
  });

  it('refuses a short key anywhere', () => {
    expect(failureOf(() => loadConfig({ OPERATOR_API_KEY: 'short' })).message).toContain(
      'OPERATOR_API_KEY must be at least 16 characters',
    );
  });

  it('starts in production with a key, and keeps it without logging it', () => {
    const log = jest.fn();
    const config = withOperatorKey(loadConfig({ NODE_ENV: 'production', OPERATOR_API_KEY: A_KEY }), log);
    expect(config.OPERATOR_API_KEY).toBe(A_KEY);
    expect(log).not.toHaveBeenCalled();
  });

  it('generates a key in development and logs it once, so `npm start` works out of the box', () => {
    const log = jest.fn();
    const config = withOperatorKey(loadConfig({}), log);
    expect(config.OPERATOR_API_KEY.length).toBeGreaterThanOrEqual(32);
    expect(log).toHaveBeenCalledTimes(1);
    expect(log.mock.calls[0][0]).toContain(config.OPERATOR_API_KEY);
    expect(log.mock.calls[0][0]).toContain('OPERATOR_API_KEY');
    expect(withOperatorKey(loadConfig({}), jest.fn()).OPERATOR_API_KEY).not.toBe(config.OPERATOR_API_KEY);
  });

  it('never generates one in production, even when handed a config without a key', () => {
    const config = { ...loadConfig({ OPERATOR_API_KEY: A_KEY }), NODE_ENV: 'production' as const };
    delete config.OPERATOR_API_KEY;
    expect(failureOf(() => withOperatorKey(config, jest.fn()))).toBeInstanceOf(InvalidConfigurationError);
  });

  it('has rate limits on by default for customer keys and off for the operator', () => {
    expect(loadConfig({})).toMatchObject({ RATE_LIMIT_PER_MINUTE: 600, OPERATOR_RATE_LIMIT_PER_MINUTE: 0 });
    expect(failureOf(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).message).toContain(
      'RATE_LIMIT_PER_MINUTE',
    );
  });
});
