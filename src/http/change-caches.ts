import type { FastifyInstance } from 'fastify';
import { listenForChanges, type ChangeListener } from '@db/change-listener';
import { PublicCache, registerPublicCache } from './public-cache';
import { registerSessionCache, SessionCache } from './session-cache';

export const PUBLIC_DATA_CHANNEL = 'vnaid_public_data';
export const SESSIONS_CHANNEL = 'vnaid_sessions';

export type ChangeCaches = { listener: ChangeListener; publicData: PublicCache; sessions: SessionCache };

declare module 'fastify' {
  interface FastifyInstance {
    /** The process's caches (null without a connection string to listen with). */
    changeCaches: ChangeCaches | null;
  }
}

/**
 * The process's in-memory caches (public figures and directory pages, resolved sessions) and the one database
 * connection that keeps them honest: it LISTENs for the notifications the tables send on commit, so a change
 * made by any process, job or tool empties them; while it is down they serve nothing from memory. Without a
 * connection string (tests that build the app on a bare Kysely instance) there is no cache at all.
 * @returns the caches, or null when there is nothing to listen with
 */
export function registerChangeCaches(
  app: FastifyInstance,
  connectionString: string | undefined,
  log: (message: string) => void = () => undefined,
): ChangeCaches | null {
  if (!connectionString) {
    app.decorate('changeCaches', null);
    return null;
  }
  let listener: ChangeListener | null = null;
  const enabled = () => listener?.connected === true;
  const publicData = new PublicCache({ enabled });
  const sessions = new SessionCache({ enabled });
  listener = listenForChanges(
    connectionString,
    [PUBLIC_DATA_CHANNEL, SESSIONS_CHANNEL],
    {
      onNotify(channel, payload) {
        if (channel === PUBLIC_DATA_CHANNEL) publicData.clear();
        else if (channel === SESSIONS_CHANNEL) sessions.dropUsers(payload.split(','));
      },
      onReset() {
        publicData.clear();
        sessions.clear();
      },
    },
    { log },
  );
  registerPublicCache(app, publicData);
  registerSessionCache(app, sessions);
  const caches = { listener, publicData, sessions };
  app.decorate('changeCaches', caches);
  app.addHook('onClose', async () => caches.listener.close());
  return caches;
}
