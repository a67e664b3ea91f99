import { applyDecorators } from '@nestjs/common';
import { IsInt, IsString, Length, Matches, Max, MaxLength, Min } from 'class-validator';

/** The checks of the policy inputs, each matching a constraint of the tables (so the database rarely has to refuse). */

export const FIRST_YEAR = 1950;
export const LAST_YEAR = 2100;

export const IsPartyCode = () =>
  applyDecorators(
    IsString(),
    Matches(/^[A-Za-z]{2,8}$/, { message: 'must be a party code: a country alpha-3 code such as KEN, or EU' }),
  );

export const IsCountryCode = () =>
  applyDecorators(IsString(), Matches(/^[A-Za-z]{3}$/, { message: 'must be a three-letter ISO 3166-1 alpha-3 code' }));

export const IsTitle = () =>
  applyDecorators(IsString(), Length(1, 500), Matches(/\S/, { message: 'must not be blank' }));

export const IsSourceUrl = () =>
  applyDecorators(
    IsString(),
    MaxLength(2000),
    Matches(/^https?:\/\/[\x21-\x7e]+$/, { message: 'must be an http or https URL without spaces' }),
  );

export const IsYear = (first = FIRST_YEAR, last = LAST_YEAR) => applyDecorators(IsInt(), Min(first), Max(last));

export const IsRank = () => applyDecorators(IsInt(), Min(1), Max(1000));
