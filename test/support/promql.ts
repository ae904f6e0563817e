/** Words of PromQL that are neither metrics nor functions. */
const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'inf',
  'nan',
]);

/**
 * The metric names a PromQL expression selects: what is left once strings, label matchers, range
 * and subquery brackets and grouping label lists are taken out, minus function calls and keywords.
 */
export function metricNamesIn(expression: string): string[] {
  const selectors = expression
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = [...selectors.matchAll(/(?<![\w:$])([a-zA-Z_:][\w:]*)\b(?!\s*\()/g)].map((match) => match[1]);
  return [...new Set(names.filter((name) => !KEYWORDS.has(name.toLowerCase())))];
}

/** Every `expr` anywhere in a Grafana dashboard (panels, rows' panels, targets). */
export function expressionsIn(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(expressionsIn);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === 'expr' && typeof value === 'string' ? [value] : expressionsIn(value),
  );
}
