import { ArgsType, Field, Int, ObjectType } from '@nestjs/graphql';
import { IsString } from 'class-validator';

@ArgsType()
export class ImportParticipationsArgs {
  @Field({
    description:
      'The file, in the participation exchange format (CSV with a header line; see the README): at most 5 MB and 50,000 rows, and the request body limit.',
  })
  @IsString()
  csv: string;
}

@ObjectType({ description: 'What an import did. A file with any bad row imports nothing (BAD_USER_INPUT).' })
export class ParticipationImportResult {
  @Field(() => Int, { description: 'Data rows in the file.' })
  rows: number;

  @Field(() => Int, { description: 'Rows recorded (each with its audit event).' })
  imported: number;

  @Field(() => Int, { description: 'Rows identical to a live row, skipped.' })
  unchanged: number;
}
