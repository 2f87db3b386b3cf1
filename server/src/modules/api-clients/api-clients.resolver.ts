import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { Context } from '../../access/context.js';
import { OrgUnit, type OrgUnitRecord } from '../directory/index.js';
import { ApiClient, ApiScope } from './api-client.entity.js';
import * as clients from './api-clients.service.js';

@InputType()
export class CreateApiClientInput {
  @Field({ description: 'Which tool, of which agency, e.g. "BKD Provinsi Bali – SIMPEG sync"' })
  name!: string;

  @Field(() => [ApiScope])
  scopes!: ApiScope[];

  @Field(() => [ID], { nullable: true, description: 'OPDs it may read; absent = all of them' })
  opdIds?: string[] | null;
}

@ObjectType({ description: 'An API client with its secret token, shown only this once' })
export class ApiClientWithToken {
  @Field(() => ApiClient)
  client!: ApiClient;

  @Field({
    description: 'Send as Authorization: Bearer <token>. Store it now: it is never shown again.',
  })
  token!: string;
}

@Resolver(() => ApiClient)
export class ApiClientResolver {
  @Query(() => [ApiClient], { description: 'Agency tools with API access (HR admins, auditors)' })
  apiClients(@Ctx() ctx: Context): Promise<ApiClient[]> {
    return clients.listApiClients(ctx);
  }

  @Mutation(() => ApiClientWithToken)
  createApiClient(
    @Ctx() ctx: Context,
    @Arg('input') input: CreateApiClientInput,
  ): Promise<ApiClientWithToken> {
    return clients.createApiClient(ctx, input);
  }

  @Mutation(() => ApiClientWithToken, {
    description: 'New token; the old one stops working at once',
  })
  rotateApiClientSecret(
    @Ctx() ctx: Context,
    @Arg('id', () => ID) id: string,
  ): Promise<ApiClientWithToken> {
    return clients.rotateApiClientSecret(ctx, id);
  }

  @Mutation(() => ApiClient)
  revokeApiClient(@Ctx() ctx: Context, @Arg('id', () => ID) id: string): Promise<ApiClient> {
    return clients.revokeApiClient(ctx, id);
  }

  @FieldResolver(() => [OrgUnit], { nullable: true, description: 'OPDs it may read; null = all' })
  async opds(@Root() client: ApiClient, @Ctx() ctx: Context): Promise<OrgUnitRecord[] | null> {
    if (!client.opdIds) return null;
    // The loader gives read-only records (never entities): keep every unit it found.
    const units = await ctx.loaders.orgUnit.loadMany(client.opdIds);
    return units.filter((u): u is OrgUnitRecord => u !== null && !(u instanceof Error));
  }
}
