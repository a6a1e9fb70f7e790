// Line numbers: Partner Center wants the lines numbered 0..n-1, each number once (error 800071).
// Participants: at most five additional indirect resellers on a line.
import { codes } from '../codes';
import { anchorRange, diagnostic } from '../diagnosticFactory';
import { type FixSpec } from '../fixes';
import { nodeRange } from '../parsedRequest';
import { writtenPath } from '../sourceTree';
import { childAt, hasChild, isObject, lineViews, nodeAt, type Rule } from './ruleContext';

export const lineNumberingRule: Rule = (ctx) => {
  const shape = ctx.kind.lineItems;
  if (!shape) return;
  const lines = lineViews(ctx);
  // Made for the first line to report (the array's node is read only then): most orders have none.
  let renumberFix: FixSpec | undefined;
  const renumber = (): FixSpec => {
    if (!renumberFix) {
      // There are lines, so there is their array.
      const arrayNode = nodeAt(ctx, [shape.property])!;
      renumberFix = {
        title: `Renumber the lines 0..${lines.length - 1}`,
        preferred: true,
        safe: true,
        renumber: { arrayPath: writtenPath(arrayNode.owner, arrayNode.slot), numberProperty: shape.numberProperty },
      };
    }
    return renumberFix;
  };
  // Numbers 0..n-1 (nearly all of them) are marked in a byte array; a Set takes only the others.
  const inRange = new Uint8Array(lines.length);
  const others = new Set<number>();
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const written = line.value[shape.numberProperty];
    // A cart line id may be written as a string of digits (the tables type it "string").
    const number = typeof written === 'string' && /^\d+$/.test(written) ? Number(written) : written;
    // Missing or non-integer numbers are the schema's to report.
    if (typeof number !== 'number' || !Number.isInteger(number)) continue;
    // The node (for the range) only for a line to report; most lines are numbered right. In a
    // well-formed document a value in `line.value` is a written member: the tree is not asked.
    if (!ctx.wellFormed && !hasChild(line, shape.numberProperty)) continue;
    const isInRange = number >= 0 && number < lines.length;
    if (isInRange ? inRange[number] === 1 : others.has(number)) {
      ctx.report(
        diagnostic(
          nodeRange(ctx.parsed, childAt(line.node, shape.numberProperty)!),
          codes.duplicateLineNumber,
          `Line number ${number} is used twice; each line needs its own number from 0 to ${lines.length - 1}.`,
          [renumber()],
        ),
      );
    } else if (number >= lines.length) {
      ctx.report(
        diagnostic(
          nodeRange(ctx.parsed, childAt(line.node, shape.numberProperty)!),
          codes.lineNumbering,
          `"${shape.numberProperty}" ${number} is out of range: with ${lines.length} line${lines.length === 1 ? '' : 's'} the numbers are 0 to ${lines.length - 1}.`,
          [renumber()],
        ),
      );
    }
    if (isInRange) inRange[number] = 1;
    else others.add(number);
  }
};

/** create-a-cart.md, additional_transaction_reseller: "Only a maximum of 5 Indirect Resellers can be entered." */
export const MAX_ADDITIONAL_RESELLERS = 5;

/**
 * A cart line names additional indirect resellers as participants; at most five of them. The
 * transaction reseller is not counted: the order this becomes has it apart, as partnerIdOnRecord,
 * next to at most five additionalPartnerIdsOnRecord (create-an-order.md).
 */
export const additionalResellersRule: Rule = (ctx) => {
  if (ctx.kind.id !== 'cart') return;
  const lines = lineViews(ctx);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    const participants = line.value.participants;
    if (!Array.isArray(participants)) continue;
    const additional = participants.filter((p) => isObject(p) && p.key === 'additional_transaction_reseller').length;
    if (additional <= MAX_ADDITIONAL_RESELLERS) continue;
    const node = childAt(line.node, 'participants');
    if (!node) continue;
    ctx.report(
      diagnostic(
        anchorRange(ctx.parsed, node),
        codes.tooManyAdditionalResellers,
        `A line can name at most ${MAX_ADDITIONAL_RESELLERS} additional indirect resellers ("additional_transaction_reseller"); this one names ${additional}.`,
      ),
    );
  }
};
