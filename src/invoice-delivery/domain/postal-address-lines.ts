/** A billing address as the customers module gives it (`CustomerProfile.billingAddress`). */
export interface PostalAddress {
  line1: string;
  line2: string | null;
  city: string;
  postalCode: string | null;
  region: string | null;
  /** ISO 3166-1 alpha-2. */
  country: string;
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/**
 * The address as printed on the invoice, one field per line and the country by its English name:
 * "Rua Augusta 100", "1100-053 Lisboa", "Portugal". The postal code goes before the city, as most
 * of Europe writes it; a region gets its own line.
 */
export function postalAddressLines(address: PostalAddress | null): string[] {
  if (!address) return [];
  const cityLine = address.postalCode ? `${address.postalCode} ${address.city}` : address.city;
  return [
    address.line1,
    ...(address.line2 ? [address.line2] : []),
    cityLine,
    ...(address.region ? [address.region] : []),
    countryNames.of(address.country) ?? address.country,
  ];
}
