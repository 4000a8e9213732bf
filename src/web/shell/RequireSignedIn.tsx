// The guard in front of every signed-in page: signed-out visitors go to the sign-in page and come back.
import { Navigate, Outlet, useLocation } from "react-router";
import { useAppInfo } from "../api/app-info";
import { useMe } from "../api/me";
import { FullPageLoader } from "../components/FullPageLoader";
import { CurrentUserProvider } from "./current-user";
import { ErrorState } from "./ErrorState";
import { loginPathFor } from "./safe-next";

export function RequireSignedIn() {
  const me = useMe();
  const appInfo = useAppInfo();
  const location = useLocation();
  // Every header names the brand: load it alongside the user rather than flash an empty name.
  if (appInfo.isPending) return <FullPageLoader />;
  if (me.data) {
    return (
      <CurrentUserProvider me={me.data}>
        <Outlet />
      </CurrentUserProvider>
    );
  }
  if (me.data === null)
    return <Navigate to={loginPathFor(`${location.pathname}${location.search}`)} replace />;
  if (me.isError) return <ErrorState error={me.error} onRetry={() => void me.refetch()} />;
  return <FullPageLoader />;
}
