import { applyDecorators } from '@nestjs/common';
import { IsString, Matches, ValidateBy, type ValidationArguments } from 'class-validator';
import { leiProblem, normalizeLei } from '../lei.js';

/** The checks of the company and AI system inputs; each matches a constraint of the tables, or goes beyond it. */

const LONGEST_LEI_INPUT = 64;

/** An LEI in any case, spaces around allowed; the problem named is the shape's or the check digits'. */
export const IsLei = () =>
  ValidateBy({
    name: 'isLei',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && value.length <= LONGEST_LEI_INPUT && leiProblem(normalizeLei(value)) === null,
      defaultMessage: ({ value }: ValidationArguments) =>
        (typeof value === 'string' && value.length <= LONGEST_LEI_INPUT && leiProblem(normalizeLei(value))) ||
        'must be an LEI (ISO 17442): 20 characters',
    },
  });

/** Text of `min` to `max` characters once surrounding spaces are trimmed (which the service does). */
export const IsTrimmedText = (min: number, max: number) =>
  ValidateBy({
    name: 'isTrimmedText',
    validator: {
      validate: (value: unknown) => {
        if (typeof value !== 'string') return false;
        const length = value.trim().length;
        return length >= min && length <= max;
      },
      defaultMessage: ({ value }: ValidationArguments) =>
        typeof value === 'string' && value.trim() === ''
          ? 'must not be blank'
          : `must be ${min} to ${max} characters, not counting spaces around it`,
    },
  });

const LONGEST_URL = 2048;

/** An absolute http or https URL with a host, at most 2048 characters, no spaces inside. */
export const IsWebsite = () =>
  ValidateBy({
    name: 'isWebsite',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isWebsite(value.trim()),
      defaultMessage: () => `must be an http or https URL of at most ${LONGEST_URL} characters, without spaces`,
    },
  });

function isWebsite(url: string): boolean {
  if (url.length > LONGEST_URL || !/^https?:\/\/[\x21-\x7e]+$/i.test(url)) return false;
  try {
    return new URL(url).hostname !== '';
  } catch {
    return false;
  }
}

/** How a website is stored: trimmed, its scheme in lower case (as the table's check expects). */
export function normalizeWebsite(url: string): string {
  return url.trim().replace(/^https?/i, (scheme) => scheme.toLowerCase());
}

export const IsCountryIso3 = () =>
  applyDecorators(IsString(), Matches(/^[A-Za-z]{3}$/, { message: 'must be a three-letter ISO 3166-1 alpha-3 code' }));

export const IsPartyCodes = () =>
  applyDecorators(
    IsString({ each: true }),
    Matches(/^[A-Za-z]{2,8}$/, {
      each: true,
      message: 'must hold party codes: country alpha-3 codes such as KEN, or EU',
    }),
  );
