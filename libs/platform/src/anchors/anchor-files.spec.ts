import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorFields, signAnchor, type AnchorWithStreams } from './anchor';
import { AnchorFileConflict, AnchorFileInvalid, anchorFileName, readAnchorFileStreams, readAnchorFiles, writeAnchorFile } from './anchor-files';
import { generateSigningKey, signingKeyFromPem } from './anchor-key';

const key = signingKeyFromPem(generateSigningKey().privateKeyPem, 'test key');
const anchorAt = (position: number, previous: number): AnchorWithStreams => ({
  ...signAnchor({ position, previous, lastTransactionId: '900', lastGlobalPosition: position + 3, logHash: 'a'.repeat(64), streamsHash: 'b'.repeat(64), signedAt: '2020-05-20T03:00:00.000Z' }, key),
  streams: [{ streamId: 'support-application-1', version: 3, hash: 'c'.repeat(64), eventsHash: 'd'.repeat(64) }],
});

describe('Anchor files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'anchor-files-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('are named by position, zero-padded so that names sort as positions do, and hold the anchor with its streams', () => {
    expect(writeAnchorFile(dir, anchorAt(1200, 900))).toBe(true);
    expect(writeAnchorFile(dir, anchorAt(900, 0))).toBe(true);
    expect(readdirSync(dir)).toEqual([anchorFileName(900), anchorFileName(1200)]);
    expect(anchorFileName(900)).toBe('anchor-0000000000000900.json');
    const parsed = JSON.parse(readFileSync(join(dir, anchorFileName(1200)), 'utf8'));
    expect(parsed).toEqual(anchorAt(1200, 900));
  });

  it('are never rewritten: the same anchor again is left alone, another one at that position refused', () => {
    const anchor = anchorAt(50, 0);
    writeAnchorFile(dir, anchor);
    expect(writeAnchorFile(dir, anchor)).toBe(false);
    expect(() => writeAnchorFile(dir, { ...anchor, logHash: 'e'.repeat(64) })).toThrow(AnchorFileConflict);
    expect(JSON.parse(readFileSync(join(dir, anchorFileName(50)), 'utf8')).logHash).toBe(anchor.logHash);
    expect(readdirSync(dir)).toEqual([anchorFileName(50)]);
  });

  it('are read from a folder, a saved GET /anchors body or an array; only folder files carry streams', () => {
    writeAnchorFile(dir, anchorAt(10, 0));
    writeAnchorFile(dir, anchorAt(20, 10));
    const fromDir = readAnchorFiles(dir);
    expect(fromDir.map((item) => [item.anchor.position, item.hasStreams])).toEqual([[10, true], [20, true]]);
    expect(readAnchorFileStreams(fromDir[1].file)).toEqual(anchorAt(20, 10).streams);

    const body = join(dir, 'page.json.saved');
    writeFileSync(body, JSON.stringify({ anchors: [anchorFields(anchorAt(30, 20))], nextAfter: null }));
    expect(readAnchorFiles(body).map((item) => [item.anchor.position, item.hasStreams])).toEqual([[30, false]]);
    const array = join(dir, 'array.txt');
    writeFileSync(array, JSON.stringify([anchorFields(anchorAt(40, 30))]));
    expect(readAnchorFiles(array)[0].anchor).toEqual(anchorFields(anchorAt(40, 30)));
  });

  it('that are not anchors are refused, naming the file and the field', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...anchorFields(anchorAt(10, 0)), logHash: 'xyz' }));
    expect(() => readAnchorFiles(bad)).toThrow(AnchorFileInvalid);
    expect(() => readAnchorFiles(bad)).toThrow(`${bad}: not an anchor (logHash missing or malformed)`);
    writeFileSync(bad, '{ not json');
    expect(() => readAnchorFiles(bad)).toThrow(/bad\.json: not JSON/);
    expect(() => readAnchorFiles(join(dir, 'nowhere'))).toThrow(/cannot read .*nowhere: ENOENT/);
  });
});
