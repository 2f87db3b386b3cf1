import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateScalar } from '../../kernel/scalars.js';
import { formatNip, type NipCheck } from './nip.rules.js';

/** The GraphQL enum `NipKind` (the rules' `NipKind` is the same two values as a string type). */
export enum NipKindValue {
  PNS = 'PNS',
  PPPK = 'PPPK',
}
registerEnumType(NipKindValue, {
  name: 'NipKind',
  description: 'Format of the number: NIP (PNS) or NI PPPK (PPPK and PPPK paruh waktu)',
});

@ObjectType({ description: 'One segment of a NIP and what it says' })
export class NipSegmentInfo {
  @Field({ description: 'birthDate, appointment, pppkCode, sex or sequence' })
  name!: string;

  @Field()
  digits!: string;

  @Field(() => Int, { description: 'First digit position, from 1' })
  from!: number;

  @Field(() => Int, { description: 'Last digit position' })
  to!: number;

  @Field({ description: 'What the digits mean, e.g. "born 26 September 1986"' })
  meaning!: string;
}

@ObjectType({ description: 'Something wrong with a NIP, naming the segment' })
export class NipProblemInfo {
  @Field({ description: 'length, characters, birthDate, appointment, pppkCode, sex or sequence' })
  segment!: string;

  @Field()
  message!: string;
}

@ObjectType('NipCheck', { description: 'Result of checking a NIP / NI PPPK' })
export class NipCheckInfo {
  @Field()
  input!: string;

  @Field(() => String, { nullable: true, description: '18 digits without spaces' })
  normalized!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Grouped for reading: 19860926 201505 1 001',
  })
  formatted!: string | null;

  @Field()
  valid!: boolean;

  @Field(() => NipKindValue, { nullable: true })
  kind!: NipKindValue | null;

  @Field(() => DateScalar, { nullable: true })
  birthDate!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'TMT CPNS as YYYY-MM (PNS) or appointment year YYYY (PPPK)',
  })
  appointment!: string | null;

  @Field(() => String, { nullable: true, description: 'MALE or FEMALE' })
  sex!: string | null;

  @Field(() => Int, { nullable: true })
  sequence!: number | null;

  @Field(() => [NipSegmentInfo])
  segments!: NipSegmentInfo[];

  @Field(() => [NipProblemInfo])
  problems!: NipProblemInfo[];
}

export function toNipCheck({ errors: _errors, ...result }: NipCheck): NipCheckInfo {
  return {
    ...result,
    kind: result.kind as NipKindValue | null,
    formatted: result.normalized ? formatNip(result.normalized, result.kind ?? undefined) : null,
  };
}
