import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { DevIdpConfig } from '../config/dev-idp-config';
import { Directory } from '../directory/directory';
import { FaultState } from '../faults/fault-state';
import { loadSeed, seedSchema, type Seed } from '../seed/seed';
import { SEED } from '../seed/seed.token';
import defaultSeed from '../seed/default-seed.json';
import { OidcServers } from './oidc-servers';
import { SigningKeys } from './signing-keys';

/** The seed's directory, the signing keys and both authorization servers, built from the configuration. */
@Global()
@Module({})
export class OidcModule {
  static forRoot(config: DevIdpConfig): DynamicModule {
    const seed: Seed = config.seedPath ? loadSeed(config.seedPath) : seedSchema.parse(defaultSeed);
    const directory = new Directory(seed);
    const keys = config.keyFile ? SigningKeys.keptIn(config.keyFile) : SigningKeys.inMemory();
    const faults = new FaultState();
    const servers = new OidcServers(config, directory, keys, faults);
    const providers = [
      { provide: SEED, useValue: seed },
      { provide: Directory, useValue: directory },
      { provide: FaultState, useValue: faults },
      { provide: OidcServers, useValue: servers },
    ];
    return { module: OidcModule, providers, exports: providers.map((p) => p.provide) };
  }
}
