import { describe, expect, it } from 'vitest';
import { parseGmailDate } from './gmail-date';

describe('parseGmailDate', () => {
  it.each([
    // en-GB, captured (CAP25, Aug 2025)
    ['20 Aug 2025, 13:19', '2025-08-20T13:19'],
    ['20 Aug 2025, 13:19 (2 days ago)', '2025-08-20T13:19'],
    ['Wed, 20 Aug 2025, 13:19', '2025-08-20T13:19'],
    ['3 Sept 2025, 07:05', '2025-09-03T07:05'],
    // en-US (2013 copy; CLDR form; Chrome's narrow no-break space before AM/PM)
    ['Mon, Nov 18, 2013 at 11:20 AM', '2013-11-18T11:20'],
    ['Nov 18, 2013, 11:20 AM', '2013-11-18T11:20'],
    ['Nov 18, 2013, 11:20\u202fPM', '2013-11-18T23:20'],
    ['Dec 1, 2025, 12:05 AM', '2025-12-01T00:05'],
    ['Dec 1, 2025, 12:05 PM', '2025-12-01T12:05'],
    ['Mar 15, 2025, 9:00 AM', '2025-03-15T09:00'],
    // French (inferred)
    ['15 sept. 2025, 09:12', '2025-09-15T09:12'],
    ['lun. 15 sept. 2025, 09:12', '2025-09-15T09:12'],
    ['mar. 16 sept. 2025, 09:12', '2025-09-16T09:12'],
    ['15 sept. 2025 à 09:12', '2025-09-15T09:12'],
    ['3 févr. 2026, 18:40', '2026-02-03T18:40'],
    ['14 août 2026, 08:00', '2026-08-14T08:00'],
    ['1er mai 2026, 10:00', '2026-05-01T10:00'],
    ['22\u00a0déc.\u00a02026, 23:59', '2026-12-22T23:59'],
    ['2025-08-20 13:19', '2025-08-20T13:19'],
  ])('%s → %s', (input, expected) => {
    expect(parseGmailDate(input)).toBe(expected);
  });

  it.each([
    [null],
    [''],
    ['yesterday'],
    ['13:19'],
    ['31 Feb 2025, 10:00'],
    ['20 Foo 2025, 13:19'],
    ['20 Aug 2025, 25:00'],
    ['Nov 18, 2013, 13:20 PM'],
    ['2016年5月4日 上午10:08'],
  ])('rejects %s', (input) => {
    expect(parseGmailDate(input)).toBeNull();
  });
});
