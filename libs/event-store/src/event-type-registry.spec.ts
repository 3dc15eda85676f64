import { EventTypeRegistry, UnknownEventType } from './event-type-registry';

describe('EventTypeRegistry', () => {
  it('refuses a type declared at version 2 without an upcaster from version 1', () => {
    expect(() => new EventTypeRegistry().register({ SupportApplicationReviewed: 2 })).toThrow(
      'SupportApplicationReviewed is at schema version 2 but has no upcaster from version 1',
    );
  });

  it('refuses a gap anywhere in the upcaster steps, and upcasters given for another type do not count', () => {
    const step = (data: object) => data;
    expect(() => new EventTypeRegistry().register({ A: 3 }, { A: { 2: step } })).toThrow('A is at schema version 3 but has no upcaster from version 1');
    expect(() => new EventTypeRegistry().register({ A: 3 }, { A: { 1: step } })).toThrow('A is at schema version 3 but has no upcaster from version 2');
    expect(() => new EventTypeRegistry().register({ A: 2 }, { B: { 1: step } })).toThrow('A is at schema version 2 but has no upcaster from version 1');
  });

  it('upcasts step by step to the current version', () => {
    const registry = new EventTypeRegistry().register(
      { A: 3 },
      { A: { 1: (v1: { name: string }) => ({ fullName: v1.name }), 2: (v2: { fullName: string }) => ({ fullName: v2.fullName, source: 'v2' }) } },
    );
    expect(registry.upcast('A', 1, { name: 'An' })).toEqual({ fullName: 'An', source: 'v2' });
    expect(registry.upcast('A', 2, { fullName: 'An' })).toEqual({ fullName: 'An', source: 'v2' });
    expect(registry.upcast('A', 3, { fullName: 'An', source: 'new' })).toEqual({ fullName: 'An', source: 'new' });
    expect(() => registry.upcast('A', 4, {})).toThrow('A v4 was written by a newer release');
  });

  it('knows only the types it was given', () => {
    const registry = new EventTypeRegistry().register({ A: 1 });
    expect(() => registry.currentVersion('B')).toThrow(UnknownEventType);
    expect(() => registry.upcast('B', 1, {})).toThrow(UnknownEventType);
  });
});
