import { Module } from '@nestjs/common';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { OktaUserDirectory } from './okta-user-directory';
import { NoUserDirectory, UserDirectory } from './user-directory';

@Module({
  providers: [
    {
      provide: UserDirectory,
      inject: [METADATA_CONFIG],
      useFactory: (config: MetadataConfig) =>
        config.directory.kind === 'okta' ? new OktaUserDirectory(config.directory) : new NoUserDirectory(),
    },
  ],
  exports: [UserDirectory],
})
export class DirectoryModule {}
