/** `tel:` link for a phone number as people write it ("088 - 123 45 67", "+31 88 ..."). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}

/**
 * A website from configuration as a safe link: only http(s), so a `javascript:` URL in data can
 * never run. A bare host name ("www.example.nl") gets https://.
 */
export function websiteHref(website: string): string | null {
  const candidate = /^[a-z][a-z0-9+.-]*:/i.test(website) ? website : `https://${website}`;
  try {
    const url = new URL(candidate);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** How a website is shown: without the scheme and trailing slash, as people say it. */
export function websiteLabel(website: string): string {
  return website.replace(/^https?:\/\//i, '').replace(/\/$/, '');
}
