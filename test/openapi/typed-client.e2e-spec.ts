import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { OPERATOR_KEY, startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '../..');
const CLIENT = join(__dirname, 'client');
const SCRIPT = join(CLIENT, 'walk-through.ts');
const GENERATED = join(CLIENT, 'generated/phone-billing-api.ts');

type WalkThrough = (baseUrl: string, operatorKey: string) => Promise<Record<string, unknown>>;

/** Type assertions, non-null assertions and `any`: what "without casts" rules out. */
function castsIn(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2023, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isAsExpression(node) ||
      ts.isTypeAssertionExpression(node) ||
      ts.isNonNullExpression(node) ||
      ts.isSatisfiesExpression(node) ||
      node.kind === ts.SyntaxKind.AnyKeyword
    ) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      found.push(`line ${line + 1}: ${node.getText()}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** tsc --strict on the script and the generated types, as an integrator's project would compile them. */
function typeErrorsIn(file: string): string[] {
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts'],
    types: [],
    skipLibCheck: true,
  });
  return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('A typed client generated from the OpenAPI document', () => {
  let service: TestApp;
  let baseUrl: string;

  beforeAll(async () => {
    service = await startTestApp({ now: '2026-10-15T12:00:00Z' });
    await service.app.listen({ port: 0, host: '127.0.0.1' });
    baseUrl = `http://127.0.0.1:${(service.app.getHttpServer().address() as AddressInfo).port}`;
    // The README's command, against the running service (asynchronously: this process serves it).
    await promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'),
        `${baseUrl}/docs-json`,
        '--output',
        GENERATED,
      ],
      { cwd: ROOT, timeout: 60_000 },
    );
  });
  afterAll(() => service.close());

  it('has no cast in the walk-through script', () => {
    expect(castsIn(SCRIPT)).toEqual([]);
  });

  it('type-checks the script under --strict', () => {
    expect(typeErrorsIn(SCRIPT)).toEqual([]);
  });

  it('registers a customer, records a call, reads the history and the invoice against the service', async () => {
    // By path, so that `npm run typecheck` (before any types are generated) does not follow it.
    const { walkThrough }: { walkThrough: WalkThrough } = await import(SCRIPT);
    const result = await walkThrough(baseUrl, OPERATOR_KEY);
    expect(result).toEqual({
      customerId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      charge: '0.06',
      historyCallIds: ['typed-client-1'],
      invoiceNumber: expect.stringMatching(/^INV-2026-\d{6}$/),
      invoiceTotal: '0.06',
      callDestination: null,
    });
  });
});
