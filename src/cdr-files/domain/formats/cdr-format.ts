import type { MappedRow, SwitchContext } from '../cdr-row';

/** Reads the rows of one file, after its header if the format has one. */
export type RowReader = (fields: string[]) => MappedRow;

/**
 * One CDR file format (a registry entry): how many columns its rows have, and how a row becomes a
 * call record. Adding a format is one class and one registration line.
 */
export interface CdrFormat {
  readonly name: string;
  /** The first row is a header, read by `open`, not a record. */
  readonly hasHeader: boolean;
  /** Whether a row with this many fields can be one of this format's. */
  fits(columns: number): boolean;
  /** The reader for one file; `header` is its first row when the format has one. */
  open(context: SwitchContext, header: string[] | null): RowReader;
}
