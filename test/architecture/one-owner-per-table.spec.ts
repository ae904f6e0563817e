import { join } from 'node:path';
import { moduleOf, ownersOf, projectSources, type SourceFile, violationsOf } from './table-ownership';

const ROOT = join(__dirname, '..', '..');

describe('One owner per table', () => {
  const sources = projectSources(ROOT);
  const owners = ownersOf(sources);

  it('knows the owner of every table from the entities', () => {
    expect(Object.fromEntries([...owners.tables].sort())).toEqual({
      audit_events: 'audit',
      calls: 'calls',
      cdr_file_errors: 'cdr-files',
      cdr_files: 'cdr-files',
      customer_api_keys: 'auth',
      customers: 'customers',
      invoice_deliveries: 'invoice-delivery',
      invoice_number_counter: 'invoicing',
      invoices: 'invoicing',
      not_billable_records: 'cdr-files',
      phone_numbers: 'customers',
      portal_links: 'portal',
      portal_sessions: 'portal',
      prepaid_balances: 'prepaid',
      prepaid_ledger_entries: 'prepaid',
      suspended_calls: 'suspense',
    });
  });

  it("finds no module naming another module's entity or table", () => {
    expect(violationsOf(sources, owners)).toEqual([]);
  });

  describe('the check itself', () => {
    /** The real owners, and made-up files of the modules named by their paths. */
    const check = (...files: SourceFile[]) =>
      violationsOf(files, owners).map(({ path, message }) => `${moduleOf(path)}: ${message}`);
    const file = (path: string, text: string): SourceFile => ({ path, text });

    it("reports another module's table in a sql template, in any case", () => {
      expect(
        check(
          file(
            'src/calls/infrastructure/late.ts',
            'const q = sql`UPDATE calls SET late = true FROM Invoices i WHERE i.id = ${id}`;',
          ),
        ),
      ).toEqual(['calls: names table invoices (owned by invoicing) in SQL']);
    });

    it("reports another module's table in the typed query builder", () => {
      expect(
        check(
          file(
            'src/invoicing/infrastructure/usage.ts',
            "db.kysely.selectFrom('invoices as i').innerJoin('calls as c', (j) => j.onRef('c.id', '=', 'i.id'));",
          ),
          file(
            'src/prepaid/infrastructure/x.ts',
            "db.kysely.insertInto('prepaid_ledger_entries'); sql.table('calls');",
          ),
        ),
      ).toEqual([
        'invoicing: names table calls (owned by calls) in SQL',
        'prepaid: names table calls (owned by calls) in SQL',
      ]);
    });

    it('reports a statement in a plain string, and a table in shared code (which owns none)', () => {
      expect(
        check(
          file(
            'src/shared/database/probe.ts',
            "client.query('SELECT count(*) FROM customers WHERE id = $1');",
          ),
        ),
      ).toEqual(['shared: names table customers (owned by customers) in SQL']);
    });

    it("reports another module's entity, imported or named", () => {
      expect(
        check(
          file(
            'src/calls/infrastructure/calls.tables.ts',
            "import type { InvoiceEntity } from '../../invoicing/infrastructure/invoice.entity';\n" +
              'type T = KyselyTables<typeof InvoiceEntity>;',
          ),
        ),
      ).toEqual([
        "calls: imports invoicing's entity src/invoicing/infrastructure/invoice.entity",
        "calls: names invoicing's entity InvoiceEntity",
        "calls: names invoicing's entity InvoiceEntity",
      ]);
    });

    it("allows a module's own tables, an entity's foreign key to another's, and prose", () => {
      expect(
        check(
          file('src/calls/infrastructure/own.ts', "sql`SELECT * FROM calls`; db.kysely.selectFrom('calls');"),
          file(
            'src/prepaid/infrastructure/prepaid-balance.entity.ts',
            "import { CustomerEntity } from '../../customers/infrastructure/customer.entity';\n" +
              'const PrepaidBalanceEntity = defineEntity({ properties: { customer: () => p.manyToOne(CustomerEntity) } });',
          ),
          file(
            'src/invoicing/http/dto/invoice.response.ts',
            "@ApiProperty({ description: 'Calls of the period; late calls from customers appear on the next invoices' })",
          ),
        ),
      ).toEqual([]);
    });
  });
});
