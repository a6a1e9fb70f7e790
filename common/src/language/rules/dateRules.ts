// customTermEndDate (reference §6.1): it shortens the first term, so it must lie after today and
// no later than the end of that term ("The custom term end date must be within the first term
// duration", align-subscription-end-dates.md). Both are warnings: create-a-cart.md's own Request
// sample ends a P1M line six months after the day it was made, and is answered 201.
import { codes } from '../codes';
import { diagnostic } from '../diagnosticFactory';
import { nodeRange } from '../parsedRequest';
import { termMonths } from './termPairs';
import { childAt, lineViews, type Rule } from './ruleContext';

export function addMonthsUtc(date: Date, months: number): Date {
  const result = new Date(date.getTime());
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

export const customTermEndDateRule: Rule = (ctx) => {
  const lines = lineViews(ctx);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const written = line.value.customTermEndDate;
    if (typeof written !== 'string') continue;
    const end = new Date(/[zZ]|[+-]\d\d:\d\d$/.test(written) || !written.includes('T') ? written : `${written}Z`);
    const node = childAt(line.node, 'customTermEndDate');
    if (Number.isNaN(end.getTime()) || !node) continue;
    if (end.getTime() <= ctx.now.getTime()) {
      ctx.report(
        diagnostic(
          nodeRange(ctx.parsed, node),
          codes.customTermEndDatePast,
          `${written} is already past; a custom term end date has to fall inside the new subscription's first term.`,
        ),
      );
      continue;
    }
    const months = typeof line.value.termDuration === 'string' ? termMonths(line.value.termDuration) : undefined;
    if (months === undefined) continue;
    const termEnd = addMonthsUtc(ctx.now, months);
    if (end.getTime() > termEnd.getTime()) {
      ctx.report(
        diagnostic(
          nodeRange(ctx.parsed, node),
          codes.customTermEndDateOutside,
          `${written} is after the end of the first ${line.value.termDuration} term (${termEnd.toISOString().slice(0, 10)} if bought today); a custom end date has to fall within the first term.`,
        ),
      );
    }
  }
};
