import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, validate } from 'graphql';
import { projectFile } from './common/project-file.js';

/** Every GraphQL operation shown in the README, one per top-level `{`, `query` or `mutation` line. */
function readmeOperations(): string[] {
  const readme = readFileSync(projectFile('README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.flatMap((block) => {
    const operations: string[] = [];
    for (const line of block.split('\n')) {
      if (line.trim().startsWith('#') || line.trim() === '') continue;
      if (/^(\{|query\b|mutation\b)/.test(line)) operations.push(line);
      else operations[operations.length - 1] += '\n' + line;
    }
    return operations;
  });
}

/** The operations the README's shell commands send: the first argument of each `gql '...'`. */
function readmeShellOperations(): string[] {
  const readme = readFileSync(projectFile('README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => match[1]);
  return blocks.flatMap((block) => [...block.matchAll(/\bgql '([^']*)'/g)].map((match) => match[1]));
}

describe('README examples', () => {
  const schema = buildSchema(readFileSync(projectFile('schema.gql'), 'utf8'));
  const operations = readmeOperations();

  it('has examples to check', () => {
    expect(operations.length).toBeGreaterThan(8);
  });

  it.each(operations.map((operation) => [operation.replace(/\s+/g, ' ').slice(0, 70), operation]))(
    '%s is valid against schema.gql',
    (_first, operation) => {
      expect(validate(schema, parse(operation)).map((error) => error.message)).toEqual([]);
    },
  );

  it('names every operation of a GraphQL block that holds several (GraphiQL refuses anonymous ones together)', () => {
    const readme = readFileSync(projectFile('README.md'), 'utf8');
    for (const [, block] of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
      const definitions = parse(block).definitions;
      if (definitions.length > 1) {
        expect(definitions.filter((definition) => !('name' in definition && definition.name))).toEqual([]);
      }
    }
  });

  const shellOperations = readmeShellOperations();
  it.each(shellOperations.map((operation) => [operation.replace(/\s+/g, ' ').slice(0, 70), operation]))(
    'shell command %s is a named operation valid against schema.gql',
    (_first, operation) => {
      const document = parse(operation);
      expect(validate(schema, document).map((error) => error.message)).toEqual([]);
      expect(document.definitions.every((definition) => 'name' in definition && definition.name)).toBe(true);
    },
  );

  it('has shell commands to check', () => {
    expect(shellOperations.length).toBeGreaterThan(6);
  });
});
