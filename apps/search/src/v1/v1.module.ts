import { Module } from '@nestjs/common';
import { V1DocumentsController } from './v1-documents.controller';
import { V1DocumentsService } from './v1-documents.service';
import { V1SearchController } from './v1-search.controller';
import { V1SearchService } from './v1-search.service';

/** Amundsen's v1 search API: per-resource search and the v1 document API. */
@Module({ controllers: [V1SearchController, V1DocumentsController], providers: [V1SearchService, V1DocumentsService] })
export class V1Module {}
