import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { aCallToRate } from '../../../test/support/call-to-rate.mother';
import { InvalidPlanCatalogError } from '../domain/billing-plan.errors';
import { loadPlanCatalog } from './plan-catalog.loader';

const HEADER = 'prefix,group,ratePerMinute';

describe('loadPlanCatalog with destination files', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'plan-decks-'));
    mkdirSync(join(dir, 'rates'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  function write(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content, 'utf8');
    return path;
  }

  /** A catalog file whose plan `intl` prices by `destinationsFile`, and whatever else `spec` adds. */
  function catalogWith(destinationsFile: string, spec: Record<string, unknown> = {}): string {
    return write(
      'plans.json',
      JSON.stringify({
        intl: { type: 'postpaid', currency: 'USD', ratePerMinute: '0.03', destinationsFile, ...spec },
      }),
    );
  }
  const load = (file: string) => () => loadPlanCatalog({ BILLING_PLANS_FILE: file, DEFAULT_PLAN: 'intl' });
  const groupOf = (file: string, destination: string) =>
    loadPlanCatalog({ BILLING_PLANS_FILE: file, DEFAULT_PLAN: 'intl' })
      .get('intl')
      .rateCall(aCallToRate({ destination })).rate.group;

  it('prices calls by a CSV deck, read relative to the folder of the catalog file', () => {
    write('rates/pt.csv', `${HEADER}\n+351,Portugal,0.02\n+3519,Portugal mobile,0.05\n`);
    const catalog = catalogWith('rates/pt.csv');
    expect(groupOf(catalog, '+351912345678')).toBe('Portugal mobile');
    expect(groupOf(catalog, '+351212345678')).toBe('Portugal');
    expect(groupOf(catalog, '+447700900123')).toBe('default');
  });

  it('reads an absolute path as it is, whatever the working directory', () => {
    const csv = write('rates/absolute.csv', `${HEADER}\n+44,UK,0.04\n`);
    expect(groupOf(catalogWith(csv), '+447700900123')).toBe('UK');
    expect(relative(process.cwd(), dir)).not.toBe('');
  });

  it('skips blank and comment lines, trims fields, reads quoted fields and a BOM', () => {
    write(
      'rates/tidy.csv',
      `\uFEFF${HEADER}\r\n# Portugal\r\n\r\n +351 , Portugal , 0.02 \r\n"+82","Korea, Republic of","0.07"\r\n`,
    );
    const catalog = catalogWith('rates/tidy.csv');
    expect(groupOf(catalog, '+351212345678')).toBe('Portugal');
    expect(groupOf(catalog, '+82212345678')).toBe('Korea, Republic of');
  });

  it('shares one deck between plans and versions naming the same file', () => {
    write('rates/shared.csv', `${HEADER}\n+351,Portugal,0.02\n`);
    const file = write(
      'shared.json',
      JSON.stringify({
        a: { type: 'postpaid', currency: 'USD', destinationsFile: 'rates/shared.csv' },
        b: {
          type: 'prepaid',
          currency: 'USD',
          ratePerMinute: '0.03',
          destinationsFile: 'rates/shared.csv',
          versions: [
            {
              effectiveFrom: '2027-01-01T00:00:00Z',
              destinationsFile: 'rates/shared.csv',
              connectFee: '0.01',
            },
          ],
        },
      }),
    );
    const catalog = loadPlanCatalog({ BILLING_PLANS_FILE: file, DEFAULT_PLAN: 'a' });
    expect(catalog.get('a').describe()).toMatchObject({
      destinations: { size: 1, file: 'rates/shared.csv' },
    });
    expect(catalog.get('b').describe()).toMatchObject({
      versions: [{ destinations: { file: 'rates/shared.csv' } }],
    });
  });

  describe('stops start-up naming the plan, the setting, the file and the line', () => {
    const expectRefused = (file: string, field: string, problem: string) => {
      expect(load(file)).toThrow(InvalidPlanCatalogError);
      expect(load(file)).toThrow(`Invalid billing plans: plan "intl", field "${field}": ${problem}`);
    };

    it('a prefix given twice', () => {
      write(
        'rates/dup.csv',
        `${HEADER}\n+351,Portugal,0.02\n+3519,Portugal mobile,0.05\n+351,Portugal again,0.03\n`,
      );
      expectRefused(
        catalogWith('rates/dup.csv'),
        'destinationsFile',
        'rates/dup.csv line 4: duplicate prefix "+351" (first at line 2)',
      );
    });

    it('a malformed prefix, counting comment and blank lines', () => {
      write(
        'rates/bad-prefix.csv',
        `${HEADER}\n# mobile\n\n+3519,Portugal mobile,0.05\n3512,Portugal,0.02\n`,
      );
      expectRefused(
        catalogWith('rates/bad-prefix.csv'),
        'destinationsFile',
        'rates/bad-prefix.csv line 5: malformed prefix "3512"',
      );
    });

    it('a bad rate', () => {
      write('rates/bad-rate.csv', `${HEADER}\n+351,Portugal,0.02\n+44,UK,-0.04\n`);
      expectRefused(
        catalogWith('rates/bad-rate.csv'),
        'destinationsFile',
        'rates/bad-rate.csv line 3: ratePerMinute "-0.04"',
      );
    });

    it('a bad group', () => {
      write('rates/bad-group.csv', `${HEADER}\n+351,,0.02\n`);
      expectRefused(
        catalogWith('rates/bad-group.csv'),
        'destinationsFile',
        'rates/bad-group.csv line 2: group ""',
      );
      write('rates/long-group.csv', `${HEADER}\n+351,${'x'.repeat(65)},0.02\n`);
      expectRefused(
        catalogWith('rates/long-group.csv'),
        'destinationsFile',
        'rates/long-group.csv line 2: group',
      );
    });

    it('a wrong header, or none', () => {
      write('rates/header.csv', 'prefix,name,rate\n+351,Portugal,0.02\n');
      expectRefused(
        catalogWith('rates/header.csv'),
        'destinationsFile',
        'rates/header.csv line 1: the header must be "prefix,group,ratePerMinute", not "prefix,name,rate"',
      );
      write('rates/no-header.csv', '+351,Portugal,0.02\n');
      expectRefused(
        catalogWith('rates/no-header.csv'),
        'destinationsFile',
        'rates/no-header.csv line 1: the header must be',
      );
      write('rates/empty.csv', '');
      expectRefused(
        catalogWith('rates/empty.csv'),
        'destinationsFile',
        'rates/empty.csv line 1: the header must be',
      );
    });

    it('a line with too many or too few fields', () => {
      write('rates/fields.csv', `${HEADER}\n+351,Portugal,0.02\n+44,UK\n`);
      expectRefused(
        catalogWith('rates/fields.csv'),
        'destinationsFile',
        'rates/fields.csv line 3: expected 3 fields',
      );
    });

    it('a quote left open', () => {
      write('rates/quote.csv', `${HEADER}\n+351,"Portugal,0.02\n`);
      expectRefused(catalogWith('rates/quote.csv'), 'destinationsFile', 'rates/quote.csv line ');
    });

    it('a file that does not exist', () => {
      expectRefused(
        catalogWith('rates/missing.csv'),
        'destinationsFile',
        'cannot read rates/missing.csv: ENOENT',
      );
    });

    it('a free destination on a prepaid plan', () => {
      write('rates/free.csv', `${HEADER}\n+351,Portugal,0.02\n+800,Freephone,0.00\n`);
      const file = write(
        'prepaid.json',
        JSON.stringify({
          intl: {
            type: 'prepaid',
            currency: 'USD',
            ratePerMinute: '0.03',
            destinationsFile: 'rates/free.csv',
          },
        }),
      );
      expectRefused(
        file,
        'destinationsFile',
        'rates/free.csv line 3: ratePerMinute must be above zero on a prepaid plan',
      );
    });

    it('an error in the deck file of a version, naming the version', () => {
      write('rates/ok.csv', `${HEADER}\n+351,Portugal,0.02\n`);
      write('rates/v2.csv', `${HEADER}\n+351,Portugal,0.02\n+351,Portugal,0.02\n`);
      const file = catalogWith('rates/ok.csv', {
        versions: [{ effectiveFrom: '2027-01-01T00:00:00Z', destinationsFile: 'rates/v2.csv' }],
      });
      expectRefused(
        file,
        'versions[0].destinationsFile',
        'rates/v2.csv line 3: duplicate prefix "+351" (first at line 2)',
      );
    });
  });
});
