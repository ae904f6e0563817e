import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';

/**
 * The one-owner-per-table rule, checked on source text: every table belongs to the module whose
 * `infrastructure/*.entity.ts` defines it, and no other module's code may name it, neither its
 * entity (an import, or the entity's name) nor the table in SQL. The one exception: an entity may
 * name another module's entity to declare a foreign key to its table.
 *
 * "SQL" is: the text of `sql` tagged templates, the string arguments of `sql.raw/ref/table/id/lit`
 * and of Kysely's table-taking methods (`selectFrom('invoices')`, `innerJoin('calls as c', ...)`),
 * and any other string that reads like a statement (`SELECT ... FROM`, `INSERT INTO`, `UPDATE ...
 * SET`, `DELETE FROM`). Comments and prose (API descriptions) are not SQL.
 */

/** A source file: its path relative to the project (`src/calls/...`), and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export interface Owners {
  /** Table name → owning module. */
  tables: Map<string, string>;
  /** Entity export name → owning module. */
  entities: Map<string, string>;
  /** Entity file path (without `.ts`) → owning module. */
  entityFiles: Map<string, string>;
}

export interface Violation {
  path: string;
  line: number;
  message: string;
}

const ENTITY_FILE = /^src\/([^/]+)\/infrastructure\/[^/]+\.entity\.ts$/;
const KYSELY_TABLE_METHODS = new Set([
  'selectFrom',
  'insertInto',
  'updateTable',
  'deleteFrom',
  'mergeInto',
  'replaceInto',
  'innerJoin',
  'leftJoin',
  'rightJoin',
  'fullJoin',
  'crossJoin',
  'using',
  'into',
  'table',
]);
const SQL_HELPERS = new Set(['raw', 'ref', 'table', 'id', 'lit', 'join']);
const STATEMENT =
  /\b(select\b[\s\S]*\bfrom|insert\s+into|update\s+[\w".]+(\s+(as\s+)?\w+)?\s+set|delete\s+from)\b/i;

/** The module a file belongs to: the folder under src/ (`shared`, `config`, or `(root)` own no table). */
export function moduleOf(path: string): string {
  const parts = path.split('/');
  return parts.length > 2 ? parts[1] : '(root)';
}

/** Owners from the entity files: `tableName: '...'` and the entity's exported name. */
export function ownersOf(files: SourceFile[]): Owners {
  const owners: Owners = { tables: new Map(), entities: new Map(), entityFiles: new Map() };
  for (const file of files) {
    const match = ENTITY_FILE.exec(file.path);
    if (!match) continue;
    const module = match[1];
    owners.entityFiles.set(file.path.replace(/\.ts$/, ''), module);
    const source = parse(file);
    source.forEachChild(function visit(node): void {
      if (
        ts.isPropertyAssignment(node) &&
        node.name.getText(source) === 'tableName' &&
        ts.isStringLiteralLike(node.initializer)
      ) {
        owners.tables.set(node.initializer.text, module);
      }
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && /Entity$/.test(node.name.text)) {
        owners.entities.set(node.name.text, module);
      }
      node.forEachChild(visit);
    });
  }
  return owners;
}

/** Every naming of another module's entity or table in the given files. */
export function violationsOf(files: SourceFile[], owners: Owners): Violation[] {
  const violations: Violation[] = [];
  for (const file of files) {
    if (file.path.startsWith('src/migrations/')) continue; // the schema's history names every table
    const module = moduleOf(file.path);
    const isEntity = ENTITY_FILE.test(file.path);
    const source = parse(file);
    const report = (node: ts.Node, message: string) =>
      violations.push({
        path: file.path,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        message,
      });
    const checkSql = (node: ts.Node, text: string) => {
      for (const [table, owner] of owners.tables) {
        if (owner !== module && new RegExp(`(^|[^\\w])${table}($|[^\\w])`, 'i').test(text)) {
          report(node, `names table ${table} (owned by ${owner}) in SQL`);
        }
      }
    };
    const scanned = new Set<ts.Node>();

    source.forEachChild(function visit(node): void {
      if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && !isEntity) {
        const target = join(file.path, '..', node.moduleSpecifier.text).split(sep).join('/');
        const owner = owners.entityFiles.get(target);
        if (owner !== undefined && owner !== module) report(node, `imports ${owner}'s entity ${target}`);
      }
      if (ts.isIdentifier(node) && !isEntity) {
        const owner = owners.entities.get(node.text);
        if (owner !== undefined && owner !== module) report(node, `names ${owner}'s entity ${node.text}`);
      }
      if (ts.isTaggedTemplateExpression(node) && isSqlTag(node.tag)) {
        checkSql(node, templateText(node.template));
        scanned.add(node.template);
      }
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
        const method = node.expression.name.text;
        const onSql =
          ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'sql';
        if ((onSql && SQL_HELPERS.has(method)) || KYSELY_TABLE_METHODS.has(method)) {
          for (const literal of stringArguments(node)) {
            checkSql(literal, literal.text);
            scanned.add(literal);
          }
        }
      }
      if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !scanned.has(node)) {
        if (STATEMENT.test(node.text)) checkSql(node, node.text);
      }
      if (ts.isTemplateExpression(node) && !scanned.has(node)) {
        const text = templateText(node);
        if (STATEMENT.test(text)) checkSql(node, text);
      }
      node.forEachChild(visit);
    });
  }
  return violations;
}

/** Every `.ts` file under `src/`, as the checks read them. */
export function projectSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts'))
        files.push({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(root, 'src'));
  return files;
}

function parse(file: SourceFile): ts.SourceFile {
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
}

/** `sql`, `sql<Row>` (a tag with type arguments is still the identifier) or `sql.raw`-like tags. */
function isSqlTag(tag: ts.Expression): boolean {
  if (ts.isIdentifier(tag)) return tag.text === 'sql';
  return (
    ts.isPropertyAccessExpression(tag) && ts.isIdentifier(tag.expression) && tag.expression.text === 'sql'
  );
}

function templateText(template: ts.TemplateLiteral): string {
  if (ts.isNoSubstitutionTemplateLiteral(template)) return template.text;
  return [template.head.text, ...template.templateSpans.map((span) => span.literal.text)].join(' ');
}

/** String literal arguments, and the string literals of array arguments. */
function stringArguments(call: ts.CallExpression): ts.StringLiteralLike[] {
  return call.arguments.flatMap((argument) => {
    if (ts.isStringLiteralLike(argument)) return [argument];
    if (ts.isArrayLiteralExpression(argument)) return argument.elements.filter(ts.isStringLiteralLike);
    return [];
  });
}
