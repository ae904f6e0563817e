export interface AnnexLayout {
  /** The calls to list. */
  rows: number;
  /** Pages before the one the annex starts on (the first page is the summary's). */
  pagesBefore: number;
  /** Rows that fit below the summary on the page the summary ends on (0: the annex starts a page). */
  rowsOnSummaryPage: number;
  /** Rows on a page of the annex alone. */
  rowsPerPage: number;
}

export interface AnnexPagePlan {
  /** Pages in the whole document. */
  totalPages: number;
  /** Whether the annex starts below the summary (false: on a page of its own). */
  startsOnSummaryPage: boolean;
}

/**
 * How many pages the invoice takes, known before the annex is written (so every page can say
 * "n / N" as it is written, without holding the document): the summary's pages, then the annex
 * rows below the summary if any fit there, then full pages of rows. No calls: no annex pages.
 */
export function planAnnexPages(layout: AnnexLayout): AnnexPagePlan {
  const { rows, pagesBefore, rowsOnSummaryPage, rowsPerPage } = layout;
  if (rowsPerPage < 1) throw new RangeError('a page must hold at least one row');
  const summaryPages = pagesBefore + 1;
  if (rows === 0) return { totalPages: summaryPages, startsOnSummaryPage: true };
  const startsOnSummaryPage = rowsOnSummaryPage > 0;
  const rest = Math.max(0, rows - (startsOnSummaryPage ? rowsOnSummaryPage : 0));
  return { totalPages: summaryPages + Math.ceil(rest / rowsPerPage), startsOnSummaryPage };
}
