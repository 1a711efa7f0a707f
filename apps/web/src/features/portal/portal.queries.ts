import { queryOptions, skipToken } from '@tanstack/react-query';
import { applyApi, portalApi } from './portal.api';

/** The merchant portal's own records, under `['portal']`: never mixed with the staff side's cache. */
export const portalSubmissionsKey = ['portal', 'submissions'] as const;
export const portalSubmissionDetailKey = [...portalSubmissionsKey, 'detail'] as const;

export const portalQueries = {
  merchant: () =>
    queryOptions({ queryKey: ['portal', 'merchant'], queryFn: ({ signal }) => portalApi.merchant(signal) }),
  submissions: () =>
    queryOptions({
      queryKey: [...portalSubmissionsKey, 'list'],
      queryFn: ({ signal }) => portalApi.submissions(signal),
    }),
  categories: () =>
    queryOptions({
      queryKey: ['portal', 'categories'],
      queryFn: ({ signal }) => portalApi.categories(signal),
    }),
  deposits: () =>
    queryOptions({ queryKey: ['portal', 'deposits'], queryFn: ({ signal }) => portalApi.deposits(signal) }),
  inspections: () =>
    queryOptions({
      queryKey: ['portal', 'inspections'],
      queryFn: ({ signal }) => portalApi.inspections(signal),
    }),
};

/** What an invite link (token from the URL fragment) is for; the public apply page reads it before sign-up. */
export const inviteCheckQuery = (token: string) =>
  queryOptions({
    queryKey: ['portal', 'invite', token],
    queryFn: token ? ({ signal }) => applyApi.check(token, signal) : skipToken,
  });
