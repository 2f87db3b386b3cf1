import { formatPercent } from '$lib/format';
import type { Predikat } from '$lib/gql/graphql';
import { t } from '$lib/i18n.svelte';

/** A rule of a distribution pattern as the API checks it against a unit's appraisals. */
export interface CheckedRule {
  predikat: readonly Predikat[];
  max: number | null;
  min: number | null;
  count: number;
  allowedMax: number | null;
  requiredMin: number | null;
  holds: boolean;
  /** The server's own wording (English), used when the facts above do not explain it. */
  problem: string | null;
}

function names(rule: Pick<CheckedRule, 'predikat'>): string {
  const list = rule.predikat.map((p) => t(`predikat.${p}`));
  if (list.length <= 1) return list[0] ?? '';
  return `${list.slice(0, -1).join(', ')} ${t('distribution.or')} ${list.at(-1)}`;
}

/**
 * The rule in the UI's language, e.g. "Baik paling banyak 70% (paling banyak 7 dari 10)". The
 * server words its rules in English; the same facts are worded here.
 */
export function describeRule(rule: CheckedRule, total: number): string {
  if (rule.max !== null) {
    return t('distribution.ruleMax', {
      names: names(rule),
      percent: formatPercent(rule.max),
      count: rule.allowedMax ?? 0,
      total,
    });
  }
  if (rule.min !== null) {
    return t('distribution.ruleMin', {
      names: names(rule),
      percent: formatPercent(rule.min),
      count: rule.requiredMin ?? 0,
      total,
    });
  }
  return t('distribution.ruleMinCount', { names: names(rule), count: rule.requiredMin ?? 0 });
}

/** What is wrong with a violated rule and what would fix it; null when it holds. */
export function ruleProblem(rule: CheckedRule): string | null {
  if (rule.holds) return null;
  if (rule.allowedMax !== null && rule.count > rule.allowedMax) {
    return t('distribution.tooMany', {
      names: names(rule),
      count: rule.count,
      allowed: rule.allowedMax,
      move: rule.count - rule.allowedMax,
    });
  }
  if (rule.requiredMin !== null && rule.count < rule.requiredMin) {
    return t('distribution.tooFew', {
      names: names(rule),
      count: rule.count,
      required: rule.requiredMin,
      move: rule.requiredMin - rule.count,
    });
  }
  return rule.problem;
}
