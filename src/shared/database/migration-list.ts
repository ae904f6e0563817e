/**
 * Adds a migration class to the source of `src/migrations/index.ts`: its import after the last
 * import, and its entry last in the `migrations` list (the order they run in). Throws when the file
 * does not have that shape, or already lists the class.
 */
export function addToMigrationList(indexSource: string, className: string): string {
  if (indexSource.includes(`'./${className}'`)) throw new Error(`${className} is already listed`);
  const lastImport = [...indexSource.matchAll(/^import .*;$/gm)].at(-1);
  const listEnd = indexSource.lastIndexOf('\n];');
  if (!lastImport || listEnd < 0) {
    throw new Error('src/migrations/index.ts has no import lines or no `migrations` list ending in "];"');
  }
  const importEnd = lastImport.index + lastImport[0].length;
  return (
    indexSource.slice(0, importEnd) +
    `\nimport { ${className} } from './${className}';` +
    indexSource.slice(importEnd, listEnd) +
    `\n  { name: '${className}', class: ${className} },` +
    indexSource.slice(listEnd)
  );
}
