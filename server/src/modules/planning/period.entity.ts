import { Entity, PrimaryKey, Property, type Opt } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { uuidv7 } from 'uuidv7';
import { DateScalar, DateTimeScalar } from '../../kernel/scalars.js';

@ObjectType({ description: 'A checkpoint of a period: Triwulan I–IV' })
export class Checkpoint {
  @Field({ description: 'Q1, Q2, Q3 or Q4' })
  key!: string;

  @Field({ description: 'e.g. Triwulan I' })
  name!: string;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar)
  endsOn!: string;
}

@ObjectType({ description: 'A window of dates, both included' })
export class DateWindow {
  @Field(() => DateScalar)
  opensOn!: string;

  @Field(() => DateScalar)
  closesOn!: string;
}

/** Periode penilaian: a year with quarterly checkpoints and its planning and evaluation windows. */
@ObjectType({ description: 'Periode penilaian kinerja' })
@Entity({ tableName: 'period' })
export class Period {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field(() => Int)
  @Property({ type: 'integer', unique: true })
  year!: number;

  @Field()
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar)
  @Property({ type: 'date' })
  endsOn!: string;

  @Property({ type: 'date' })
  planningOpensOn!: string;

  @Property({ type: 'date' })
  planningClosesOn!: string;

  @Property({ type: 'date' })
  evaluationOpensOn!: string;

  @Property({ type: 'date' })
  evaluationClosesOn!: string;

  @Field(() => DateTimeScalar)
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
