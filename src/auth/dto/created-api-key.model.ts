import { Field, ObjectType } from '@nestjs/graphql';
import { ApiKey } from '../api-key.entity.js';

@ObjectType()
export class CreatedApiKey {
  @Field(() => ApiKey)
  apiKey: ApiKey;

  @Field({
    description: 'The key itself. Shown this once; only a hash is kept. Send as "Authorization: ApiKey <key>".',
  })
  key: string;
}
