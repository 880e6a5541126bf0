import { Inject, Injectable } from '@nestjs/common';
import type { FrontendConfig } from '../config/frontend-config';
import { FRONTEND_CONFIG } from '../config/frontend-config.token';
import { BackendClient } from './backend-client';

/** The metadata service (METADATA_URL, default http://127.0.0.1:5002). */
@Injectable()
export class MetadataClient extends BackendClient {
  constructor(@Inject(FRONTEND_CONFIG) config: FrontendConfig) {
    super(config.metadata);
  }
}

/** The search service (SEARCH_URL, default http://127.0.0.1:5001). */
@Injectable()
export class SearchClient extends BackendClient {
  constructor(@Inject(FRONTEND_CONFIG) config: FrontendConfig) {
    super(config.search);
  }
}
