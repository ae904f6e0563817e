import fc from 'fast-check';
import { planAnnexPages } from './annex-page-plan';

describe('planAnnexPages', () => {
  it('keeps an invoice without calls on its summary pages', () => {
    expect(planAnnexPages({ rows: 0, pagesBefore: 0, rowsOnSummaryPage: 20, rowsPerPage: 55 })).toEqual({
      totalPages: 1,
      startsOnSummaryPage: true,
    });
  });

  it('lists calls below the summary while they fit, then on full pages', () => {
    const layout = { pagesBefore: 0, rowsOnSummaryPage: 20, rowsPerPage: 55 };
    expect(planAnnexPages({ ...layout, rows: 20 }).totalPages).toBe(1);
    expect(planAnnexPages({ ...layout, rows: 21 }).totalPages).toBe(2);
    expect(planAnnexPages({ ...layout, rows: 75 }).totalPages).toBe(2);
    expect(planAnnexPages({ ...layout, rows: 76 }).totalPages).toBe(3);
    expect(planAnnexPages({ ...layout, rows: 10_000 }).totalPages).toBe(1 + Math.ceil(9_980 / 55));
  });

  it('starts the annex on a page of its own when nothing fits below the summary', () => {
    expect(planAnnexPages({ rows: 55, pagesBefore: 1, rowsOnSummaryPage: 0, rowsPerPage: 55 })).toEqual({
      totalPages: 3,
      startsOnSummaryPage: false,
    });
  });

  it('gives every row a place and no page without one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20_000 }),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 80 }),
        (rows, pagesBefore, rowsOnSummaryPage, rowsPerPage) => {
          const plan = planAnnexPages({ rows, pagesBefore, rowsOnSummaryPage, rowsPerPage });
          const annexPages = plan.totalPages - pagesBefore - 1;
          const belowSummary = plan.startsOnSummaryPage ? rowsOnSummaryPage : 0;
          expect(belowSummary + annexPages * rowsPerPage).toBeGreaterThanOrEqual(rows);
          if (annexPages > 0) expect(belowSummary + (annexPages - 1) * rowsPerPage).toBeLessThan(rows);
        },
      ),
    );
  });
});
