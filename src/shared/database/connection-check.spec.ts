import { describeConnectionFailure } from './connection-check';

const URL_WITH_PASSWORD = 'postgres://billing:hunter2@db.example:6543/billing';

describe('describeConnectionFailure', () => {
  it.each([
    ['ECONNREFUSED', 'connection refused. Check that PostgreSQL is running'],
    ['ENOTFOUND', 'the host name db.example does not resolve'],
    ['ETIMEDOUT', 'no answer'],
    ['28P01', 'the server refused user "billing". Check the user name and password in DATABASE_URL'],
    ['3D000', 'database "billing" does not exist'],
  ])('says what was tried and what to check for %s, in one line, without the password', (code, reason) => {
    const message = describeConnectionFailure(URL_WITH_PASSWORD, Object.assign(new Error('x'), { code }));
    expect(message).toMatch(
      /^Cannot connect to PostgreSQL at db\.example:6543 \(database "billing", user "billing", from DATABASE_URL\): /,
    );
    expect(message).toContain(reason);
    expect(message).not.toContain('hunter2');
    expect(message.split('\n')).toHaveLength(1);
  });

  it('takes the default port and quotes an unknown error without credentials', () => {
    const message = describeConnectionFailure(
      'postgresql://app:hunter2@localhost/app',
      new Error('self-signed certificate for postgresql://app:hunter2@localhost'),
    );
    expect(message).toContain('localhost:5432');
    expect(message).toContain('postgresql://***@localhost');
    expect(message).not.toContain('hunter2');
  });
});
