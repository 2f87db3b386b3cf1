import { Account } from './account.entity.js';
import { AccountResolver, AuthResolver } from './auth.resolver.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { Session } from './session.entity.js';

/** What the api floor composes of this feature. */
export const feature = {
  name: 'auth',
  entities: [Account, Session, LoginAttempt],
  resolvers: [AuthResolver, AccountResolver],
};
