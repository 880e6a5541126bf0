import type { DynamicModule } from '@nestjs/common';
import { loadAuthConfig } from '@fram/auth';
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
