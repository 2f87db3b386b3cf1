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
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { uuidv7 } from 'uuidv7';
import { EmploymentType, JobType, Sex } from './directory.enums.js';
import { OrgUnit } from './org-unit.entity.js';

@ObjectType({ description: 'Pegawai ASN (PNS or PPPK)' })
@Entity({ tableName: 'employee' })
@Index({ name: 'employee_name_id_index', properties: ['name', 'id'] })
export class Employee {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field({ description: 'NIP (PNS) or NI PPPK, 18 digits without spaces' })
  @Property({ type: 'string', length: 18, unique: true })
  nip!: string;

  @Field({ description: 'Full name with academic degrees (nama lengkap dengan gelar)' })
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => EmploymentType)
  @Enum({ items: () => EmploymentType })
  employmentType!: EmploymentType;

  @Field(() => Sex)
  @Enum({ items: () => Sex })
  sex!: Sex;

  @Property({ type: 'date' })
  birthDate!: string;

  @Field({ description: 'Golongan/ruang (PNS, e.g. III/a) or PPPK grade (e.g. IX)' })
  @Property({ type: 'string', length: 10 })
  rank!: string;

  @Field(() => JobType)
  @Enum({ items: () => JobType })
  jobType!: JobType;

  @Field({ description: 'Nama jabatan' })
  @Property({ type: 'string', length: 200 })
  positionTitle!: string;

  @ManyToOne(() => OrgUnit)
  @Index()
  orgUnit!: Rel<OrgUnit>;

  @ManyToOne(() => Employee, { nullable: true })
  @Index()
  supervisor: Rel<Employee> | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  email: string | null = null;

  @Property({ type: 'string', length: 30, nullable: true })
  phone: string | null = null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Field(() => Int, { description: 'Optimistic-lock version; pass it back as expectedVersion' })
  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'datetime', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
