/** `twir-lint --explain RULE`: a rule's documentation (the same as docs/rules/<id>.md), in Markdown. */
import { closestRule } from '../service/config';
import { ruleDoc } from '../service/rules/docs';
import { RULES, ruleById } from '../service/rules/index';

export function explainCommand(id: string, print: (text: string) => void): number {
  const rule = ruleById(id);
  if (rule) {
    print(ruleDoc(rule));
    return 0;
  }
  const suggestion = closestRule(id);
  const ids = RULES.map((known) => known.id).sort();
  process.stderr.write(`twir-lint: --explain: unknown rule "${id}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}. The rules: ${ids.join(', ')}\n`);
  return 2;
}
