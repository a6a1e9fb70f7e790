// Line numbers: Partner Center wants the lines numbered 0..n-1, each number once (error 800071).
import { codes } from '../codes';
import { diagnostic } from '../diagnosticFactory';
import { type FixSpec } from '../fixes';
import { nodeRange } from '../parsedRequest';
import { writtenPath } from '../sourceTree';
import { childAt, hasChild, lineViews, nodeAt, type Rule } from './ruleContext';

export const lineNumberingRule: Rule = (ctx) => {
  const shape = ctx.kind.lineItems;
  if (!shape) return;
  const lines = lineViews(ctx);
  const arrayNode = nodeAt(ctx, [shape.property]);
  if (!arrayNode) return;
  const renumber: FixSpec = {
    title: `Renumber the lines 0..${lines.length - 1}`,
    preferred: true,
    renumber: { arrayPath: writtenPath(arrayNode.owner, arrayNode.slot), numberProperty: shape.numberProperty },
  };
  // Numbers 0..n-1 (nearly all of them) are marked in a byte array; a Set takes only the others.
  const inRange = new Uint8Array(lines.length);
  const others = new Set<number>();
  for (const line of lines) {
    const number = line.value[shape.numberProperty];
    // Missing or non-integer numbers are the schema's to report.
    if (typeof number !== 'number' || !Number.isInteger(number)) continue;
    // The node (for the range) only for a line to report; most lines are numbered right.
    if (!hasChild(line, shape.numberProperty)) continue;
    const isInRange = number >= 0 && number < lines.length;
    if (isInRange ? inRange[number] === 1 : others.has(number)) {
      ctx.report(diagnostic(nodeRange(ctx.parsed, childAt(line.node, shape.numberProperty)!), codes.duplicateLineNumber,
        `Line number ${number} is used twice; each line needs its own number from 0 to ${lines.length - 1}.`, [renumber]));
    } else if (number >= lines.length) {
      ctx.report(diagnostic(nodeRange(ctx.parsed, childAt(line.node, shape.numberProperty)!), codes.lineNumbering,
        `"${shape.numberProperty}" ${number} is out of range: with ${lines.length} line${lines.length === 1 ? '' : 's'} the numbers are 0 to ${lines.length - 1}.`, [renumber]));
    }
    if (isInRange) inRange[number] = 1;
    else others.add(number);
  }
};
