import { InvalidConfigurationError, loadConfig } from './load-config';
import { withoutUrlCredentials } from './secrets';

function refusalOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be refused');
}

describe('Configuration errors and secrets', () => {
  it.each([
    ['OPERATOR_API_KEY', 'hunter2-secret!'],
    ['INVOICE_WEBHOOK_SECRET', 'whsec_hunter2-secret!'],
    ['METRICS_TOKEN', 'hunter2-short'],
  ])('never echo the secret setting %s, only its length', (variable, secret) => {
    const message = refusalOf({ [variable]: secret });
    expect(message).toContain(variable);
    expect(message).not.toContain('hunter2');
    expect(message).toContain(`${secret.length} characters, not shown`);
  });

  it.each([
    [
      'DATABASE_URL',
      'mysql://billing:hunter2@db.example:3306/billing',
      'mysql://***@db.example:3306/billing',
    ],
    ['SMTP_URL', 'ftp://mailer:hunter2@mail.example', 'ftp://***@mail.example'],
    ['INVOICE_WEBHOOK_URL', 'ftp://hook:hunter2@erp.example/x', 'ftp://***@erp.example/x'],
  ])('quote %s without its credentials', (variable, value, shown) => {
    const message = refusalOf({ [variable]: value });
    expect(message).toContain(variable);
    expect(message).not.toContain('hunter2');
    expect(message).toContain(shown);
  });

  it('does not quote a URL setting whose value is not a URL (it may be a pasted password)', () => {
    const message = refusalOf({ DATABASE_URL: 'hunter2' });
    expect(message).toContain('DATABASE_URL');
    expect(message).not.toContain('hunter2');
  });

  it('still quotes a setting that is not secret', () => {
    expect(refusalOf({ PORT: 'abc' })).toContain('(got "abc")');
  });

  it('removes user info up to the last @, and secret query parameters, from any URL in a text', () => {
    expect(withoutUrlCredentials('postgres://u:p@ss/w@host:5432/db?sslmode=require&password=x')).toBe(
      'postgres://***@host:5432/db?sslmode=require&password=***',
    );
    expect(withoutUrlCredentials('connect to http://host/path failed')).toBe(
      'connect to http://host/path failed',
    );
  });
});
