import { Global, Module } from '@nestjs/common';
import { MetadataClient, SearchClient } from './backend-clients';

/** The clients of the metadata and search services, for every API module. */
@Global()
@Module({ providers: [MetadataClient, SearchClient], exports: [MetadataClient, SearchClient] })
export class BackendsModule {}
