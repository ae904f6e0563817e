import { postalAddressLines } from './postal-address-lines';

describe('postalAddressLines', () => {
  it('prints each field on its line, the postal code before the city and the country by name', () => {
    expect(
      postalAddressLines({
        line1: 'ul. Piotrkowska 1',
        line2: 'lok. 3',
        city: 'Łódź',
        postalCode: '90-001',
        region: 'łódzkie',
        country: 'PL',
      }),
    ).toEqual(['ul. Piotrkowska 1', 'lok. 3', '90-001 Łódź', 'łódzkie', 'Poland']);
  });

  it('leaves out the optional fields that are not set, and prints nothing without an address', () => {
    expect(
      postalAddressLines({
        line1: 'Odos 1',
        line2: null,
        city: 'Αθήνα',
        postalCode: null,
        region: null,
        country: 'GR',
      }),
    ).toEqual(['Odos 1', 'Αθήνα', 'Greece']);
    expect(postalAddressLines(null)).toEqual([]);
  });
});
