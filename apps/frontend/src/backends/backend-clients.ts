import { Injectable } from '@nestjs/common';
import { BackendClient, readBackendSettings } from './backend-client';

/** The metadata service (METADATA_URL, default http://127.0.0.1:5002). */
@Injectable()
export class MetadataClient extends BackendClient {
  constructor() {
    super(readBackendSettings('metadata', 'METADATA', 'http://127.0.0.1:5002'));
  }
}

/** The search service (SEARCH_URL, default http://127.0.0.1:5001). */
@Injectable()
export class SearchClient extends BackendClient {
  constructor() {
    super(readBackendSettings('search', 'SEARCH', 'http://127.0.0.1:5001'));
  }
}
