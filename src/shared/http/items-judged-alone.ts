const ITEMS_JUDGED_ALONE = Symbol('itemsJudgedAlone');
/** The same fact in the OpenAPI document, on the array property: its items may each be refused alone. */
export const ITEMS_JUDGED_ALONE_EXTENSION = 'x-items-judged-alone';

interface Marked {
  [ITEMS_JUDGED_ALONE]?: string[];
}

/**
 * Marks a body DTO whose array field holds items judged one by one by the use case (a call batch):
 * the input pipes leave those items to it, so one bad item rejects that item only. The rest of the
 * body (its envelope) is checked as usual; class validation is skipped, the controller checks the
 * envelope's shape.
 */
export function ItemsJudgedAlone(field: string): ClassDecorator {
  return (target) => {
    (target as Marked)[ITEMS_JUDGED_ALONE] = [field];
  };
}

/** The fields of a body DTO whose items are judged alone; [] for any other type. */
export function itemsJudgedAloneIn(metatype: unknown): string[] {
  return typeof metatype === 'function' ? ((metatype as Marked)[ITEMS_JUDGED_ALONE] ?? []) : [];
}
