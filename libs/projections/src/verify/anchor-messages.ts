import type { Mismatch } from './mismatch';

/** What verify --anchors says, in English and Vietnamese. */

const anchor = (detail: string, vi: string, where: { streamId?: string } = {}): Mismatch => ({ kind: 'anchor', ...where, detail, vi });

export const anchorMessages = {
  unknownKey: (position: number, source: string, keyId: string) =>
    anchor(
      `the anchor at position ${position} (${source}) is signed by key ${keyId}, which was not named with --public-key`,
      `mốc neo tại vị trí ${position} (${source}) được ký bằng khóa ${keyId}, không thuộc các khóa đã chỉ định bằng --public-key`,
    ),
  badSignature: (position: number, source: string) =>
    anchor(
      `the anchor at position ${position} (${source}) fails its signature: it was altered or forged`,
      `chữ ký của mốc neo tại vị trí ${position} (${source}) không hợp lệ: mốc neo đã bị sửa hoặc bị giả mạo`,
    ),
  conflicting: (position: number) =>
    anchor(
      `two validly signed anchors at position ${position} disagree: neither is checked (was a signing key shared or stolen?)`,
      `hai mốc neo có chữ ký hợp lệ tại vị trí ${position} mâu thuẫn nhau: không kiểm tra mốc nào (khóa ký có bị dùng chung hoặc bị lộ?)`,
    ),
  missingFromDatabase: (position: number) =>
    anchor(`the anchor at position ${position} is missing from the database's anchors table`, `bảng anchors của cơ sở dữ liệu thiếu mốc neo tại vị trí ${position}`),
  differsInDatabase: (position: number) =>
    anchor(
      `the database's copy of the anchor at position ${position} differs from the signed one`,
      `bản sao trong cơ sở dữ liệu của mốc neo tại vị trí ${position} khác với bản đã ký`,
    ),
  streamsUnavailable: (position: number, why: string, whyVi: string) =>
    anchor(
      `the streams the anchor at position ${position} commits to are not available (${why}): a changed stream in its range cannot be named`,
      `không có danh sách luồng mà mốc neo tại vị trí ${position} cam kết (${whyVi}): không thể chỉ ra luồng bị thay đổi trong khoảng này`,
    ),
  logHash: (position: number, signedAt: string, later: number) =>
    anchor(
      `the first ${position} events of the log do not hash to the anchor at position ${position} (signed ${signedAt}): an event it covers was changed, removed, added or reordered${later > 0 ? `; so do the ${later} anchors after it` : ''}`,
      `${position} sự kiện đầu tiên của sổ không khớp mã băm của mốc neo tại vị trí ${position} (ký lúc ${signedAt}): có sự kiện đã bị sửa, xóa, thêm hoặc đổi thứ tự${later > 0 ? `; ${later} mốc neo sau đó cũng vậy` : ''}`,
    ),
  logShorter: (events: number, position: number, later: number) =>
    anchor(
      `the log holds ${events} events, but the anchor at position ${position} covers ${position}: events were removed${later > 0 ? ` (and ${later} more anchors cover events past the log's end)` : ''}`,
      `sổ chỉ có ${events} sự kiện, nhưng mốc neo tại vị trí ${position} bao gồm ${position} sự kiện: đã có sự kiện bị xóa${later > 0 ? ` (thêm ${later} mốc neo khác vượt quá cuối sổ)` : ''}`,
    ),
  streamGone: (streamId: string, position: number, version: number) =>
    anchor(
      `the anchor at position ${position} commits to version ${version} of this stream, but the log holds none of its events in that anchor's range (removed or moved)`,
      `mốc neo tại vị trí ${position} cam kết phiên bản ${version} của luồng này, nhưng sổ không còn sự kiện nào của luồng trong khoảng của mốc neo (bị xóa hoặc di chuyển)`,
      { streamId },
    ),
  streamVersion: (streamId: string, position: number, committed: number, found: number) =>
    anchor(
      `the anchor at position ${position} commits to version ${committed}, the log has version ${found} (events ${found < committed ? 'removed' : 'added'})`,
      `mốc neo tại vị trí ${position} cam kết phiên bản ${committed}, sổ có phiên bản ${found} (sự kiện ${found < committed ? 'bị xóa' : 'bị thêm'})`,
      { streamId },
    ),
  streamHash: (streamId: string, position: number, version: number) =>
    anchor(
      `version ${version} no longer has the hash the anchor at position ${position} committed to: an event of this stream was changed`,
      `phiên bản ${version} không còn mã băm mà mốc neo tại vị trí ${position} đã cam kết: một sự kiện của luồng này đã bị sửa`,
      { streamId },
    ),
  streamMoved: (streamId: string, position: number) =>
    anchor(
      `its events' places in the log order differ from those the anchor at position ${position} committed to (reordered or moved)`,
      `vị trí các sự kiện của luồng trong thứ tự của sổ khác với cam kết của mốc neo tại vị trí ${position} (bị đổi thứ tự hoặc di chuyển)`,
      { streamId },
    ),
  streamUnexpected: (streamId: string, position: number) =>
    anchor(
      `the log has events of this stream in the range of the anchor at position ${position}, which committed to none (added or moved)`,
      `sổ có sự kiện của luồng này trong khoảng của mốc neo tại vị trí ${position}, trong khi mốc neo không cam kết sự kiện nào của luồng (bị thêm hoặc di chuyển)`,
      { streamId },
    ),
  moreStreams: (position: number, more: number) =>
    anchor(`… and ${more} more streams in the range of the anchor at position ${position}`, `… và ${more} luồng khác trong khoảng của mốc neo tại vị trí ${position}`),
};
