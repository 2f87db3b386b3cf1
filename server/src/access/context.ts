import type { EntityManager } from '@mikro-orm/postgresql';
import type { Request, Response } from 'express';
import type { Loaders, Scope } from '../kernel/scope.js';
import type { EventBus } from '../realtime/bus.js';

export type { ClientViewer, PersonViewer, Viewer } from '../kernel/scope.js';

/**
 * What a resolver gets: the operation's scope (which it hands to services), the event bus that
 * subscriptions read, and on HTTP the request and response (for the session cookie).
 */
export interface Context extends Scope {
  /** The process's event bus (subscriptions read from it). */
  bus: EventBus;
  /** Every feature's loaders on another EntityManager (a long-lived subscription's fresh one). */
  loadersFor: (em: EntityManager) => Loaders;
  /** Present on HTTP requests (absent on WebSocket operations). */
  req?: Request;
  res?: Response;
}
