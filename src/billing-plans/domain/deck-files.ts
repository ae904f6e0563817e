import { DestinationDeck, type DeckRow } from './destination-deck';

/**
 * Reads a `destinationsFile` named in the catalog (a path as configured): its rows, each saying
 * its line (`line 2` is the first after the header). An adapter (the catalog loader) supplies it.
 * @throws InvalidDeckRowError for a line it cannot read (the header is line 1); any other error
 *   when the file cannot be read at all.
 */
export type DeckFileReader = (path: string) => readonly DeckRow[];

/**
 * The decks of the catalog's files, each read and checked once per currency: plans and versions
 * naming the same file share one deck.
 */
export class DeckFiles {
  private readonly decks = new Map<string, DestinationDeck>();

  constructor(private readonly read: DeckFileReader | undefined) {}

  /** False when no reader was given (a catalog built without files, as in unit tests). */
  get available(): boolean {
    return this.read !== undefined;
  }

  deck(path: string, currency: string): DestinationDeck {
    const key = `${currency}\u0000${path}`;
    let deck = this.decks.get(key);
    if (!deck) {
      if (!this.read) throw new Error('destination files are not read here');
      deck = DestinationDeck.fromRows(this.read(path), currency);
      this.decks.set(key, deck);
    }
    return deck;
  }
}
