import { describe, expect, it } from 'vitest';
import { repairExpression } from '../../main/xlsform/expressions';

describe('repairing expressions written in a spreadsheet', () => {
  it.each([
    ["${a} == 'yes'", "${a} = 'yes'"],
    ['${a} > 1 && ${b} < 2', '${a} > 1 and ${b} < 2'],
    ['${a} = 1 || ${a} = 2', '${a} = 1 or ${a} = 2'],
    ['${a} <> 3', '${a} != 3'],
    ['selected（${a}，‘x’）', "selected(${a},'x')"],
    ['TRUE()', 'true()'],
  ])('turns %s into %s', (written, repaired) => {
    expect(repairExpression(written)).toBe(repaired);
  });

  it('leaves text inside quotes alone', () => {
    expect(repairExpression('${a} = \'x  ==  y\' && ${b} = "&&"')).toBe(
      '${a} = \'x  ==  y\' and ${b} = "&&"',
    );
  });
});
