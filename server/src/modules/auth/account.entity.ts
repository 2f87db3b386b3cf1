import {
  Entity,
  Enum,
  ManyToOne,
  OneToOne,
  PrimaryKey,
  Property,
  type Rel,
  type Opt,
} from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { Employee } from '../directory/employee.entity.js';
import { OrgUnit } from '../directory/org-unit.entity.js';
import { Role } from './auth.enums.js';

/** A person's sign-in: one per employee, with their roles. */
@Entity({ tableName: 'account' })
export class Account {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @OneToOne(() => Employee, { owner: true, unique: true })
  employee!: Rel<Employee>;

  /** argon2id PHC string; null until a password is set. */
  @Property({ type: 'text', nullable: true, hidden: true })
  passwordHash: string | null = null;

  @Enum({ items: () => Role, array: true })
  roles: Opt<Role[]> = [Role.EMPLOYEE];

  /** The OPD a UNIT_ADMIN administers. */
  @ManyToOne(() => OrgUnit, { nullable: true })
  adminOrgUnit: Rel<OrgUnit> | null = null;

  @Property({ type: 'boolean', default: true })
  active: Opt<boolean> = true;

  @Property({ type: 'boolean', default: false })
  mustChangePassword: Opt<boolean> = false;

  @Property({ type: 'datetime', nullable: true })
  lastLoginAt: Date | null = null;

  @Property({ type: 'integer', version: true })
  version: Opt<number> = 1;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Opt<Date> = new Date();
}
