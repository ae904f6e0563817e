import { addToMigrationList } from './migration-list';

const INDEX = `import { Migration20261124000100_first } from './Migration20261124000100_first';
import { Migration20261124000200_second } from './Migration20261124000200_second';

/** Every migration, in order. */
export const migrations = [
  { name: 'Migration20261124000100_first', class: Migration20261124000100_first },
  {
    name: 'Migration20261124000200_second',
    class: Migration20261124000200_second,
  },
];
`;

describe('addToMigrationList', () => {
  it('imports the new migration after the others and runs it last', () => {
    expect(addToMigrationList(INDEX, 'Migration20261201120000_zones')).toBe(
      `import { Migration20261124000100_first } from './Migration20261124000100_first';
import { Migration20261124000200_second } from './Migration20261124000200_second';
import { Migration20261201120000_zones } from './Migration20261201120000_zones';

/** Every migration, in order. */
export const migrations = [
  { name: 'Migration20261124000100_first', class: Migration20261124000100_first },
  {
    name: 'Migration20261124000200_second',
    class: Migration20261124000200_second,
  },
  { name: 'Migration20261201120000_zones', class: Migration20261201120000_zones },
];
`,
    );
  });

  it('refuses a migration that is already listed', () => {
    expect(() => addToMigrationList(INDEX, 'Migration20261124000200_second')).toThrow('already listed');
  });

  it('refuses a file without a migrations list', () => {
    expect(() => addToMigrationList('export const migrations = [];\n', 'Migration1_x')).toThrow(
      'no import lines or no `migrations` list',
    );
  });
});
