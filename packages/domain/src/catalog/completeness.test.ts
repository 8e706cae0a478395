import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMissingRequirements } from './completeness.js';
import type { Component } from './procedure.js';

const component = (key: string, extra: Partial<Component> = {}): Component => ({
  key,
  name: key,
  group: 'submit',
  originals: 1,
  copies: 0,
  required: true,
  replaceableByData: false,
  ...extra,
});

const option = (key: string, group: string, order: number, extra: Partial<Component> = {}) =>
  component(key, { alternativeGroup: { key: group, label: `Một trong các giấy tờ (${group})`, order }, ...extra });

describe('findMissingRequirements', () => {
  const components = [
    component('submit-form'),
    option('submit-c', 'oneof-child', 2),
    option('submit-a', 'oneof-child', 0),
    option('submit-b', 'oneof-child', 1),
    component('present-id', { group: 'present' }),
    component('note-1', { group: 'note', required: false }),
  ];

  it('is satisfied by any one option of a required group', () => {
    const given = new Set(['submit-form', 'submit-b']);
    expect(findMissingRequirements(components, (c) => given.has(c.key))).toEqual([]);
  });

  it('names the group, with its options in the text order, when none is given', () => {
    const missing = findMissingRequirements(components, (c) => c.key === 'submit-form');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({
      kind: 'group',
      key: 'oneof-child',
      name: 'Một trong các giấy tờ (oneof-child)',
    });
    expect(missing[0]?.kind === 'group' && missing[0].members.map((m) => m.key)).toEqual([
      'submit-a',
      'submit-b',
      'submit-c',
    ]);
  });

  it('does not ask for a group whose options are all conditional', () => {
    const conditional = [
      option('submit-x', 'oneof-x', 0, { required: false }),
      option('submit-y', 'oneof-x', 1, { required: false }),
    ];
    expect(findMissingRequirements(conditional, () => false)).toEqual([]);
  });

  it('counts a filled application form as the component it replaces', () => {
    const given = new Set(['submit-a']);
    expect(findMissingRequirements(components, (c) => given.has(c.key))).toMatchObject([
      { kind: 'component', key: 'submit-form' },
    ]);
    expect(findMissingRequirements(components, (c) => given.has(c.key), { filledFormReplaces: 'submit-form' })).toEqual(
      [],
    );
    // A form replacing one option of a group satisfies the group; without a filled form nothing changes.
    expect(
      findMissingRequirements(components, (c) => c.key === 'submit-form', { filledFormReplaces: 'submit-c' }),
    ).toEqual([]);
    expect(
      findMissingRequirements(components, (c) => given.has(c.key), { filledFormReplaces: undefined }),
    ).toHaveLength(1);
  });

  // The rule, for any components and any choice of what was given.
  const arbitraryComponents = fc
    .array(
      fc.record({
        group: fc.constantFrom('submit', 'present', 'note'),
        required: fc.boolean(),
        alternative: fc.option(fc.constantFrom('oneof-a', 'oneof-b', 'oneof-c'), { nil: undefined }),
        given: fc.boolean(),
      }),
      { maxLength: 20 },
    )
    .map((rows) =>
      rows.map((row, index) => ({
        given: row.given,
        component: component(`submit-${index}`, {
          group: row.group as Component['group'],
          required: row.required,
          ...(row.alternative === undefined
            ? {}
            : { alternativeGroup: { key: row.alternative, label: row.alternative, order: index } }),
        }),
      })),
    );

  it('property: a required group is missing iff none of its options is given; other requirements unchanged', () => {
    fc.assert(
      fc.property(arbitraryComponents, (rows) => {
        const given = new Set(rows.filter((r) => r.given).map((r) => r.component.key));
        const missing = findMissingRequirements(
          rows.map((r) => r.component),
          (c) => given.has(c.key),
        );
        const submitted = rows.filter((r) => r.component.group === 'submit');
        // Plain components: the old rule, required and not given.
        const expectedPlain = submitted
          .filter((r) => r.component.alternativeGroup === undefined && r.component.required && !r.given)
          .map((r) => r.component.key);
        expect(missing.filter((m) => m.kind === 'component').map((m) => m.key)).toEqual(expectedPlain);
        // Groups: required when any option is, missing when no option is given.
        const groupKeys = [...new Set(submitted.flatMap((r) => r.component.alternativeGroup?.key ?? []))];
        const expectedGroups = groupKeys.filter((key) => {
          const options = submitted.filter((r) => r.component.alternativeGroup?.key === key);
          return options.some((r) => r.component.required) && !options.some((r) => r.given);
        });
        expect(
          missing
            .filter((m) => m.kind === 'group')
            .map((m) => m.key)
            .sort(),
        ).toEqual(expectedGroups.sort());
      }),
    );
  });
});
