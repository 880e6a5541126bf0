import { Global, Module } from '@nestjs/common';
import { Clock, systemClock } from '@fram/config';

/** The frontend's Clock (sessions, token expiry): the system clock; tests override the provider with a ManualClock. */
@Global()
@Module({ providers: [{ provide: Clock, useValue: systemClock }], exports: [Clock] })
export class ClockModule {}
