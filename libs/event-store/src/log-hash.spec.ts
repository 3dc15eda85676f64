import { createHash } from 'node:crypto';
import { EMPTY_LOG_HASH, EMPTY_PREFIX, LogFold, StreamSegment, extendLogHash, streamsHash, type LogEntry } from './log-hash';

const entry = (position: number, streamId: string, streamVersion: number, transactionId = '900'): LogEntry => ({
  transactionId,
  position,
  streamId,
  streamVersion,
  hash: createHash('sha256').update(`${streamId}/${streamVersion}`).digest('hex'),
});

const log: LogEntry[] = [entry(1, 'a', 1), entry(2, 'b', 1), entry(3, 'a', 2), entry(5, 'c', 1, '901'), entry(4, 'b', 2, '902'), entry(6, 'a', 3, '902')];

const foldAll = (entries: readonly LogEntry[]) => {
  const fold = new LogFold();
  entries.forEach((e) => fold.add(e));
  return fold;
};

const segmentOf = (entries: readonly LogEntry[]) => {
  const segment = new StreamSegment();
  entries.forEach((e) => segment.add(e));
  return segment;
};

describe('the running log hash', () => {
  it('is SHA-256 over the previous hash and the event\'s fields, one per line, as docs/ANCHORS.md writes it', () => {
    const first = log[0];
    const expected = createHash('sha256').update(`${'0'.repeat(64)}\n900\n1\na\n1\n${first.hash}`).digest('hex');
    expect(EMPTY_LOG_HASH).toBe('0'.repeat(64));
    expect(extendLogHash(EMPTY_LOG_HASH, first)).toBe(expected);
  });

  it('extends a prefix incrementally to the same hash as a fold from zero', () => {
    const whole = foldAll(log).prefix;
    const head = foldAll(log.slice(0, 3)).prefix;
    const resumed = new LogFold(head);
    log.slice(3).forEach((e) => resumed.add(e));
    expect(resumed.prefix).toEqual(whole);
    expect(whole).toMatchObject({ events: 6, last: { transactionId: '902', position: '6' } });
    expect(new LogFold().prefix).toEqual(EMPTY_PREFIX);
  });

  it.each([
    ['a stored hash changed', (entries: LogEntry[]) => entries.map((e, i) => (i === 2 ? { ...e, hash: 'f'.repeat(64) } : e))],
    ['an event removed', (entries: LogEntry[]) => entries.filter((_, i) => i !== 2)],
    ['two events swapped', (entries: LogEntry[]) => [entries[0], entries[2], entries[1], ...entries.slice(3)]],
    ['a position changed', (entries: LogEntry[]) => entries.map((e, i) => (i === 1 ? { ...e, position: 7 } : e))],
    ['a transaction id changed', (entries: LogEntry[]) => entries.map((e, i) => (i === 1 ? { ...e, transactionId: '899' } : e))],
  ])('differs when %s', (_, alter) => {
    expect(foldAll(alter(log)).prefix.logHash).not.toBe(foldAll(log).prefix.logHash);
  });
});

describe('stream commitments of a segment', () => {
  it('hold each touched stream\'s head and the log hash of its own events in the segment, sorted by stream id', () => {
    const streams = segmentOf(log.slice(2)).streams();
    expect(streams.map((s) => [s.streamId, s.version])).toEqual([['a', 3], ['b', 2], ['c', 1]]);
    expect(streams[0].hash).toBe(log[5].hash);
    expect(streams[0].eventsHash).toBe(extendLogHash(extendLogHash(EMPTY_LOG_HASH, log[2]), log[5]));
  });

  it('change only for the stream whose event was altered, removed or moved', () => {
    const commitments = (entries: LogEntry[]) => new Map(segmentOf(entries).streams().map((s) => [s.streamId, s]));
    const before = commitments(log);
    const changedStreams = (entries: LogEntry[]) => {
      const after = commitments(entries);
      return [...new Set([...before.keys(), ...after.keys()])].filter((id) => JSON.stringify(before.get(id)) !== JSON.stringify(after.get(id)));
    };
    expect(changedStreams(log.map((e) => (e.streamId === 'a' && e.streamVersion === 2 ? { ...e, hash: '0'.repeat(64) } : e)))).toEqual(['a']);
    expect(changedStreams(log.filter((e) => !(e.streamId === 'b' && e.streamVersion === 2)))).toEqual(['b']);
    expect(changedStreams(log.map((e) => (e.position === 5 ? { ...e, position: 4 } : e.position === 4 ? { ...e, position: 5 } : e)))).toEqual(['c', 'b'].sort());
  });

  it('are committed to as a list, in order', () => {
    const streams = segmentOf(log).streams();
    expect(streamsHash(streams)).toBe(streamsHash(segmentOf(log).streams()));
    expect(streamsHash([...streams].reverse())).not.toBe(streamsHash(streams));
    expect(streamsHash([])).toBe(EMPTY_LOG_HASH);
    const [first] = streams;
    expect(streamsHash([first])).toBe(createHash('sha256').update(`${EMPTY_LOG_HASH}\n${first.streamId}\n${first.version}\n${first.hash}\n${first.eventsHash}`).digest('hex'));
  });
});
