/** What a `User-Agent` header says about the device, in names people recognise. */
export interface DeviceDescription {
  /** e.g. Chrome, Firefox, Safari; or the program's own name (curl) when it is no browser */
  browser: string | null;
  /** e.g. Windows, macOS, Linux, Android, iOS */
  os: string | null;
}

// First match wins: Edge, Opera and Samsung Internet also call themselves Chrome and Safari, and
// Chrome calls itself Safari, so the more specific names come first.
const browsers: [RegExp, string][] = [
  [/\bEdg(?:e|A|iOS)?\//, 'Edge'],
  [/\b(?:OPR|OPiOS)\//, 'Opera'],
  [/\bSamsungBrowser\//, 'Samsung Internet'],
  [/\b(?:Firefox|FxiOS)\//, 'Firefox'],
  [/\b(?:HeadlessChrome|Chrome|Chromium|CriOS)\//, 'Chrome'],
  [/\bVersion\/[\d.]+.*\bSafari\//, 'Safari'],
];

// iPhones and iPads say "like Mac OS X", Android says "Linux": those come first.
const systems: [RegExp, string][] = [
  [/\b(?:iPhone|iPod)\b/, 'iOS'],
  [/\biPad\b/, 'iPadOS'],
  [/\bAndroid\b/, 'Android'],
  [/\bCrOS\b/, 'ChromeOS'],
  [/\bWindows\b/, 'Windows'],
  [/\b(?:Macintosh|Mac OS X)\b/, 'macOS'],
  [/\b(?:Linux|X11)\b/, 'Linux'],
];

/**
 * Browser and operating system from a `User-Agent` header; a program that is no browser (curl,
 * a script) is named by its first product token. Either part is null when it cannot be told,
 * both for a missing header.
 */
export function describeUserAgent(userAgent: string | null | undefined): DeviceDescription {
  const header = userAgent?.trim();
  if (!header) return { browser: null, os: null };
  const os = systems.find(([pattern]) => pattern.test(header))?.[1] ?? null;
  let browser = browsers.find(([pattern]) => pattern.test(header))?.[1] ?? null;
  if (!browser && !header.startsWith('Mozilla/')) {
    browser = /^[\w.-]+/.exec(header)?.[0] ?? null;
  }
  return { browser, os };
}
