import { describe, expect, it } from 'vitest';
import { rebuiltAsTwirCi } from './urls';

describe('rebuiltAsTwirCi', () => {
  // Each expected value is what Python 3.11's urllib gives through TWiR's CI's parse_url (checked
  // with Python itself; test/oracle runs the CI's scripts where they are available).
  it.each([
    ['https://example.com', 'https://example.com/'],
    ['https://example.com/', 'https://example.com/'],
    ['https://a.org//b///c/', 'https://a.org/b/c/'],
    ['https://a.org/x?', 'https://a.org/x'],
    ['https://a.org/x?flag', 'https://a.org/x'],
    ['https://a.org/x?a=&b=1', 'https://a.org/x?b=1'],
    ['https://a.org/x?q=a%20b', 'https://a.org/x?q=a+b'],
    ['https://a.org/x?a=1,2', 'https://a.org/x?a=1%2C2'],
    ['https://a.org/x?a=1&b=2&a=3', 'https://a.org/x?a=1&a=3&b=2'],
    ['https://a.org/x?q=%e9%ZZ', 'https://a.org/x?q=%EF%BF%BD%25ZZ'],
    ['https://a.org/x?q=caf\u00e9~_.-', 'https://a.org/x?q=caf%C3%A9~_.-'],
    ['https://a.org/x?utm_source=x&b=2#f', 'https://a.org/x?b=2#f'],
    ['https://a.org/x#', 'https://a.org/x'],
    ['HTTPS://A.org/x', 'https://A.org/x'],
    ['mailto:a@b.org', 'mailto:a@b.org'],
    ['https://web.archive.org/web/2020/https://example.com/a', 'https://web.archive.org/web/2020/https:/example.com/a'],
    ['www.example.com/a', 'www.example.com/a'],
    ['/relative//path', 'relative/path'],
    ['https:foo', 'https:///foo'],
  ])('%s → %s', (url, rebuilt) => {
    expect(rebuiltAsTwirCi(url)).toBe(rebuilt);
  });
});
