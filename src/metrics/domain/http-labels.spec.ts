import { methodLabel, routeLabel, UNMATCHED_ROUTE } from './http-labels';

describe('HTTP metric labels', () => {
  it('keeps the route template and labels a request that matched no route by one fixed value', () => {
    expect(routeLabel('/v1/customers/:customerId/calls')).toBe('/v1/customers/:customerId/calls');
    expect(routeLabel(undefined)).toBe(UNMATCHED_ROUTE);
  });

  it('keeps the usual methods and folds any other into OTHER', () => {
    expect(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'].map(methodLabel)).toEqual([
      'GET',
      'HEAD',
      'POST',
      'PUT',
      'PATCH',
      'DELETE',
      'OPTIONS',
    ]);
    expect(['PROPFIND', 'TRACE', 'get'].map(methodLabel)).toEqual(['OTHER', 'OTHER', 'OTHER']);
  });
});
