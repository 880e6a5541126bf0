import { timingSafeEqual, createHash } from 'node:crypto';
import type { Seed, SeedClient, SeedGroup, SeedUser } from '../seed/seed';

/** Okta's user object, as the Users API returns it. */
export interface OktaUser {
  id: string;
  status: string;
  created: string;
  activated: string | null;
  statusChanged: string | null;
  lastLogin: string | null;
  lastUpdated: string;
  passwordChanged: string | null;
  type: { id: string };
  profile: SeedUser['profile'];
  credentials: { provider: { type: 'OKTA'; name: 'OKTA' } };
  _links: { self: { href: string } };
}

export interface OktaGroup {
  id: string;
  created: string;
  lastUpdated: string;
  lastMembershipUpdated: string;
  objectClass: ['okta:user_group'];
  type: 'OKTA_GROUP' | 'BUILT_IN';
  profile: { name: string; description: string };
  _links: Record<string, never>;
}

/** Fields Okta lets the Users API filter on. */
export const FILTERABLE_FIELDS = [
  'status',
  'lastUpdated',
  'id',
  'profile.login',
  'profile.email',
  'profile.firstName',
  'profile.lastName',
] as const;

const CREATED = '2024-01-15T09:00:00.000Z';

/**
 * The people, groups and apps of the development IdP, from the seed, with the
 * lookups the sign-in pages, the token claims and the Users API need.
 */
export class Directory {
  private readonly byId = new Map<string, SeedUser>();
  private readonly byLogin = new Map<string, SeedUser>();
  private readonly groups = new Map<string, SeedGroup>();
  private readonly lastLogin = new Map<string, string>();

  constructor(private readonly seed: Seed) {
    for (const user of seed.users) {
      this.byId.set(user.id, user);
      this.byLogin.set(user.profile.login.toLowerCase(), user);
    }
    for (const group of seed.groups) this.groups.set(group.id, group);
  }

  get users(): readonly SeedUser[] {
    return this.seed.users;
  }

  get clients(): readonly SeedClient[] {
    return this.seed.clients;
  }

  /** By Okta id or by login (case-insensitive), as `GET /api/v1/users/{id or login}` does. */
  find(idOrLogin: string): SeedUser | undefined {
    return this.byId.get(idOrLogin) ?? this.byLogin.get(idOrLogin.toLowerCase());
  }

  /** The active user with this login and password; undefined otherwise (same time either way). */
  authenticate(login: string, password: string): SeedUser | undefined {
    const user = this.byLogin.get(login.trim().toLowerCase());
    const given = createHash('sha256').update(password).digest();
    const expected = createHash('sha256')
      .update(user?.password ?? '\u0000no user')
      .digest();
    const ok = timingSafeEqual(given, expected) && user !== undefined && user.status === 'ACTIVE';
    if (ok) this.lastLogin.set(user.id, new Date().toISOString());
    return ok ? user : undefined;
  }

  groupNames(user: SeedUser): string[] {
    return user.groups.map((id) => this.groups.get(id)?.name).filter((n): n is string => n !== undefined);
  }

  /** The API scopes a person may be granted: those of their groups (Okta's access policy). */
  apiScopesOf(user: SeedUser): Set<string> {
    return new Set(user.groups.flatMap((id) => this.groups.get(id)?.scopes ?? []));
  }

  groupsOf(user: SeedUser): OktaGroup[] {
    return user.groups
      .map((id) => this.groups.get(id))
      .filter((g): g is SeedGroup => g !== undefined)
      .map(toOktaGroup);
  }

  /** Okta's app assignment: a client with assigned groups admits only their members. */
  isAssigned(user: SeedUser, client: SeedClient): boolean {
    return client.assignedGroups.length === 0 || client.assignedGroups.some((g) => user.groups.includes(g));
  }

  toOktaUser(user: SeedUser, origin: string): OktaUser {
    return {
      id: user.id,
      status: user.status,
      created: CREATED,
      activated: user.status === 'STAGED' ? null : CREATED,
      statusChanged: CREATED,
      lastLogin: this.lastLogin.get(user.id) ?? null,
      lastUpdated: CREATED,
      passwordChanged: CREATED,
      type: { id: 'oty1default' },
      profile: { ...user.profile },
      credentials: { provider: { type: 'OKTA', name: 'OKTA' } },
      _links: { self: { href: `${origin}/api/v1/users/${user.id}` } },
    };
  }
}

function toOktaGroup(group: SeedGroup): OktaGroup {
  return {
    id: group.id,
    created: CREATED,
    lastUpdated: CREATED,
    lastMembershipUpdated: CREATED,
    objectClass: ['okta:user_group'],
    type: group.name === 'Everyone' ? 'BUILT_IN' : 'OKTA_GROUP',
    profile: { name: group.name, description: group.description },
    _links: {},
  };
}
