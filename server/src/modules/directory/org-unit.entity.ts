import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  Property,
  type Rel,
  type Opt,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { uuidv7 } from 'uuidv7';
import { OrgUnitKind } from './directory.enums.js';

@ObjectType({
  description:
    'Organisation unit: Perangkat Daerah (OPD), bidang, seksi, UPT, kecamatan, kelurahan',
})
@Entity({ tableName: 'org_unit' })
@Index({
  name: 'org_unit_path_index',
  expression: 'create index "org_unit_path_index" on "org_unit" ("path" text_pattern_ops)',
})
export class OrgUnit {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field({ description: 'Unit code, unique in the city' })
  @Property({ type: 'string', length: 40, unique: true })
  code!: string;

  @Field()
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'string', length: 80, nullable: true })
  shortName: string | null = null;

  @Field(() => OrgUnitKind)
  @Enum({ items: () => OrgUnitKind })
  kind!: OrgUnitKind;

  @ManyToOne(() => OrgUnit, { nullable: true })
  @Index()
  parent: Rel<OrgUnit> | null = null;

  /** The top-level unit (OPD) this unit belongs to; itself for an OPD. */
  @ManyToOne(() => OrgUnit, { nullable: true })
  @Index()
  opd: Rel<OrgUnit> | null = null;

  /** Ancestor ids and its own, '/'-separated, so "this unit and all below it" is a prefix match. */
  @Property({ type: 'text' })
  path!: string;

  @Field(() => Boolean, { description: 'One of the 64 Perangkat Daerah of the reference list' })
  @Property({ type: 'boolean', default: false })
  reference: Opt<boolean> = false;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
