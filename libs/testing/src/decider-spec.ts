/**
 * Given/when/then for deciders: fold the given events with `evolve`, run `decide`, and compare
 * the events it returns, or the error it throws.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

export const deciderSpec = <Command, Event, State>(decider: Decider<Command, Event, State>) => (given: Event[]) => ({
  when: (command: Command) => {
    const run = () => decider.decide(command, given.reduce(decider.evolve, decider.initialState()));
    return {
      then: (expected: Event[]) => expect(run()).toEqual(expected),
      /** Only what is given is compared, at any depth (the events hold more). */
      thenMatches: (expected: object[]) => expect(run()).toMatchObject(expected),
      thenThrows: <E extends Error>(errorType: new (...args: any[]) => E, check?: (error: E) => void) => {
        let thrown: unknown;
        try {
          run();
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBeInstanceOf(errorType);
        check?.(thrown as E);
      },
    };
  },
});
