import { registerEnumType } from '@nestjs/graphql';

/** The report's Table 3 columns: what an instrument mainly supports. */
export enum PolicyOrientation {
  ADOPTION = 'ADOPTION',
  DEVELOPMENT = 'DEVELOPMENT',
  OVERALL = 'OVERALL',
}

/** The report's Table 3 rows: its three policy levers, or the general approach. */
export enum PolicyLever {
  INFRASTRUCTURE = 'INFRASTRUCTURE',
  DATA = 'DATA',
  SKILLS = 'SKILLS',
  OVERALL = 'OVERALL',
}

registerEnumType(PolicyOrientation, {
  name: 'PolicyOrientation',
  description:
    'ADOPTION supports the uptake and diffusion of AI; DEVELOPMENT builds the capacity to create new AI; OVERALL is ' +
    'the general approach (UNCTAD Technology and Innovation Report 2025, Table 3).',
});

registerEnumType(PolicyLever, {
  name: 'PolicyLever',
  description: "The report's policy levers (infrastructure, data, skills), or OVERALL for the general approach.",
});
