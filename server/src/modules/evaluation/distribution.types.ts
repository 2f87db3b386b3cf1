import { Field, Int, ObjectType } from 'type-graphql';
import { OrgUnit } from '../directory/index.js';
import type { DistributionData } from './distribution.service.js';
import { AppraisalCheckpoint, Predikat } from './evaluation.enums.js';
import { DistributionPattern, OrgRating } from './evaluation.entity.js';
import { PREDIKAT_NAMES } from './evaluation.rules.js';

// The GraphQL shape of a unit's predikat distribution: the evaluation resolver's, and the unit
// dashboard's live summary's.

@ObjectType({ description: 'Count and share of one predikat' })
export class PredikatCount {
  @Field(() => Predikat)
  predikat!: Predikat;

  @Field()
  name!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => Number)
  share!: number;
}

@ObjectType({ description: 'One rule of the pattern and whether it holds' })
export class DistributionRuleResult {
  @Field()
  description!: string;

  @Field(() => [Predikat])
  predikat!: Predikat[];

  @Field(() => Number, { nullable: true })
  max!: number | null;

  @Field(() => Number, { nullable: true })
  min!: number | null;

  @Field(() => Int, { description: 'Appraisals with one of these predikat' })
  count!: number;

  @Field(() => Int, { nullable: true, description: 'Most allowed (max counts round down)' })
  allowedMax!: number | null;

  @Field(() => Int, { nullable: true, description: 'Fewest required (min counts round up)' })
  requiredMin!: number | null;

  @Field()
  holds!: boolean;

  @Field(() => String, { nullable: true })
  problem!: string | null;
}

@ObjectType({ description: 'The predikat distribution (kurva) of a unit against its pattern' })
export class Distribution {
  @Field(() => OrgUnit)
  orgUnit!: OrgUnit;

  @Field(() => OrgUnit, { description: 'The OPD whose organisation rating selects the pattern' })
  opd!: OrgUnit;

  @Field(() => AppraisalCheckpoint)
  checkpoint!: AppraisalCheckpoint;

  @Field(() => OrgRating, { nullable: true })
  orgRating!: OrgRating | null;

  @Field(() => DistributionPattern, { nullable: true })
  pattern!: DistributionPattern | null;

  @Field(() => Int, { description: 'Submitted and final appraisals counted' })
  total!: number;

  @Field(() => [PredikatCount])
  counts!: PredikatCount[];

  @Field(() => [DistributionRuleResult])
  rules!: DistributionRuleResult[];

  @Field({ description: 'Every rule holds (true when there is no pattern yet)' })
  holds!: boolean;

  @Field(() => Int, { description: 'Appraisals still in draft (not counted)' })
  drafts!: number;

  @Field(() => Int)
  submitted!: number;

  @Field(() => Int)
  final!: number;
}

export function toDistribution(d: DistributionData): Distribution {
  return {
    orgUnit: d.unit,
    opd: d.opd,
    checkpoint: d.checkpoint,
    orgRating: d.orgRating,
    pattern: d.pattern,
    total: d.check.total,
    counts: (Object.keys(PREDIKAT_NAMES) as Predikat[]).map((p) => ({
      predikat: p,
      name: PREDIKAT_NAMES[p],
      count: d.check.counts[p] ?? 0,
      share: d.check.shares[p] ?? 0,
    })),
    rules: d.check.checks.map((c) => ({
      description: c.description,
      predikat: c.rule.predikat as Predikat[],
      max: c.rule.max ?? null,
      min: c.rule.min ?? null,
      count: c.count,
      allowedMax: c.allowedMax,
      requiredMin: c.requiredMin,
      holds: c.holds,
      problem: c.problem,
    })),
    holds: d.check.holds,
    drafts: d.drafts,
    submitted: d.submitted,
    final: d.final,
  };
}
