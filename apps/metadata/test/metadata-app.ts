import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule } from '@nestjs/common';
import { loadAuthConfig } from '@fram/auth';
import { startApiStack, startTestApp, type ApiStack, type TestAppOptions } from '@fram/testing';
import { AppModule } from '../src/app/app.module';
import { loadMetadataConfig } from '../src/config/metadata-config';

/**
 * The metadata app configured by `variables` as main.ts would read them from
 * the environment (the same loaders, the same validation), without touching
 * process.env.
 */
export function metadataApp(variables: Record<string, string>): DynamicModule {
  return AppModule.forRoot({ metadata: loadMetadataConfig(variables), auth: loadAuthConfig(variables) });
}

/**
 * The metadata app over HTTP with dev-idp as its issuer and user directory; who the tests act as: `admin` (the
 * fram-scripts service with read:data admin:system) and the people.
 */
export type MetadataStack = ApiStack;

export interface MetadataStackOptions {
  /** The people the tests act as, by the local part of their dev-idp address (`ada` for ada@example.com). */
  people: readonly string[];
  /**
   * Variables over the defaults: dev-idp as the issuer (AUTH_ISSUERS) and the user directory (OKTA_ORG_URL),
   * ADMIN_GROUPS `Fram Admins`, WRITE_GROUPS `Data Engineers,Analysts`, a fresh DATA_DIR.
   */
  variables?: Record<string, string>;
  app?: TestAppOptions;
}

/** Starts dev-idp and the metadata app (its data in a fresh directory named after `name`), and gets the tokens. */
export function startMetadataStack(name: string, { people, variables = {}, app }: MetadataStackOptions): Promise<MetadataStack> {
  return startApiStack({
    app: (idp) =>
      startTestApp(
        metadataApp({
          AUTH_ISSUERS: idp.issuer,
          ADMIN_GROUPS: 'Fram Admins',
          WRITE_GROUPS: 'Data Engineers,Analysts',
          DATA_DIR: mkdtempSync(join(tmpdir(), `fram-${name}-`)),
          OKTA_ORG_URL: idp.origin,
          ...variables,
        }),
        app,
      ),
    tokens: async (idp) => ({
      admin: await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system'),
      ...Object.fromEntries(await Promise.all(people.map(async (who) => [who, await idp.userToken(`${who}@example.com`)] as const))),
    }),
  });
}
