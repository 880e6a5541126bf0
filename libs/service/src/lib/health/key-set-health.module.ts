import { Module, type OnModuleInit } from '@nestjs/common';
import { KeyStore } from '@fram/auth';
import { HealthService } from './health.service';

/**
 * The `KeyStore:key_sets` check: fails while a trusted issuer has no usable
 * key set (its tokens get 503), degraded while cached keys cannot be
 * refreshed. For services that check bearer tokens (needs AuthModule).
 */
@Module({})
export class KeySetHealthModule implements OnModuleInit {
  constructor(
    private readonly health: HealthService,
    private readonly keys: KeyStore,
  ) {}

  onModuleInit(): void {
    this.health.register('KeyStore:key_sets', async () => ({ ...(await this.keys.health()) }));
  }
}
