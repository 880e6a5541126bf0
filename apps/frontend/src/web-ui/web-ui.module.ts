import { Module } from '@nestjs/common';
import { WebAssets } from './web-assets';
import { WebUiController } from './web-ui.controller';

/** The web UI (built from apps/web). Imported last: its pages catch every path no other route takes. */
@Module({ controllers: [WebUiController], providers: [WebAssets] })
export class WebUiModule {}
