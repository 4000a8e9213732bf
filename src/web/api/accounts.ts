// Accounts and companies: the console's "Empresas" and "Usuários", the portal's "Pessoas da empresa".
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import {
  Company,
  CompanyOverview,
  CompanyPage,
  type CreateCompanyRequest,
  type UpdateCompanyRequest,
} from "../../contracts/companies";
import {
  CreatedUser,
  type CreateUserRequest,
  PasswordLink,
  type UpdateUserRequest,
  User,
  UserInvitation,
  UserPage,
} from "../../contracts/users";
import { apiRequest } from "./client";
import { queryKeys } from "./query-keys";
import { searchOf } from "./search-params";

const PAGE_SIZE = 25;

/** Empty filters are left out of the address (and of the cache key). */
function filled(filters: Record<string, string | null | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(filters).filter((entry): entry is [string, string] => Boolean(entry[1])),
  );
}

export function useCompanyList(filters: Record<string, string | null | undefined>) {
  const query = filled(filters);
  return useInfiniteQuery({
    queryKey: queryKeys.accountCompanies(query),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/companies${searchOf({ ...query, cursor: pageParam, limit: PAGE_SIZE })}`,
        CompanyPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    // While a new search or filter loads, the rows on screen (and their open menus) stay.
    placeholderData: keepPreviousData,
  });
}

export function useCompanyOverview(companyId: string) {
  return useQuery({
    queryKey: queryKeys.accountCompany(companyId),
    queryFn: () => apiRequest("GET", `/api/v1/companies/${companyId}/overview`, CompanyOverview),
  });
}

/** Creating (no id) or changing a company; every account list refreshes after. */
export function useSaveCompany(companyId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateCompanyRequest | UpdateCompanyRequest) =>
      companyId
        ? apiRequest("PATCH", `/api/v1/companies/${companyId}`, Company, request)
        : apiRequest("POST", "/api/v1/companies", Company, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}

export function useUserList(filters: Record<string, string | null | undefined>, enabled = true) {
  const query = filled(filters);
  return useInfiniteQuery({
    queryKey: queryKeys.accountUsers(query),
    queryFn: ({ pageParam }) =>
      apiRequest(
        "GET",
        `/api/v1/users${searchOf({ ...query, cursor: pageParam, limit: PAGE_SIZE })}`,
        UserPage,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Staff get the account and its one-time link (201); a company's admin an invitation (202). */
export function useInviteUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: CreateUserRequest) =>
      apiRequest("POST", "/api/v1/users", CreatedUser.or(UserInvitation), request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}

export function useChangeUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, request }: { userId: string; request: UpdateUserRequest }) =>
      apiRequest("PATCH", `/api/v1/users/${userId}`, User, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}

export function usePasswordLink() {
  return useMutation({
    mutationFn: (userId: string) =>
      apiRequest("POST", `/api/v1/users/${userId}/password-link`, PasswordLink, {}),
  });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiRequest("POST", `/api/v1/users/${userId}/unlock`, User, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.accounts }),
  });
}
