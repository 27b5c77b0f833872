/**
 * Property-style test through the real service and database: whatever sequence of actions, by whichever role,
 * a dossier only ever moves along an edge of its procedure's graph (src/domain/procedures DOSSIER_EDGES), a
 * refused action changes nothing, and the stored state is always one the graph can reach.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DOSSIER_ACTIONS,
  DOSSIER_EDGES,
  INITIAL_DOSSIER_STATE,
  allowedActions,
  transition,
  type DossierAction,
  type DossierState,
} from '@domain/procedures';
import { createTestContext, type Session, type TestContext } from '../../../test/support/test-app';
import type { Actor } from '@modules/auth/actor';
import { performAction } from './dossier-actions.service';
import { createOrganisation, draftWithDocuments, useTempDataDir } from './procedures.test-support';
import { vietnamToday } from '@common/time/vietnam-today';
import { seededRandom } from '@domain/random';

let ctx: TestContext;
const today = vietnamToday();

const key = (s: DossierState) => `${s.status}/${s.clock}`;

/** Every state reachable from a new dossier, by breadth-first search over the machine. */
function reachableStates(): Set<string> {
  const seen = new Set([key(INITIAL_DOSSIER_STATE)]);
  const queue: DossierState[] = [INITIAL_DOSSIER_STATE];
  while (queue.length) {
    const state = queue.shift()!;
    for (const action of allowedActions(state)) {
      const role = DOSSIER_EDGES.find((e) => e.from === state.status && e.action === action)!.roles[0]!;
      const next = transition(state, action, role);
      if (!seen.has(key(next))) {
        seen.add(key(next));
        queue.push(next);
      }
    }
  }
  return seen;
}

function bodyFor(action: DossierAction, version: number): Record<string, unknown> & { action: DossierAction; version: number } {
  switch (action) {
    case 'REQUEST_SUPPLEMENT':
      return { action, version, message: 'Bổ sung', documentCodes: [] };
    case 'START_CONSULTATION':
      return { action, version, agencyIds: [] };
    case 'APPROVE':
      return { action, version, decisionNumber: `P-${Math.random().toString(36).slice(2, 8)}`, decisionDate: today };
    case 'REJECT':
      return { action, version, decisionNumber: 'R-1', decisionDate: today, reason: 'Không đủ điều kiện' };
    default:
      return { action, version };
  }
}

const actorOf = (session: Session, role: Actor['role'], scope: { organisationId?: string; agencyId?: string }): Actor => ({
  userId: session.userId,
  username: `${role}-prop`,
  displayName: role,
  role,
  organisationId: scope.organisationId ?? null,
  agencyId: scope.agencyId ?? null,
  provinceId: null,
  locale: 'vi',
  via: 'session',
});

beforeAll(async () => {
  useTempDataDir();
  ctx = await createTestContext();
});
afterAll(async () => ctx?.close());

describe('no sequence of actions leaves the procedure graph', () => {
  it('holds for 12 random sequences of 20 actions by random roles', async () => {
    const reachable = reachableStates();
    const visited = new Set<string>();
    const comingoSession = await ctx.signInAs('central', { agencyId: 'COMINGO' });
    const mofaSession = await ctx.signInAs('central', { agencyId: 'MOFA' });
    for (let seed = 1; seed <= 12; seed++) {
      const random = seededRandom(seed);
      const org = await createOrganisation(ctx, `Prop ${seed}`);
      const ngoSession = await ctx.signInAs('ngo', { organisationId: org });
      const actors = [
        actorOf(ngoSession, 'ngo', { organisationId: org }),
        actorOf(comingoSession, 'central', { agencyId: 'COMINGO' }),
        actorOf(mofaSession, 'central', { agencyId: 'MOFA' }),
      ];
      const id = await draftWithDocuments(ctx, ngoSession, {
        procedureCode: 'NEW_GDKHD',
        application: { provinceIds: ['new34:04'], sectorCodes: ['YTE'] },
      });
      for (let step = 0; step < 20; step++) {
        const before = await ctx.db
          .selectFrom('dossiers')
          .select(['status', 'clock', 'version'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const state: DossierState = { status: before.status, clock: before.clock };
        // Mostly an action the machine allows now (withdrawal rarely, so the walk gets deep), by a role that may
        // take it; otherwise any action by anyone.
        const possible = allowedActions(state).filter((a) => a !== 'WITHDRAW' || random() < 0.1);
        const guided = possible.length > 0 && random() < 0.7;
        const action = guided
          ? possible[Math.floor(random() * possible.length)]!
          : DOSSIER_ACTIONS[Math.floor(random() * DOSSIER_ACTIONS.length)]!;
        const fitting = actors.filter((a) =>
          a.role === 'ngo'
            ? allowedActions(state, 'NGO').includes(action)
            : allowedActions(state, a.agencyId === 'MOFA' ? 'MOFA' : 'COMINGO').includes(action),
        );
        const pool = guided && fitting.length ? fitting : actors;
        const actor = pool[Math.floor(random() * pool.length)]!;
        let failed: unknown = null;
        try {
          await performAction(ctx.db, { actor }, id, bodyFor(action, before.version) as never, today);
        } catch (error) {
          failed = error;
        }
        const after = await ctx.db
          .selectFrom('dossiers')
          .select(['status', 'clock', 'version'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const afterState: DossierState = { status: after.status, clock: after.clock };
        visited.add(afterState.status);
        const context = `seed ${seed} step ${step}: ${actor.role}/${actor.agencyId ?? ''} ${action} from ${key(state)}`;
        expect(reachable.has(key(afterState)), context).toBe(true);
        if (failed) {
          expect(afterState, context).toEqual(state);
          expect(after.version, context).toBe(before.version);
          expect(['AppError', 'DomainRuleError'], `${context}: ${String(failed)}`).toContain((failed as Error).name);
        } else {
          const edge = DOSSIER_EDGES.find((e) => e.from === state.status && e.action === action && e.to === afterState.status);
          expect(edge, context).toBeDefined();
          expect(afterState, context).toEqual(transition(state, action, edge!.roles[0]!));
          expect(after.version, context).toBe(before.version + 1);
        }
      }
    }
    // The walk must get deep into the graph, or the property says little.
    expect([...visited]).toEqual(
      expect.arrayContaining(['SUBMITTED', 'INCOMPLETE', 'SUPPLEMENTED', 'CONSULTING', 'APPRAISING', 'APPROVED', 'DELIVERED', 'WITHDRAWN']),
    );
  }, 180_000);
});
