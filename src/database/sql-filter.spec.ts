import { describe, expect, it } from '@jest/globals';
import { SqlFilter } from './sql-filter.js';

describe('SqlFilter', () => {
  it('is TRUE with no conditions, so that it can always follow WHERE', () => {
    const filter = new SqlFilter().when(null, (v) => `a = ${v}`).when(undefined, (v) => `b = ${v}`);
    expect(filter.sql).toBe('TRUE');
    expect(filter.values).toEqual([]);
  });

  it('binds each given value as the next placeholder and joins conditions with AND', () => {
    const filter = new SqlFilter()
      .when('Africa', (region) => `c.region = ${region}`)
      .when(null, (subregion) => `c.subregion = ${subregion}`)
      .when(false, (member) => `c.un_member = ${member}`);
    expect(filter.sql).toBe('c.region = $1 AND c.un_member = $2');
    expect(filter.values).toEqual(['Africa', false]);
  });

  it('never splices a value into the SQL text, whatever it holds', () => {
    const hostile = `x'; DROP TABLE country; --\u0000`;
    const filter = new SqlFilter().when(hostile, (name) => `c.name = ${name}`);
    expect(filter.sql).toBe('c.name = $1');
    expect(filter.values).toEqual([hostile]);
  });

  it('keeps a snapshot of the filter values for a count that ignores later keyset and limit values', () => {
    const filter = new SqlFilter().when('G7', (key) => `m.group_key = ${key}`);
    const forCount = filter.snapshot();
    const after = filter.bind('FRA');
    const limit = filter.bind(21);
    expect([after, limit]).toEqual(['$2', '$3']);
    expect(forCount).toEqual(['G7']);
    expect(filter.values).toEqual(['G7', 'FRA', 21]);
  });

  it('takes conditions written with its own placeholders', () => {
    const filter = new SqlFilter();
    filter.where(`m.valid_from <= ${filter.bind('2020-01-01')}`);
    expect(filter.sql).toBe('m.valid_from <= $1');
  });

  it("numbers a nested filter's placeholders on from its parent's, with conditions of its own", () => {
    const outer = new SqlFilter().when('G7', (key) => `g.key = ${key}`);
    const inner = outer.nested().when(true, (member) => `c.un_member = ${member}`);
    outer.when('2020-01-01', (date) => `d = ${date}`);
    expect([outer.sql, inner.sql]).toEqual(['g.key = $1 AND d = $3', 'c.un_member = $2']);
    expect(outer.values).toEqual(['G7', true, '2020-01-01']);
  });
});
