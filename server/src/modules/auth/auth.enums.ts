import { registerEnumType } from 'type-graphql';
import { Role } from '../../kernel/scope.js';

export { Role };

registerEnumType(Role, {
  name: 'Role',
  description: 'What an account may do beyond its own work',
  valuesConfig: {
    EMPLOYEE: { description: 'Every ASN: their own plan, work and appraisals' },
    UNIT_ADMIN: { description: 'Admin kepegawaian of one OPD' },
    HR_ADMIN: { description: 'BKPSDM: city-wide administration' },
    AUDITOR: { description: 'Inspektorat: reads everything, changes nothing' },
  },
});
