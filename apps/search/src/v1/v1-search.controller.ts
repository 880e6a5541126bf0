import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import {
  V1DashboardResultDto,
  V1FeatureResultDto,
  V1FilterRequestDto,
  V1SearchQueryDto,
  V1TableResultDto,
  V1UserResultDto,
} from './v1.dtos';
import { V1SearchService } from './v1-search.service';

const V1 = "Amundsen's v1 search API (deprecated there, kept for its clients): pages of 10, in its v1 models.";
const FILTERS =
  `${V1} \`search_request.filters\` maps a category to values: values match with OR (\`*\` wildcards allowed), ` +
  'categories with AND; categories the type does not have are ignored.';

/** Amundsen's per-resource search endpoints (`/search`, `/search_table`, ...). */
@Controller()
export class V1SearchController {
  constructor(private readonly searches: V1SearchService) {}

  @Get('search')
  @ApiOperation({ summary: 'Searches tables', description: V1 })
  @ZodResponse({ status: 200, type: V1TableResultDto })
  tables(@Query() query: V1SearchQueryDto) {
    return this.searches.search('table', query);
  }

  @Post('search_table')
  @ApiOperation({
    summary: 'Searches tables with filters (database, cluster, schema, table, column, tag, badges, key)',
    description: FILTERS,
  })
  @ZodResponse({ status: 200, type: V1TableResultDto })
  filterTables(@Body() body: V1FilterRequestDto) {
    return this.searches.filter('table', body);
  }

  @Get('search_user')
  @ApiOperation({ summary: 'Searches people', description: V1 })
  @ZodResponse({ status: 200, type: V1UserResultDto })
  users(@Query() query: V1SearchQueryDto) {
    return this.searches.search('user', query);
  }

  @Get('search_dashboard')
  @ApiOperation({ summary: 'Searches dashboards', description: V1 })
  @ZodResponse({ status: 200, type: V1DashboardResultDto })
  dashboards(@Query() query: V1SearchQueryDto) {
    return this.searches.search('dashboard', query);
  }

  @Post('search_dashboard_filter')
  @ApiOperation({ summary: 'Searches dashboards with filters (group_name, name, product, tag)', description: FILTERS })
  @ZodResponse({ status: 200, type: V1DashboardResultDto })
  filterDashboards(@Body() body: V1FilterRequestDto) {
    return this.searches.filter('dashboard', body);
  }

  @Get('search_feature')
  @ApiOperation({ summary: 'Searches ML features', description: V1 })
  @ZodResponse({ status: 200, type: V1FeatureResultDto })
  features(@Query() query: V1SearchQueryDto) {
    return this.searches.search('feature', query);
  }

  @Post('search_feature_filter')
  @ApiOperation({
    summary: 'Searches ML features with filters (feature_group, feature_name, entity, status, version, availability, tags, badges, key)',
    description: FILTERS,
  })
  @ZodResponse({ status: 200, type: V1FeatureResultDto })
  filterFeatures(@Body() body: V1FilterRequestDto) {
    return this.searches.filter('feature', body);
  }
}
